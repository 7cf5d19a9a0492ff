import { RecordReview } from '../../reviews/record-review.entity';
import { RectificationEvent } from './rectification-event.entity';
import { RectificationOrder } from './rectification-order.entity';

export { RectificationEvent, RectificationOrder };

/** The review and rectification tables (migration 1764600000000-review-rectification). */
export const REVIEW_RECTIFICATION_ENTITIES = [RecordReview, RectificationOrder, RectificationEvent];
