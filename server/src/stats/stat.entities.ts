// The dashboard's pre-summed figures (see rollup.ts): kept in the same transaction as the writes they
// sum, at every level of the region tree, so a province's figures are a few thousand rows to read,
// not millions of records. They are derived data: `rollup-rebuild.ts` recomputes them from the
// records at any time, and a test keeps the two equal.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { BUSINESS_DATE_COLUMN, ID_COLUMN, REGION_CODE_COLUMN } from '../database/columns';

/** A region and one of its children; the root ('') has the provinces as children. */
abstract class RegionChildKey {
  /** The region summed over: '' (the whole country), a province, city, county or township. */
  @PrimaryColumn(REGION_CODE_COLUMN)
  regionCode!: string;

  /** The child region of regionCode that the businesses are in. */
  @PrimaryColumn(REGION_CODE_COLUMN)
  childCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 1 })
  grade!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  businessType!: string;
}

/** The kinds of unit summed in stat_records. */
export enum StatKind {
  /** 日管控: a daily check, by its business date. */
  Daily = 'D',
  /** 周排查: a weekly investigation, by its week's Sunday. */
  Weekly = 'W',
  /** 月调度: a monthly review, by its month's last day. */
  Monthly = 'M',
  /** The businesses' own problems, by the day found: found and fixed. */
  Problem = 'P',
  /** 督导: a business's first supervision visit in a cycle, by the cycle's last day (under its grade's frequency now). */
  Visit = 'V',
}

/** Records made (D, W, M), first visits per cycle (V) and problems found (P) per unit end date. */
@Entity('stat_records')
export class StatRecords extends RegionChildKey {
  @PrimaryColumn({ type: 'varchar', length: 1 })
  kind!: StatKind;

  @PrimaryColumn(BUSINESS_DATE_COLUMN)
  unitDate!: string;

  /** D/W/M: current records for the unit (one per business and unit). */
  @Column({ type: 'int' })
  done!: number;

  /** Of done, received after the unit ended. */
  @Column({ type: 'int' })
  late!: number;

  /** Of done, by businesses whose duties had not started by unitDate. */
  @Column({ type: 'int' })
  unowed!: number;

  /** P: problems found that day (superseded ones excluded). */
  @Column({ type: 'int' })
  found!: number;

  /** P: of found, resolved by now. */
  @Column({ type: 'int' })
  fixed!: number;
}

/** How many confirmed businesses, and how many need and have their director and officer. */
abstract class BusinessCounts extends RegionChildKey {
  @Column({ type: 'int' })
  businesses!: number;

  @Column({ type: 'int' })
  requiringDirector!: number;

  @Column({ type: 'int' })
  withDirector!: number;

  @Column({ type: 'int' })
  withOfficer!: number;

  /** Businesses with a cadre assigned (cadre_assignments). */
  @Column({ type: 'int', default: 0 })
  withCadre!: number;
}

/**
 * Confirmed businesses per start date of their duties, and their staffing as it stands. The
 * dashboard reads only the starts inside its period (the index); stat_business_totals has the rest.
 */
@Entity('stat_businesses')
@Index('IDX_stat_businesses_region_since', ['regionCode', 'since'])
export class StatBusinesses extends BusinessCounts {
  @PrimaryColumn(BUSINESS_DATE_COLUMN)
  since!: string;
}

/** stat_businesses summed over start dates: a region's children, a few rows each. */
@Entity('stat_business_totals')
export class StatBusinessTotals extends BusinessCounts {}

/**
 * What each business contributes to stat_businesses now, and under which key its records are summed:
 * the rollup's memory of a business, so a change (confirmed, regraded, moved, staffed) moves exactly
 * its own share.
 */
@Entity('stat_enterprises')
export class StatEnterprise {
  @PrimaryColumn(ID_COLUMN)
  enterpriseId!: string;

  /** Village-level region code. */
  @Column(REGION_CODE_COLUMN)
  regionCode!: string;

  @Column({ type: 'varchar', length: 1 })
  grade!: string;

  @Column({ type: 'varchar', length: 32 })
  businessType!: string;

  @Column(BUSINESS_DATE_COLUMN)
  since!: string;

  @Column({ type: 'boolean' })
  requiringDirector!: boolean;

  @Column({ type: 'boolean' })
  withDirector!: boolean;

  @Column({ type: 'boolean' })
  withOfficer!: boolean;

  /** It has a cadre assigned (a cadre_assignments row). */
  @Column({ type: 'boolean', default: false })
  withCadre!: boolean;
}

export const STAT_ENTITIES = [StatRecords, StatBusinesses, StatBusinessTotals, StatEnterprise];
