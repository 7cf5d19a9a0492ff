import { createSecretKey } from 'node:crypto';
import { DynamicModule, LoggerService, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from './auth/auth.module';
import { AuthGuard } from './common/auth.guard';
import { ComplaintsModule } from './complaints/complaints.module';
import { APP_CONFIG, AppConfig } from './config/config';
import { DailyChecksModule } from './daily-checks/daily-checks.module';
import { buildDataSourceOptions } from './database/data-source';
import { EnterprisesModule } from './enterprises/enterprises.module';
import { FilesModule } from './files/files.module';
import { HealthController } from './health/health.controller';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { IntegrityModule } from './integrity/integrity.module';
import { MonthlyReviewsModule } from './monthly-reviews/monthly-reviews.module';
import { ProblemsModule } from './problems/problems.module';
import { RectificationsModule } from './rectifications/rectifications.module';
import { ReviewsModule } from './reviews/reviews.module';
import { RegionsController } from './regions/regions.controller';
import { RiskListsModule } from './risk-lists/risk-lists.module';
import { StaffDutyModule } from './staff-duty/staff-duty.module';
import { SupervisionModule } from './supervision/supervision.module';
import { VisitsModule } from './supervision/visits/visits.module';
import { WeeklyInvestigationsModule } from './weekly-investigations/weekly-investigations.module';

@Module({})
export class AppModule {
  static forConfig(config: AppConfig, logger?: LoggerService): DynamicModule {
    const jwtKey = createSecretKey(Buffer.from(config.jwt.secret));
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({ useFactory: () => buildDataSourceOptions(config, logger) }),
        // A KeyObject made once: given a string, jsonwebtoken tries (and fails) to parse a public key on every call.
        JwtModule.register({ global: true, secretOrKeyProvider: () => jwtKey, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
        IdempotencyModule,
        IntegrityModule,
        AuthModule,
        DailyChecksModule,
        EnterprisesModule,
        RiskListsModule,
        FilesModule,
        ProblemsModule,
        WeeklyInvestigationsModule,
        MonthlyReviewsModule,
        StaffDutyModule,
        ReviewsModule,
        RectificationsModule,
        SupervisionModule,
        VisitsModule,
        ComplaintsModule,
      ],
      controllers: [HealthController, RegionsController],
      providers: [{ provide: APP_CONFIG, useValue: config }, { provide: APP_GUARD, useClass: AuthGuard }],
      exports: [APP_CONFIG],
    };
  }
}
