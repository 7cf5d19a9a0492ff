import { Region } from '../regions/region.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { User } from '../auth/user.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { DailyCheck } from '../daily-checks/daily-check.entity';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity';

export const ENTITIES = [Region, Enterprise, User, RefreshToken, DailyCheck, IdempotencyRecord];
