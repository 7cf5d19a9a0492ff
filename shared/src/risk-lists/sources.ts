// Sources the risk-control list templates follow. Kept beside the templates rather than in
// regulations/ because only the lists cite them; the canteen rule, which the staffing rules cite
// too, is taken from REGULATIONS.
import { REGULATIONS } from '../regulations';

export const RISK_LIST_SOURCES = {
  samrRiskListNotice: '市场监管总局办公厅《关于指导食品生产经营企业完善〈食品安全风险管控清单〉的通知》（2024年，首批33个清单）',
  cateringPractice: '《餐饮服务食品安全操作规范》（市场监管总局公告2018年第12号）',
  gb31654: 'GB 31654-2021《食品安全国家标准 餐饮服务通用卫生规范》',
  gb31621: 'GB 31621-2014《食品安全国家标准 食品经营过程卫生规范》',
  gb14881: 'GB 14881-2013《食品安全国家标准 食品生产通用卫生规范》',
  db14t2560: 'DB14/T 2560—2022《食品经营（销售）企业落实食品安全主体责任通用要求》',
  schoolRules: '《学校食品安全与营养健康管理规定》（教育部 市场监管总局 国家卫生健康委令第45号）',
  canteenRule2025: REGULATIONS.canteenRule2025,
} as const;
