// 检查日历: a business's days of one month for the 日管控 (done / late / missed / problem), by
// the same day rules the weekly and monthly reports count with (dailyCalendar in shared).
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { dailyCalendar, DailyCalendarDto, monthDates, todayInShanghai } from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { applyScope } from '../common/region-scope';
import { validationFailed } from '../common/validation';
import { dutiesSince, Enterprise } from '../enterprises/enterprise.entity';
import { DailyCheck } from './daily-check.entity';
import { DailyCheckErrors } from './daily-checks.errors';
import { DailyCalendarQueryDto } from './dto/daily-calendar.dto';

@Injectable()
export class DailyCalendarService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * The month's calendar of the caller's enterprise, or (officials) of `enterpriseId` in their
   * region; out of scope answers 404 like a missing business. A month after this one is a 400:
   * nothing in it can be checked yet, and the app never offers it.
   */
  async month(caller: Caller, q: DailyCalendarQueryDto, now = new Date()): Promise<DailyCalendarDto> {
    const enterpriseId = q.enterpriseId ?? caller.enterpriseId;
    if (!enterpriseId) throw validationFailed([{ field: 'enterpriseId', message: '企业ID不能为空：请指定要查看的企业' }]);
    const today = todayInShanghai(now);
    if (`${q.month}-01` > today) throw AppError.of(DailyCheckErrors, 'FUTURE_MONTH', [{ field: 'month', message: `月份不能晚于本月（今天是 ${today}）` }]);

    // An enterprise user's scope is their enterprise: another id is out of scope, hence 404.
    const eq = this.ds.getRepository(Enterprise).createQueryBuilder('e').select(['e.id', 'e.createdAt', 'e.confirmedAt']).where('e.id = :id', { id: enterpriseId });
    const enterprise = await applyScope(eq, caller, { region: 'e.regionCode', enterprise: 'e.id' }).getOne();
    if (!enterprise) throw notFound('企业');

    const dates = monthDates(q.month);
    const checks = await this.ds
      .getRepository(DailyCheck)
      .createQueryBuilder('dc')
      .select(['dc.id', 'dc.businessDate', 'dc.late', 'dc.problemCount'])
      .where('dc.enterpriseId = :enterpriseId', { enterpriseId })
      .andWhere('dc.isCurrent = :current', { current: true })
      .andWhere('dc.businessDate BETWEEN :from AND :to', { from: dates[0], to: dates[dates.length - 1] })
      .getMany();
    return dailyCalendar({ enterpriseId, month: q.month, today, since: dutiesSince(enterprise), checks });
  }
}
