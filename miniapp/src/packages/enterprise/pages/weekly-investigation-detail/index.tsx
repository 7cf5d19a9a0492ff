import type { WeeklyInvestigationDto } from '@shian/shared';
import { WeeklyInvestigationDetailPage } from '../../../../components/PeriodRecordViews';
import { useSession } from '../../../../hooks/useSession';
import { navigateTo } from '../../../../platform/nav';
import { CorrectRecordButton } from '../../components/RecordCorrection';
import { ReturnedRecordBanner } from '../../components/ReturnedRecordBanner';
import { canSubmitWeekly } from '../../duty';

/** One submitted 周排查 report (?id=): an official's return above it; 更正 for the director. */
export default function EnterpriseWeeklyInvestigationDetailPage() {
  const { session } = useSession();
  const canCorrect = !!session && canSubmitWeekly(session.user.role);
  const correct = (w: WeeklyInvestigationDto) => () => navigateTo('enterprise.weeklyInvestigation', { correct: w.id });
  return (
    <WeeklyInvestigationDetailPage
      route="enterprise.weeklyInvestigationDetail"
      renderTop={(w) => <ReturnedRecordBanner recordType="weekly_investigation" record={w} correct={canCorrect ? { onCorrect: correct(w) } : { who: '食品安全总监' }} />}
      renderBottom={(w) => <CorrectRecordButton record={w} label="更正此报告" onCorrect={canCorrect ? correct(w) : undefined} />}
    />
  );
}
