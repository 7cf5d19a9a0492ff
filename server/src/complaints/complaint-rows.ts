// What a complaint row gives every response: its deadlines and its labelled kind and status.
import { BusinessDate, COMPLAINT_KIND_LABELS, COMPLAINT_STATUS_LABELS, ComplaintDeadline, complaintDeadlines, ComplaintKind, ComplaintStatus, runningDeadline, WorkingCalendar } from '@shian/shared';
import type { Complaint } from './complaint.entities';

/** A complaint row's statutory deadlines (shared complaintDeadlines) and the one still running. */
export function deadlinesOf(c: Complaint, cal: WorkingCalendar, today: BusinessDate): { all: ComplaintDeadline[]; running: ComplaintDeadline | null } {
  const all = complaintDeadlines(
    {
      kind: c.kind,
      receivedDate: c.receivedDate,
      decidedDate: c.decidedDate,
      acceptedDate: c.acceptedDate,
      mediationEndedDate: c.mediationEndedDate,
      notifiedDate: c.notifiedDate,
      checkExtended: c.checkExtended,
    },
    cal,
    today,
  );
  return { all, running: runningDeadline(all) };
}

/** 投诉 / 举报 and the status, with their Chinese labels. */
export function kindAndStatus(c: Pick<Complaint, 'kind' | 'status'>): { kind: ComplaintKind; kindLabel: string; status: ComplaintStatus; statusLabel: string } {
  return { kind: c.kind, kindLabel: COMPLAINT_KIND_LABELS[c.kind], status: c.status, statusLabel: COMPLAINT_STATUS_LABELS[c.status] };
}
