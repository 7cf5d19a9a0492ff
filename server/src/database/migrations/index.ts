import { Init1764057600000 } from './1764057600000-init';
import { Files1764100000000 } from './1764100000000-files';
import { RiskLists1764200000000 } from './1764200000000-risk-lists';
import { WeeklyMonthly1764300000000 } from './1764300000000-weekly-monthly';
import { Onboarding1764400000000 } from './1764400000000-onboarding';
import { Credentials1764500000000 } from './1764500000000-credentials';
import { ReviewRectification1764600000000 } from './1764600000000-review-rectification';
import { StatsRollups1764800000000 } from './1764800000000-stats-rollups';
import { StatBusinessTotals1764810000000 } from './1764810000000-stat-business-totals';
import { RecordCoveringIndexes1764820000000 } from './1764820000000-record-covering-indexes';
import { Supervision1764900000000 } from './1764900000000-supervision';
import { WithCadre1764920000000 } from './1764920000000-with-cadre';
import { CadreFiles1764930000000 } from './1764930000000-cadre-files';
import { Complaints1764950000000 } from './1764950000000-complaints';
import { AssignmentLastVisit1764960000000 } from './1764960000000-assignment-last-visit';

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [Init1764057600000, Files1764100000000, RiskLists1764200000000, WeeklyMonthly1764300000000, Onboarding1764400000000, Credentials1764500000000, ReviewRectification1764600000000, StatsRollups1764800000000, StatBusinessTotals1764810000000, RecordCoveringIndexes1764820000000, Supervision1764900000000, WithCadre1764920000000, CadreFiles1764930000000, Complaints1764950000000, AssignmentLastVisit1764960000000];
