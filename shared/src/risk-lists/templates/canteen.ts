import { BusinessType } from '../../enums';
import { REGULATIONS } from '../../regulations';
import { QUALIFICATION_STAGE } from '../labels';
import { RISK_LIST_SOURCES as S } from '../sources';
import { RISK_THRESHOLDS as T } from '../thresholds';
import type { RiskListTemplate } from '../types';
import { stage } from './build';
import { common } from './common-rows';

// 单位/学校食堂. SAMR's 集中用餐单位食堂 list, with the school rules on top of the catering ones:
// public display of sources and health certificates, 陪餐, retained samples for every meal, and no
// high-risk dishes in primary schools and kindergartens (《学校食品安全与营养健康管理规定》).
// Items that only bind schools say so; other canteens mark them 不适用.
export const CANTEEN_TEMPLATE: RiskListTemplate = {
  businessType: BusinessType.Canteen,
  title: '单位/学校食堂食品安全风险管控清单（参考模板）',
  revision: '2026.1',
  source: [REGULATIONS.order60, S.canteenRule2025, S.samrRiskListNotice, S.schoolRules, S.cateringPractice, S.gb31654].join('；'),
  items: [
    ...stage(QUALIFICATION_STAGE, [
      ['ST-D01', '资质风险', '食堂无证经营或许可证超过有效期', '食品经营许可证在有效期内，经营地址和经营项目与许可一致；承包经营的，承包方资质有效并与合同一致', '查看许可证和承包合同'],
      ['ST-D02', '资质风险', '信息未按规定公示', '在食堂显著位置公示食品经营许可证、食品进货来源、供餐单位、从业人员健康证明和最近一次监督检查结果', '现场查看公示栏'],
      ['ST-D03', '管理风险', '食品安全管理人员未公示或未在岗', '公示食品安全总监、食品安全员姓名和职责（学校承包经营的，学校和承包方分别公示）；供餐期间有食品安全管理人员在岗', '查看公示内容，询问当班人员'],
      ['ST-W01', '资质风险', '证照、健康证明临期失效', `核对许可证、承包方资质和从业人员健康证明有效期，${T.expiryWarningDays}日内到期的安排延续或复检`, '查看证照台账和健康证明'],
    ]),
    ...stage('从业人员管理', [
      ['ST-D04', '生物性污染', '患有有碍食品安全疾病的人员从事接触直接入口食品工作', '从业人员持有效健康证明上岗；每日晨检，有发热、腹泻、呕吐、咽部炎症、手部化脓性伤口等情形的暂停接触直接入口食品的工作，并记录', '查看晨检记录，现场观察询问'],
      ['ST-D05', '生物性污染', '个人卫生不规范污染食品', '穿戴清洁的工作衣帽，佩戴口罩，不留长指甲、不涂指甲油、不佩戴饰物；加工前、如厕后、接触污染物后按规定洗手消毒', '现场查看'],
      common.newStaffTrained('ST-W02'),
    ]),
    ...stage('场所环境与设施设备', [
      ['ST-D06', '生物性污染', '场所不洁、积水积垢滋生微生物', '加工制作区、就餐区地面、墙面、操作台、排水沟清洁，无积水、霉斑和杂物堆放', '现场查看'],
      ['ST-D07', '过程控制风险', '设施设备不能正常运转', '洗手消毒、通风排烟、冷藏冷冻、加热保温、留样冰箱等设施设备运转正常；“明厨亮灶”视频设施正常运行', '现场查看设备和视频画面'],
      common.equipmentMaintained('ST-W03'),
    ]),
    ...stage('原料控制（进货查验）', [
      ['ST-D08', '资质风险', '采购来源不明或无合格证明的食品原料', '从具有合法资质的供货者采购，查验许可证和产品合格证明文件，留存购货凭证（索证索票）；米、面、油等大宗食品定点采购；畜禽肉类查验动物检疫合格证明', '查看票证和留存资料'],
      ['ST-D09', '生物性污染', '采购腐败变质、超过保质期或禁止经营的食品', '验收原料感官性状正常，无腐败变质、霉变、超过保质期，预包装食品标签完整；不采购野生蘑菇、河豚鱼、来源不明的野生动物等', '现场查验到货原料'],
      common.purchaseRecords('ST-D10'),
      ['ST-W04', '资质风险', '供货者资质失效或供货质量不稳定', '核查供货者资质档案和合同，更新过期资质；对大宗食品的检验报告进行核对，对供货质量问题多的供货者评价或更换', '查看供货者档案和检验报告'],
    ]),
    ...stage('贮存管理', [
      common.storedApart('ST-D11'),
      common.fridgeTemperatures('ST-D12'),
      common.toxicsApart('ST-D13'),
      common.stockExpiry('ST-W05'),
    ]),
    ...stage('加工制作过程', [
      common.rawCookedApart('ST-D14'),
      ['ST-D15', '生物性污染', '食品未烧熟煮透', `需要熟制的食品烧熟煮透，中心温度不低于${T.cookCoreMinC}℃；豆浆、四季豆等充分加热`, '现场查看，抽测中心温度'],
      ['ST-D16', '生物性污染', '成品存放温度和时间不当', `烹饪后至食用前超过${T.ambientHoldMaxHours}小时的食品在高于${T.hotHoldMinC}℃或低于${T.chilledMaxC}℃条件下存放；不供应隔餐隔夜的剩余饭菜`, '现场查看，抽测温度'],
      ['ST-D17', '生物性污染', '学校食堂加工制作高风险食品', '中小学、幼儿园食堂不制售冷荤类、生食类食品和裱花蛋糕，不加工制作四季豆、鲜黄花菜、野生蘑菇、发芽土豆等高风险食品（其他单位食堂按本单位规定）', '查看当日食谱和加工现场'],
      ['ST-D18', '生物性污染', '专间操作不规范', `备餐、冷食等专间由专人操作，进入前二次更衣、洗手消毒；使用前紫外线等设施消毒，室温不高于${T.specialRoomMaxC}℃`, '查看专间和消毒记录，测室温'],
      common.noNonFoodSubstances('ST-D19'),
    ]),
    ...stage('食品添加剂管理', [
      common.additivesFiveSpecial('ST-D20'),
    ]),
    ...stage('清洗消毒', [
      ['ST-D21', '生物性污染', '餐饮具清洗消毒不到位', '餐饮具使用后清洗消毒，消毒后放入保洁设施存放；消毒剂按说明配制浓度并记录', '现场查看，查看消毒记录'],
      common.disinfectionEquipment('ST-W06'),
    ]),
    ...stage('食品留样', [
      ['ST-D22', '生物性污染', '未留样或留样不足无法追溯', `每餐次每个品种留样不少于${T.sampleMinGrams}克，分别盛放于清洗消毒后的密闭专用容器，冷藏保存${T.sampleMinHours}小时以上，标注餐次和时间，专人管理并记录`, '查看留样冰箱和留样记录'],
    ]),
    ...stage('供餐与陪餐', [
      ['ST-D23', '管理风险', '饭菜质量问题未被及时发现', '学校相关负责人（单位食堂负责人）按陪餐制度陪餐，记录陪餐时间和对饭菜质量的意见，发现问题及时处理', '查看陪餐记录'],
      ['ST-W07', '管理风险', '就餐人员意见未处理', '收集本周师生（就餐人员）、家长委员会或膳食委员会的意见和投诉，涉及食品安全的调查处理并记录', '查看意见收集和处理记录'],
    ]),
    ...stage('废弃物管理', [
      common.kitchenWaste('ST-D24'),
    ]),
    ...stage('有害生物防制', [
      common.pestProofing('ST-D25'),
      common.pestControlReview('ST-W08'),
    ]),
    ...stage('食品安全管理', [
      common.weeklyCloseOut('ST-W09'),
      ['ST-W10', '管理风险', '应急处置准备不足', '核查食品安全事故应急处置方案、应急联系人和疑似食物中毒报告流程的知晓情况，留样和采购记录可随时调取', '询问有关人员，抽查记录调取'],
    ]),
  ],
};
