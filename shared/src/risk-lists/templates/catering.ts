import { BusinessType } from '../../enums';
import { REGULATIONS } from '../../regulations';
import { QUALIFICATION_STAGE } from '../labels';
import { RISK_LIST_SOURCES as S } from '../sources';
import { RISK_THRESHOLDS as T } from '../thresholds';
import type { RiskListTemplate } from '../types';
import { stage } from './build';
import { common } from './common-rows';

// 餐饮服务. Stages and wording follow SAMR's catering 风险管控清单 (columns 环节/风险类型/风险点/
// 管控措施/管控频次/负责人); the measures restate 《餐饮服务食品安全操作规范》 and GB 31654-2021.
export const CATERING_TEMPLATE: RiskListTemplate = {
  businessType: BusinessType.Catering,
  title: '餐饮服务食品安全风险管控清单（参考模板）',
  revision: '2026.1',
  source: [REGULATIONS.order60, S.samrRiskListNotice, S.cateringPractice, S.gb31654].join('；'),
  items: [
    ...stage(QUALIFICATION_STAGE, [
      ['CY-D01', '资质风险', '无证经营、超范围经营或许可证超过有效期', '食品经营许可证在有效期内，经营地址、主体业态和经营项目与许可一致，未超范围经营', '查看许可证原件，对照实际经营项目'],
      ['CY-D02', '资质风险', '许可证及监督检查结果等信息未公示', '在就餐区等醒目位置公示食品经营许可证、最近一次日常监督检查结果记录表、量化分级等级标识和食品安全承诺书', '现场查看公示栏'],
      common.officersDisplayed('CY-D03'),
      common.expiringCertificates('CY-W01'),
      ['CY-W02', '资质风险', '网络餐饮服务信息与实际不符', '入网经营的，平台公示的许可证、名称、地址、菜品信息与实际一致；外卖食品使用食品安全封签', '查看外卖平台店铺页面，抽查外卖包装'],
    ]),
    ...stage('从业人员管理', [
      ['CY-D04', '生物性污染', '患有有碍食品安全疾病的人员从事接触直接入口食品工作', '从业人员持有效健康证明上岗；上岗前完成晨检，有发热、腹泻、呕吐、咽部炎症、手部化脓性伤口等情形的暂停接触直接入口食品的工作，并记录', '查看晨检记录，现场观察询问'],
      ['CY-D05', '生物性污染', '个人卫生不规范污染食品', '穿戴清洁的工作衣帽，不留长指甲、不涂指甲油、不佩戴饰物；加工前、如厕后、接触污染物后按规定洗手消毒；加工区内不吸烟、不进食', '现场查看'],
      common.newStaffTrained('CY-W03'),
    ]),
    ...stage('场所环境与设施设备', [
      ['CY-D06', '生物性污染', '场所不洁、积水积垢滋生微生物', '加工制作场所地面、墙面、操作台、排水沟清洁，无积水、霉斑和杂物堆放；与有毒有害场所及污染源保持规定距离', '现场查看'],
      ['CY-D07', '过程控制风险', '设施设备不能正常运转', '洗手消毒、通风排烟、冷藏冷冻、加热保温等设施设备运转正常，损坏的及时报修并停用', '现场查看设备运行状态'],
      common.equipmentMaintained('CY-W04'),
    ]),
    ...stage('原料控制（进货查验）', [
      ['CY-D08', '资质风险', '采购来源不明或无合格证明的食品原料', '查验供货者的许可证和产品合格证明文件，索取并留存购货凭证（索证索票）；畜禽肉类查验动物检疫合格证明，进口食品查验入境货物检验检疫证明', '查看票证和留存资料'],
      ['CY-D09', '生物性污染', '采购腐败变质、超过保质期或禁止经营的食品', '验收原料感官性状正常，无腐败变质、霉变、超过保质期，预包装食品标签完整；不采购野生蘑菇、河豚鱼等禁止经营的食品和来源不明的野生动物', '现场查验到货原料'],
      common.purchaseRecords('CY-D10'),
      ['CY-W05', '资质风险', '供货者资质失效', '核查供货者资质档案，更新过期资质，对供货质量问题多的供货者进行评价或更换', '查看供货者档案'],
    ]),
    ...stage('贮存管理', [
      common.storedApart('CY-D11'),
      common.fridgeTemperatures('CY-D12'),
      common.toxicsApart('CY-D13'),
      common.stockExpiry('CY-W06'),
    ]),
    ...stage('加工制作过程', [
      common.rawCookedApart('CY-D14'),
      ['CY-D15', '生物性污染', '食品未烧熟煮透', `需要熟制的食品烧熟煮透，中心温度不低于${T.cookCoreMinC}℃；四季豆、豆浆等充分加热`, '现场查看，抽测中心温度'],
      ['CY-D16', '生物性污染', '成品存放温度和时间不当', `烹饪后至食用前超过${T.ambientHoldMaxHours}小时的食品在高于${T.hotHoldMinC}℃或低于${T.chilledMaxC}℃条件下存放；隔餐隔夜食品食用前充分加热，变质的不得使用`, '现场查看，抽测温度'],
      ['CY-D17', '生物性污染', '专间操作不规范', `冷食、生食、裱花、备餐专间由专人操作，进入前二次更衣、洗手消毒；使用前紫外线等设施消毒，室温不高于${T.specialRoomMaxC}℃`, '查看专间和消毒记录，测室温'],
      common.noNonFoodSubstances('CY-D18'),
    ]),
    ...stage('食品添加剂管理', [
      common.additivesFiveSpecial('CY-D19'),
    ]),
    ...stage('清洗消毒', [
      ['CY-D20', '生物性污染', '餐饮具清洗消毒不到位', '餐饮具使用后清洗消毒，消毒后放入保洁设施存放；使用集中消毒餐饮具的，查验消毒单位资质和检验合格证明', '现场查看，查看消毒记录'],
      ['CY-D21', '化学性污染', '消毒剂、洗涤剂使用不当', '使用合格的洗涤剂和消毒剂，按说明配制消毒液浓度，消毒后冲洗干净', '查看配制记录，用试纸测浓度'],
      common.disinfectionEquipment('CY-W07'),
    ]),
    ...stage('食品留样', [
      ['CY-D22', '生物性污染', '集体用餐未留样无法追溯', `承办集体用餐或一次性超过100人的宴席时，每餐每个品种留样不少于${T.sampleMinGrams}克，密封冷藏保存${T.sampleMinHours}小时以上，并记录留样信息`, '查看留样冰箱和留样记录'],
    ]),
    ...stage('废弃物管理', [
      common.kitchenWaste('CY-D23'),
    ]),
    ...stage('有害生物防制', [
      common.pestProofing('CY-D24'),
      ['CY-W08', '生物性污染', '有害生物防制不到位', '全面检查有害生物迹象，查看灭鼠杀虫或第三方服务记录；加工经营时不在加工区使用杀虫剂', '现场查看，查看防制记录'],
    ]),
    ...stage('食品安全管理', [
      common.weeklyCloseOut('CY-W09'),
      ['CY-W10', '管理风险', '投诉举报未处理', '核查本周顾客投诉举报，涉及食品安全的调查处理并记录', '查看投诉处理记录'],
    ]),
  ],
};
