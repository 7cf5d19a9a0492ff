import { Role, type MonthlyReviewDto } from '@shian/shared';
import { MonthlyReviewDetailPage } from '../../../../components/PeriodRecordViews';
import { useSession } from '../../../../hooks/useSession';
import { navigateTo } from '../../../../platform/nav';
import { CorrectRecordButton } from '../../components/RecordCorrection';
import { ReturnedRecordBanner } from '../../components/ReturnedRecordBanner';

/** One submitted 月调度 minutes (?id=): an official's return above it; 更正 for the principal. */
export default function EnterpriseMonthlyReviewDetailPage() {
  const { session } = useSession();
  const canCorrect = session?.user.role === Role.Principal;
  const correct = (m: MonthlyReviewDto) => () => navigateTo('enterprise.monthlyReview', { correct: m.id });
  return (
    <MonthlyReviewDetailPage
      route="enterprise.monthlyReviewDetail"
      renderTop={(m) => <ReturnedRecordBanner recordType="monthly_review" record={m} correct={canCorrect ? { onCorrect: correct(m) } : { who: '主要负责人' }} />}
      renderBottom={(m) => <CorrectRecordButton record={m} label="更正此纪要" onCorrect={canCorrect ? correct(m) : undefined} />}
    />
  );
}
