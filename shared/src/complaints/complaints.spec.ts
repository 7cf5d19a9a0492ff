import {
  addWorkingDays,
  yearsMissing,
  allowedActions,
  CALENDAR_2026,
  complaintDeadlines,
  ComplaintMilestones,
  EMPTY_WORKING_CALENDAR,
  isWorkingDay,
  normaliseCode,
  overdue,
  queryCodeOf,
  QUERY_CODE_PATTERN,
  runningDeadline,
  trackingNoOf,
  TRACKING_NO_PATTERN,
  transitionFor,
  workingCalendarOf,
  workingDaysBetween,
} from '..';

const CN2026 = workingCalendarOf(CALENDAR_2026);

describe('working days', () => {
  it('weekends are off, weekdays on, without a calendar', () => {
    expect(isWorkingDay('2026-11-27', EMPTY_WORKING_CALENDAR)).toBe(true); // Friday
    expect(isWorkingDay('2026-11-28', EMPTY_WORKING_CALENDAR)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-29', EMPTY_WORKING_CALENDAR)).toBe(false); // Sunday
    // Friday + 1 working day = Monday; + 7 = the next Tuesday but one.
    expect(addWorkingDays('2026-11-27', 1, EMPTY_WORKING_CALENDAR)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-27', 7, EMPTY_WORKING_CALENDAR)).toBe('2026-12-08');
    // Received on a Saturday: Monday is day 1.
    expect(addWorkingDays('2026-11-28', 1, EMPTY_WORKING_CALENDAR)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-28', 0, EMPTY_WORKING_CALENDAR)).toBe('2026-11-28');
  });

  it('National Day 2026: Oct 1–7 off, Sunday Sep 20 and Saturday Oct 10 worked', () => {
    expect(isWorkingDay('2026-09-20', CN2026)).toBe(true);
    expect(isWorkingDay('2026-10-01', CN2026)).toBe(false);
    expect(isWorkingDay('2026-10-07', CN2026)).toBe(false);
    expect(isWorkingDay('2026-10-08', CN2026)).toBe(true);
    expect(isWorkingDay('2026-10-10', CN2026)).toBe(true);
    expect(isWorkingDay('2026-10-11', CN2026)).toBe(false);
    // Received Wednesday Sep 30: working days Oct 8 (Thu), 9 (Fri), 10 (Sat, make-up), 12, 13, 14, 15.
    expect(addWorkingDays('2026-09-30', 7, CN2026)).toBe('2026-10-15');
    expect(addWorkingDays('2026-09-30', 7, EMPTY_WORKING_CALENDAR)).toBe('2026-10-09');
    // A complaint received on Friday Sep 18: Sep 20 (Sunday) counts.
    expect(addWorkingDays('2026-09-18', 1, CN2026)).toBe('2026-09-20');
  });

  it('Spring Festival 2026: Feb 15–23 off, Saturdays Feb 14 and 28 worked', () => {
    expect(isWorkingDay('2026-02-14', CN2026)).toBe(true);
    expect(isWorkingDay('2026-02-16', CN2026)).toBe(false); // a Monday in the holiday
    // Received Friday Feb 13: Feb 14 (Sat), 24, 25, 26, 27, 28 (Sat), Mar 2.
    expect(addWorkingDays('2026-02-13', 7, CN2026)).toBe('2026-03-02');
    expect(workingDaysBetween('2026-02-13', '2026-03-02', CN2026)).toBe(7);
  });

  it('across the year boundary: New Year 2026 Jan 1–3 off, Sunday Jan 4 worked', () => {
    // Received Wednesday 2025-12-31: Jan 4 (Sun), 5, 6, 7, 8, 9, 12.
    expect(addWorkingDays('2025-12-31', 7, CN2026)).toBe('2026-01-12');
    // 15 working days from Christmas Eve 2025 cross it too.
    expect(addWorkingDays('2025-12-24', 15, CN2026)).toBe('2026-01-15');
  });

  it('45 working days of mediation from an acceptance before National Day', () => {
    const due = addWorkingDays('2026-09-01', 45, CN2026);
    expect(workingDaysBetween('2026-09-01', due, CN2026)).toBe(45);
    expect(isWorkingDay(due, CN2026)).toBe(true);
    expect(due).toBe('2026-11-09');
  });

  it('overdue only after the due day', () => {
    expect(overdue('2026-10-15', null, '2026-10-15')).toBe(false);
    expect(overdue('2026-10-15', null, '2026-10-16')).toBe(true);
    expect(overdue('2026-10-15', '2026-10-15', '2026-12-01')).toBe(false);
    expect(overdue('2026-10-15', '2026-10-16', '2026-10-16')).toBe(true);
  });
});

describe('state machine', () => {
  it('a complaint: received → accepted → mediating → agreed → notified → closed', () => {
    expect(allowedActions('complaint', 'received')).toEqual(['accept', 'not_accept', 'reply']);
    expect(transitionFor('complaint', 'received', 'accept')?.to).toBe('accepted');
    expect(transitionFor('complaint', 'accepted', 'start_mediation')?.to).toBe('mediating');
    expect(transitionFor('complaint', 'mediating', 'agree')?.to).toBe('agreed');
    expect(transitionFor('complaint', 'agreed', 'notify')?.to).toBe('notified');
    expect(transitionFor('complaint', 'notified', 'close')?.to).toBe('closed');
    expect(allowedActions('complaint', 'closed')).toEqual([]);
  });

  it('a refusal needs a reason; a report cannot be accepted, a complaint cannot open a case', () => {
    expect(transitionFor('complaint', 'received', 'not_accept')?.textRequired).toBe(true);
    expect(transitionFor('report', 'received', 'accept')).toBeNull();
    expect(transitionFor('complaint', 'received', 'open_case')).toBeNull();
    expect(transitionFor('complaint', 'accepted', 'accept')).toBeNull();
  });

  it('a report: received → checking → case opened → notified → handled; the check may be extended', () => {
    expect(allowedActions('report', 'checking')).toEqual(['extend_check', 'open_case', 'not_open', 'reply']);
    expect(transitionFor('report', 'case_opened', 'notify')?.to).toBe('notified');
    expect(transitionFor('report', 'notified', 'close')?.to).toBe('handled');
  });
});

describe('deadlines', () => {
  const base: ComplaintMilestones = { kind: 'complaint', receivedDate: '2026-09-30', decidedDate: null, acceptedDate: null, mediationEndedDate: null, notifiedDate: null, checkExtended: false };

  it('a complaint first owes its acceptance decision, then the mediation', () => {
    const open = complaintDeadlines(base, CN2026, '2026-10-16');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ key: 'acceptance', due: '2026-10-15', overdue: true });
    const accepted = complaintDeadlines({ ...base, decidedDate: '2026-10-09', acceptedDate: '2026-10-09' }, CN2026, '2026-10-16');
    expect(accepted.map((d) => [d.key, d.overdue])).toEqual([['acceptance', false], ['mediation', false]]);
    expect(runningDeadline(accepted)?.key).toBe('mediation');
  });

  it('a report is checked within 15 working days, 30 with an extension', () => {
    const report: ComplaintMilestones = { ...base, kind: 'report' };
    expect(complaintDeadlines(report, CN2026, '2026-10-01')[0].due).toBe(addWorkingDays('2026-09-30', 15, CN2026));
    expect(complaintDeadlines({ ...report, checkExtended: true }, CN2026, '2026-10-01')[0].due).toBe(addWorkingDays('2026-09-30', 30, CN2026));
  });
});

describe('a period reaching into a year whose holidays are not entered', () => {
  it('says which year, and counts only its weekends until the year is entered', () => {
    // Mediation from 26 November 2026: 45 working days reach into 2027, whose notice is not out yet.
    const accepted: ComplaintMilestones = { kind: 'complaint', receivedDate: '2026-11-26', decidedDate: '2026-11-26', acceptedDate: '2026-11-26', mediationEndedDate: null, notifiedDate: null, checkExtended: false };
    const [acceptance, mediation] = complaintDeadlines(accepted, CN2026, '2026-11-26');
    expect(acceptance.calendarMissingYears).toEqual([]);
    expect(mediation.calendarMissingYears).toEqual([2027]);
    // With 2027's New Year's Day entered, the year is known and the due day moves one working day on.
    const with2027 = workingCalendarOf([...CALENDAR_2026, { date: '2027-01-01', kind: 'holiday', name: '元旦' }]);
    const [, entered] = complaintDeadlines(accepted, with2027, '2026-11-26');
    expect(entered.calendarMissingYears).toEqual([]);
    expect(entered.due).toBe(addWorkingDays(mediation.due, 1, with2027));
    // A calendar that does not say which years it holds (EMPTY_WORKING_CALENDAR) claims nothing.
    expect(yearsMissing('2026-11-26', '2027-02-01', { holidays: new Set(), makeupWorkdays: new Set() })).toEqual([]);
  });
});

describe('tracking numbers and query codes', () => {
  it('have their documented shapes and read back from what people type', () => {
    const no = trackingNoOf('complaint', '2026-11-25', [0, 31, 32, 200, 255, 17]);
    expect(no).toMatch(TRACKING_NO_PATTERN);
    expect(no.startsWith('TS20261125')).toBe(true);
    expect(trackingNoOf('report', '2026-11-25', [1, 2, 3, 4, 5, 6]).startsWith('JB')).toBe(true);
    const code = queryCodeOf([9, 8, 7, 6, 5, 4, 3, 2]);
    expect(code).toMatch(QUERY_CODE_PATTERN);
    expect(normaliseCode(' ab-cd o1l ')).toBe('ABCD011');
  });
});
