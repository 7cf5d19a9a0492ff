// What each dashboard indicator is called, how it is computed and where the rule comes from — for
// table headers, the 「?」 beside them and the ranking's choice of indicator. The formulas themselves
// are the functions named in each entry.
import { REGULATIONS } from '../regulations';

export type IndicatorKey =
  | 'dailyCheckCompletion'
  | 'dailyCheckOnTime'
  | 'weeklyInvestigationCompletion'
  | 'monthlyReviewCompletion'
  | 'problemClosure'
  | 'rectificationClosure'
  | 'cadreCoverage'
  | 'supervisionCompletion'
  | 'directorAppointment'
  | 'officerAppointment';

export interface IndicatorInfo {
  label: string;
  /** The formula in words, numerator ÷ denominator. */
  formula: string;
  source: string;
}

export const INDICATORS: Readonly<Record<IndicatorKey, IndicatorInfo>> = {
  // dailyCheckCounts → dutyCompletion
  dailyCheckCompletion: { label: '日管控完成率', formula: '已检查天数（含补报）÷ 应检查天数', source: REGULATIONS.order60 },
  // dailyCheckCounts → dutyOnTime
  dailyCheckOnTime: { label: '日管控按时率', formula: '当日完成检查天数 ÷ 应检查天数', source: REGULATIONS.order60 },
  // weeklyInvestigationCounts → dutyCompletion
  weeklyInvestigationCompletion: { label: '周排查完成率', formula: '已排查周数（含补报）÷ 应排查周数', source: REGULATIONS.order60 },
  // monthlyReviewCounts → dutyCompletion
  monthlyReviewCompletion: { label: '月调度完成率', formula: '已调度月数（含补报）÷ 应调度月数', source: REGULATIONS.order60 },
  // problemStats → problemClosure
  problemClosure: { label: '自查问题整改率', formula: '已整改问题数 ÷ 发现问题数', source: REGULATIONS.order60 },
  // rectificationCounts → rectificationClosure
  rectificationClosure: { label: '督导整改率', formula: '已闭环整改通知数 ÷ 下发整改通知数', source: REGULATIONS.territorialOpinions2022 },
  cadreCoverage: { label: '主体包保覆盖率', formula: '已落实包保干部的主体数 ÷ 主体总数', source: REGULATIONS.territorialOpinions2022 },
  // supervisionCounts → dutyCompletion
  supervisionCompletion: { label: '督导任务完成率', formula: '已完成督导次数 ÷ 应督导次数', source: REGULATIONS.territorialOpinions2022 },
  // appointmentCounts → directorAppointment
  directorAppointment: { label: '食品安全总监配备率', formula: '已配备总监的主体数 ÷ 应配备总监的主体数', source: REGULATIONS.territorialOpinions2022 },
  // appointmentCounts → officerAppointment
  officerAppointment: { label: '食品安全员配备率', formula: '已配备食品安全员的主体数 ÷ 主体总数', source: REGULATIONS.territorialOpinions2022 },
};

export const INDICATOR_KEYS = Object.keys(INDICATORS) as IndicatorKey[];
