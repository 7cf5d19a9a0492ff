import { RISK_THRESHOLDS as T } from '../thresholds';
import type { TemplateRow } from './build';

// Rows several sectors share word for word; each template gives its own code. One wording per
// rule, so a correction reaches every list that states it.
export const common = {
  /** Order 60: the officer (and director) are named and reachable. */
  officersDisplayed: (code: string): TemplateRow => [
    code,
    '管理风险',
    '食品安全管理人员未公示或未在岗',
    '公示食品安全员（食品安全总监）姓名、职责和联系方式；营业期间有食品安全管理人员在岗',
    '查看公示内容，询问当班人员',
  ],
  expiringCertificates: (code: string): TemplateRow => [
    code,
    '资质风险',
    '证照、健康证明临期失效',
    `核对许可证和从业人员健康证明有效期，${T.expiryWarningDays}日内到期的安排延续或复检`,
    '查看证照台账和健康证明',
  ],
  newStaffTrained: (code: string): TemplateRow => [
    code,
    '管理风险',
    '从业人员未经培训上岗',
    '本周新上岗和转岗人员完成食品安全知识培训和考核，培训记录完整',
    '查看培训和考核记录',
  ],
  equipmentMaintained: (code: string): TemplateRow => [
    code,
    '物理性污染',
    '设备、计量器具失修或不准确',
    '检查冷藏冷冻设备、消毒设备、温度计等的维护和校验情况；清洁排烟罩、排水沟等不易清洁部位',
    '查看设备维护、校验和清洁记录',
  ],
  purchaseRecords: (code: string): TemplateRow => [
    code,
    '管理风险',
    '进货查验记录不全无法追溯',
    '如实记录食品原料、食品添加剂、食品相关产品的名称、规格、数量、生产日期或批号、保质期、进货日期及供货者名称和联系方式',
    '查看进货查验记录',
  ],
  storedApart: (code: string): TemplateRow => [
    code,
    '生物性污染',
    '食品贮存不当导致交叉污染',
    '食品分类、分架存放，离地离墙；原料、半成品、成品分开，生熟分开；标识清楚，遵循先进先出',
    '现场查看库房和冰箱',
  ],
  /** Figures from RISK_THRESHOLDS (to confirm). */
  fridgeTemperatures: (code: string): TemplateRow => [
    code,
    '生物性污染',
    '冷藏、冷冻温度不达标',
    `冷藏设备温度保持在${T.chilledMinC}–${T.chilledMaxC}℃，冷冻设备不高于${T.frozenMaxC}℃，并记录温度`,
    '查看温度显示，用温度计测温',
  ],
  toxicsApart: (code: string): TemplateRow => [
    code,
    '化学性污染',
    '有毒有害物品与食品混放',
    '杀虫剂、杀鼠剂、消毒剂、清洁剂等有毒有害物品专柜存放、标识明显，不与食品同库存放',
    '现场查看',
  ],
  stockExpiry: (code: string): TemplateRow => [
    code,
    '生物性污染',
    '库存食品超过保质期或变质',
    '清查库存原料和半成品，超过保质期、腐败变质的及时清理销毁并记录',
    '盘点库存，查看处置记录',
  ],
  rawCookedApart: (code: string): TemplateRow => [
    code,
    '生物性污染',
    '生熟交叉污染',
    '动物性、植物性、水产品原料分池清洗；生熟食品的刀、墩、板、桶、盆、抹布等工用具分开使用，标识明显',
    '现场查看',
  ],
  noNonFoodSubstances: (code: string): TemplateRow => [
    code,
    '化学性污染',
    '使用非食品原料或违禁物质',
    '不使用非食用物质、回收食品和超过保质期的食品作原料；不采购、贮存、使用亚硝酸盐',
    '现场查看原料和调料',
  ],
  /** “五专” as domain.md §1 lists it: person, cabinet, tools, ledger, display. */
  additivesFiveSpecial: (code: string): TemplateRow => [
    code,
    '化学性污染',
    '超范围、超限量使用食品添加剂',
    '按GB 2760规定使用食品添加剂，落实“五专”：专人负责、专柜存放、专用工具称量、专用台账记录使用品种和数量、公示使用品种',
    '查看添加剂存放和使用台账',
  ],
  disinfectionEquipment: (code: string): TemplateRow => [
    code,
    '生物性污染',
    '消毒设施失效',
    '检查消毒柜、紫外线灯、保洁柜等工作状况，核对本周消毒记录',
    '现场检查设备，查看记录',
  ],
  kitchenWaste: (code: string): TemplateRow => [
    code,
    '生物性污染',
    '餐厨废弃物处置不当',
    '垃圾桶加盖、及时清理；餐厨废弃物交有资质的单位处置，并登记处置台账',
    '现场查看，查看台账',
  ],
  pestProofing: (code: string): TemplateRow => [
    code,
    '生物性污染',
    '鼠、蝇、蟑螂等有害生物污染食品',
    '挡鼠板、纱窗、灭蝇灯、风幕机等防鼠防蝇防虫设施完好，场所内无鼠迹、蝇虫、蟑螂',
    '现场查看',
  ],
  pestControlReview: (code: string): TemplateRow => [
    code,
    '生物性污染',
    '有害生物防制不到位',
    '全面检查有害生物迹象，查看灭鼠杀虫或第三方服务记录；加工时不在加工区使用杀虫剂',
    '现场查看，查看防制记录',
  ],
  /** Order 60 周排查: the week's daily findings are followed to closure. */
  weeklyCloseOut: (code: string): TemplateRow => [
    code,
    '管理风险',
    '日管控发现的问题未整改闭环',
    '汇总本周每日检查发现的问题，逐项核实整改情况；未完成的明确整改措施、责任人和期限',
    '查看本周每日检查记录和整改情况',
  ],
};
