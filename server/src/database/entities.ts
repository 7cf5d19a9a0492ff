import { Region } from '../regions/region.entity';
import { Enterprise } from '../enterprises/enterprise.entity';
import { User } from '../auth/user.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { DailyCheck } from '../daily-checks/daily-check.entity';
import { EvidenceFile } from '../files/evidence-file.entity';
import { IdempotencyRecord } from '../idempotency/idempotency-record.entity';
import { ChainHead, RecordChainLink } from '../integrity/chain.entities';
import { RiskList } from '../risk-lists/risk-list.entity';
import { Problem } from '../problems/problem.entity';
import { WeeklyInvestigation } from '../weekly-investigations/weekly-investigation.entity';
import { MonthlyReview } from '../monthly-reviews/monthly-review.entity';
import { STAFF_DUTY_ENTITIES } from '../staff-duty/entities';
import { ONBOARDING_ENTITIES } from '../staff/entities';
import { REVIEW_RECTIFICATION_ENTITIES } from '../rectifications/entities';
import { STAT_ENTITIES } from '../stats/stat.entities';

export const ENTITIES = [Region, Enterprise, User, RefreshToken, DailyCheck, IdempotencyRecord, EvidenceFile, ChainHead, RecordChainLink, RiskList, Problem, WeeklyInvestigation, MonthlyReview, ...STAFF_DUTY_ENTITIES, ...ONBOARDING_ENTITIES, ...STAT_ENTITIES, ...REVIEW_RECTIFICATION_ENTITIES];
