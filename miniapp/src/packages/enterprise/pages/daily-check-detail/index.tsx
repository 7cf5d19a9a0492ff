import { DailyCheckDetailPage } from '../../../../components/DailyCheckDetailPage';

export default DailyCheckDetailPage;
