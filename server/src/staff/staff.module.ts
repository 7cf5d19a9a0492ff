import { Module } from '@nestjs/common';
import { FieldCrypto, fieldCryptoFor } from '../common/field-crypto';
import { APP_CONFIG, AppConfig } from '../config/config';
import { StaffDutyModule } from '../staff-duty/staff-duty.module';
import { MeController, StaffController } from './staff.controller';
import { StaffService } from './staff.service';

@Module({
  imports: [StaffDutyModule],
  controllers: [StaffController, MeController],
  providers: [StaffService, { provide: FieldCrypto, inject: [APP_CONFIG], useFactory: (c: AppConfig) => fieldCryptoFor(c.dataEncryption) }],
  exports: [StaffService, FieldCrypto],
})
export class StaffModule {}
