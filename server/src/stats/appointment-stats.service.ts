// 食品安全总监配备率 and 食品安全员配备率 (domain.md §2) of a region, split by its child regions.
// Confirmed businesses only; a business's roster is its active accounts; whether it must have a
// director comes from its staffing profile — the counting and the formulas are shared/'s.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import {
  appointmentCounts,
  AppointmentStatsDto,
  AppointmentStatsRow,
  directorAppointmentRate,
  EnterpriseStatus,
  officerAppointmentRate,
  RosterMember,
  Role,
  staffingRequirement,
  StaffingRequirement,
} from '@shian/shared';
import { User } from '../auth/user.entity';
import { notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { applyScope, scopeOf } from '../common/region-scope';
import { toNumber } from '../common/sql';
import { Enterprise } from '../enterprises/enterprise.entity';
import { Region } from '../regions/region.entity';
import { staffingProfileOf } from '../staff/staff.service';
import { AppointmentStatsQuery } from './stats.dto';

interface Entry {
  regionCode: string;
  requirement: StaffingRequirement;
  roster: RosterMember[];
}

function row(regionCode: string, regionName: string, entries: readonly Entry[]): AppointmentStatsRow {
  const counts = appointmentCounts(entries);
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

    const eq = this.ds
      .getRepository(Enterprise)
      .createQueryBuilder('e')
      .where('e.status = :status', { status: EnterpriseStatus.Active })
      .andWhere('e.regionCode LIKE :prefix', { prefix: `${code}%` });
    const enterprises = await applyScope(eq, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getMany();

    const uq = this.ds
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(Enterprise, 'e', 'e.id = u.enterpriseId')
      .select('u.enterpriseId', 'enterprise_id')
      .addSelect('u.role', 'role')
      .addSelect('COUNT(*)', 'n')
      .where('u.active = :active', { active: true })
      .andWhere('e.status = :status', { status: EnterpriseStatus.Active })
      .andWhere('e.regionCode LIKE :prefix', { prefix: `${code}%` })
      .groupBy('u.enterpriseId')
      .addGroupBy('u.role');
    const held = (await applyScope(uq, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getRawMany()) as Array<{ enterprise_id: string; role: Role; n: unknown }>;
    const rosters = new Map<string, RosterMember[]>();
    for (const h of held) {
      const roster = rosters.get(h.enterprise_id) ?? [];
      for (let i = 0; i < toNumber(h.n); i++) roster.push({ role: h.role });
      rosters.set(h.enterprise_id, roster);
    }

    const entries: Entry[] = enterprises.map((e) => ({ regionCode: e.regionCode, requirement: staffingRequirement(staffingProfileOf(e)), roster: rosters.get(e.id) ?? [] }));
    return {
      region: row(region.code, region.name, entries),
      children: children.map((c) => row(c.code, c.name, entries.filter((e) => e.regionCode.startsWith(c.code)))),
    };
  }
}
