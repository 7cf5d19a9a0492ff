// The working-day calendar (工作日): holidays and make-up workdays per year, edited by an admin when
// the State Council publishes the next year's arrangement. Deadlines are computed from it, so an
// edit recomputes the running deadline of every open complaint.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Like, Not } from 'typeorm';
import { isWeekend, todayInShanghai, WorkingCalendar, workingCalendarOf, WorkingCalendarYearDto } from '@shian/shared';
import type { Caller } from '../common/caller';
import { FieldProblem, validationFailed } from '../common/validation';
import { Complaint, WorkingCalendarEntry } from './complaint.entities';
import { deadlinesOf } from './complaint-rows';
import { PutWorkingCalendarDto } from './dto/complaint.dto';

@Injectable()
export class WorkingCalendarService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The whole calendar: a few dozen rows a year, read per use so an edit applies at once. */
  async calendar(em: EntityManager = this.ds.manager): Promise<WorkingCalendar> {
    return workingCalendarOf(await em.getRepository(WorkingCalendarEntry).find());
  }

  async year(year: number): Promise<WorkingCalendarYearDto> {
    const rows = await this.ds.getRepository(WorkingCalendarEntry).find({ where: { date: Like(`${year}-%`) }, order: { date: 'ASC' } });
    return { year, days: rows.map((r) => ({ date: r.date, kind: r.kind, name: r.name })) };
  }

  /** Replaces the year's days (admin), then moves every running deadline to the new calendar. */
  async replaceYear(_caller: Caller, year: number, dto: PutWorkingCalendarDto, now = new Date()): Promise<WorkingCalendarYearDto> {
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    // Each day is named by its date (its key), which the admin's list shows too.
    dto.days.forEach((d, i) => {
      const field = `days[${i}].date`;
      if (!d.date.startsWith(`${year}-`)) problems.push({ field, message: `日期（${d.date}）不在 ${year} 年内` });
      else if (seen.has(d.date)) problems.push({ field, message: `日期（${d.date}）重复` });
      else if (d.kind === 'workday' && !isWeekend(d.date)) problems.push({ field, message: `日期（${d.date}）不是周六或周日，无需设为调休上班日` });
      seen.add(d.date);
    });
    if (problems.length) throw validationFailed(problems);
    await this.ds.transaction(async (em) => {
      await em.delete(WorkingCalendarEntry, { date: Like(`${year}-%`) });
      if (dto.days.length) await em.insert(WorkingCalendarEntry, dto.days.map((d) => Object.assign(new WorkingCalendarEntry(), { date: d.date, kind: d.kind, name: d.name })));
      const cal = await this.calendar(em);
      const today = todayInShanghai(now);
      const open = await em.getRepository(Complaint).find({ where: { dueDate: Not(IsNull()) } });
      for (const c of open) {
        const { running } = deadlinesOf(c, cal, today);
        if (running?.due !== c.dueDate) await em.update(Complaint, { id: c.id }, { dueDate: running?.due ?? null, dueKey: running?.key ?? null });
      }
    });
    return this.year(year);
  }
}
