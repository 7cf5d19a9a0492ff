import { Module } from '@nestjs/common';
import { FieldCrypto, fieldCryptoFor } from '../common/field-crypto';
import { APP_CONFIG, AppConfig } from '../config/config';
import { FilesModule } from '../files/files.module';
import { ComplaintsController, WorkingCalendarController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';
import { PublicComplaintsController } from './public-complaints.controller';
import { PublicComplaintsService } from './public-complaints.service';
import { PublicGuard } from './public-guard';
import { WorkingCalendarService } from './working-calendar.service';

/** 投诉举报 (issue #7): the public's pages and submissions, the officials' handling, the working calendar. */
@Module({
  // FilesModule: the one evidence store (STORAGE_SERVICE) and the multipart parser.
  imports: [FilesModule],
  controllers: [PublicComplaintsController, ComplaintsController, WorkingCalendarController],
  providers: [
    PublicComplaintsService,
    ComplaintsService,
    WorkingCalendarService,
    PublicGuard,
    { provide: FieldCrypto, inject: [APP_CONFIG], useFactory: (c: AppConfig) => fieldCryptoFor(c.dataEncryption) },
  ],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
