// 食品安全总监配备率 and 食品安全员配备率 (domain.md §2) of a region, split by its child regions.
// Confirmed businesses only; a business's roster is its active accounts; whether it must have a
// director comes from its staffing profile — the counting (shared appointmentCounts, per business,
// kept in stat_businesses by stats/rollup-rebuild.ts) and the formulas are shared/'s.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AppointmentCounts, AppointmentStatsDto, AppointmentStatsRow, directorAppointmentRate, officerAppointmentRate } from '@shian/shared';
import { notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { scopeOf } from '../common/region-scope';
import { toNumber } from '../common/sql';
import { Region } from '../regions/region.entity';
import { AppointmentStatsQuery } from './stats.dto';

function row(regionCode: string, regionName: string, counts: AppointmentCounts): AppointmentStatsRow {
  return { regionCode, regionName, ...counts, directorRate: directorAppointmentRate(counts), officerRate: officerAppointmentRate(counts) };
}

@Injectable()
export class AppointmentStatsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async appointments(caller: Caller, q: AppointmentStatsQuery): Promise<AppointmentStatsDto> {
    const scope = scopeOf(caller);
    const code = q.regionCode ?? (scope.kind === 'region' ? scope.prefix : '');
    // Never a figure from outside the caller's region: asking about one answers like a missing region.
    if (scope.kind === 'none' || scope.kind === 'enterprise' || (scope.kind === 'region' && !code.startsWith(scope.prefix))) throw notFound('区划');
    const region = code ? await this.ds.getRepository(Region).findOne({ where: { code } }) : { code: '', name: '全国' };
    if (!region) throw notFound('区划');
    const children = await this.ds.getRepository(Region).find({ where: { parentCode: code || IsNull() }, order: { code: 'ASC' } });

    // The sums the dashboard keeps (stats/rollup.ts): a province is a few hundred rows, not every
    // business and account. Businesses directly in `code` (a village) are its own row's only.
    const summed = (await this.ds.query(
      'SELECT s.child_code AS child, SUM(s.businesses) AS b, SUM(s.requiring_director) AS rd, SUM(s.with_director) AS wd, SUM(s.with_officer) AS wo FROM stat_business_totals s WHERE s.region_code = ? GROUP BY s.child_code',
      [code.length >= 12 ? code.slice(0, 9) : code],
    )) as Array<{ child: string; b: unknown; rd: unknown; wd: unknown; wo: unknown }>;
    const counts = new Map(summed.filter((r) => code.length < 12 || r.child === code).map((r) => [r.child, { businesses: toNumber(r.b), requiringDirector: toNumber(r.rd), withDirector: toNumber(r.wd), withOfficer: toNumber(r.wo) }]));
    const none = { businesses: 0, requiringDirector: 0, withDirector: 0, withOfficer: 0 };
    let total = none;
    for (const c of counts.values()) total = { businesses: total.businesses + c.businesses, requiringDirector: total.requiringDirector + c.requiringDirector, withDirector: total.withDirector + c.withDirector, withOfficer: total.withOfficer + c.withOfficer };
    return {
      region: row(region.code, region.name, total),
      children: children.map((c) => row(c.code, c.name, counts.get(c.code) ?? none)),
    };
  }
}
