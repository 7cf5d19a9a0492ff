import { Module } from '@nestjs/common';
import { ProblemsModule } from '../problems/problems.module';
import { MonthlyReviewsController } from './monthly-reviews.controller';
import { MonthlyReviewsService } from './monthly-reviews.service';

@Module({ imports: [ProblemsModule], controllers: [MonthlyReviewsController], providers: [MonthlyReviewsService], exports: [MonthlyReviewsService] })
export class MonthlyReviewsModule {}
