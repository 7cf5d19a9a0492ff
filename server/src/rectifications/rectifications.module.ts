import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { RectificationTodosService } from './rectification-todos.service';
import { RectificationsController } from './rectifications.controller';
import { RectificationsService } from './rectifications.service';

/** 整改通知 (issue #5), and with the reviews what GET /api/todos/mine shows of both. */
@Module({
  imports: [FilesModule, ReviewsModule],
  controllers: [RectificationsController],
  providers: [RectificationsService, RectificationTodosService],
  exports: [RectificationsService, RectificationTodosService],
})
export class RectificationsModule {}
