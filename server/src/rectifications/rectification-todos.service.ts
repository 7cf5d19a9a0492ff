// The review and rectification part of the business's GET /api/todos/mine: records an official
// returned (until corrected) and rectification orders waiting for the business's answer.
import { Inject, Injectable } from '@nestjs/common';
import { ErrorCodes, RectificationTodos } from '@shian/shared';
import { AppError } from '../common/app-error';
import type { Caller } from '../common/caller';
import { ReviewsService } from '../reviews/reviews.service';
import { RectificationErrors } from './rectifications.errors';
import { RectificationsService } from './rectifications.service';

@Injectable()
export class RectificationTodosService {
  constructor(
    @Inject(ReviewsService) private readonly reviews: ReviewsService,
    @Inject(RectificationsService) private readonly rectifications: RectificationsService,
  ) {}

  async mine(caller: Caller, now = new Date()): Promise<RectificationTodos> {
    if (!caller.enterpriseId) throw AppError.of(RectificationErrors, ErrorCodes.NoEnterprise);
    return {
      returnedRecords: await this.reviews.returnedFor(caller.enterpriseId),
      rectifications: await this.rectifications.awaitingAnswer(caller.enterpriseId, now),
    };
  }
}
