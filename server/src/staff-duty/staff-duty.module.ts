import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { CredentialsController } from './credentials.controller';
import { CredentialsService } from './credentials.service';
import { EnterpriseTodosService } from './enterprise-todos.service';
import { EnterpriseTodosController, SpotExamsController } from './spot-exams.controller';
import { SpotExamsService } from './spot-exams.service';
import { TrainingsController } from './trainings.controller';
import { TrainingsService } from './trainings.service';

/** 三人三责 papers: credentials, internal training records, spot exams and the to-dos they open. */
@Module({
  imports: [FilesModule],
  controllers: [CredentialsController, TrainingsController, SpotExamsController, EnterpriseTodosController],
  providers: [CredentialsService, TrainingsService, SpotExamsService, EnterpriseTodosService],
  exports: [CredentialsService, EnterpriseTodosService],
})
export class StaffDutyModule {}
