// The words the province seed writes: names of people and businesses, what an officer notes when
// an item fails, what a director writes in a weekly report, what a principal's meeting decides.
// Plain lists, picked from by the seed's deterministic Rng.
import { BusinessType } from '@shian/shared';

export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '田', '萧', '潘', '袁', '董', '于', '苏', '叶', '吕', '魏', '蒋', '乌', '白', '包', '云', '敖', '奇', '那'];
export const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '文', '辉', '鑫', '宇', '海燕', '志强', '晓东', '巴特尔', '其其格', '斯琴', '乌云', '苏和', '额尔敦', '萨仁', '格日乐', '宝音', '图雅', '国庆', '春梅', '玉兰', '红梅', '建国', '海龙', '淑珍', '丽华'];

export const BRANDS = ['草原', '鸿运', '福满', '老街', '顺心', '金穗', '蒙源', '青城', '塞外', '兴旺', '聚福', '阳光', '家和', '佳美', '丰泰', '永盛', '味之源', '大漠', '敕勒川', '北疆', '祥和', '康乐', '德顺', '恒通', '喜乐', '万家', '天骄', '绿野', '金马', '银河'];

export const BUSINESS_SUFFIXES: Record<BusinessType, readonly string[]> = {
  [BusinessType.Catering]: ['饭店', '餐馆', '小吃店', '烧麦馆', '火锅店', '面馆', '手把肉馆', '奶茶馆', '家常菜馆', '快餐店', '烧烤店', '饺子馆'],
  [BusinessType.Selling]: ['超市', '便利店', '食品店', '副食店', '粮油店', '生鲜超市', '奶食品店', '肉食店', '果蔬店', '食杂店'],
  [BusinessType.Production]: ['乳制品有限公司', '食品有限公司', '肉制品加工厂', '粮油加工有限公司', '饮品有限公司', '炒米加工厂'],
  [BusinessType.Canteen]: ['中学食堂', '小学食堂', '幼儿园食堂', '机关食堂', '医院职工食堂', '养老院食堂', '企业职工食堂'],
  [BusinessType.MealDistribution]: ['集体用餐配送中心', '团餐配送有限公司'],
};

export const ROADS = ['新华大街', '中山路', '人民路', '解放路', '团结路', '建设路', '光明路', '兴安路', '胜利街', '迎宾路', '友谊路', '草原路', '北街', '南街', '东街', '西街'];

/** A 不符合 finding, worded from the item's risk point. */
export const FINDING_PREFIXES = ['现场检查发现', '检查发现', '巡查时发现'];

/** Measures taken on the spot (fixed there and then). */
export const SPOT_FIXES = ['已当场整改', '已立即纠正并提醒相关人员', '已清理并复查合格', '已下架并单独存放', '已重新消毒处理', '已补充记录并核对'];

/** Measures when it could not be fixed at once (reported up, Order 60). */
export const DEFERRED_MEASURES = ['已报告食品安全总监，安排限期整改', '已报告主要负责人，待维修更换', '已暂停相关操作，待整改后恢复', '已联系供货者，待补齐票证'];

export const RESOLUTIONS = ['已整改到位，复查合格', '设备已维修，运转正常', '已更换供货者并补齐票证', '已组织人员培训并复查', '已整改完毕，拍照留存'];

export const HAZARDS = ['冷藏柜温度计损坏，温度记录不连续', '库房一角发现鼠迹', '部分从业人员健康证明即将到期', '排烟罩油污较多，清洗不及时', '留样冰箱未上锁', '消毒柜密封条老化'];

export const HAZARD_MEASURES = ['更换温度计并每日记录温度', '请有害生物防制单位上门处理，加装挡鼠板', '安排相关人员本月内完成健康体检', '联系专业公司清洗排烟罩', '留样冰箱加锁，专人管理', '更换消毒柜密封条'];

export const NEXT_WEEK = ['继续落实每日检查，重点关注冷藏冷冻设备温度记录', '加强进货查验，做好索证索票', '做好餐饮具清洗消毒和保洁', '督促从业人员规范穿戴工作衣帽，做好晨检', '检查防鼠防蝇设施，保持场所清洁', '关注临近保质期食品的清理和提示'];

export const REMARKS = ['今日客流较大，已增加餐具消毒频次', '今日新到一批原料，已完成进货查验', '今日有从业人员请假，岗位已调整', '冷藏柜除霜，食品已临时转移'];

export const PLACES = ['店内会议室', '办公室', '后厨', '经营场所'];

export const DISCUSSIONS = [
  '听取食品安全总监汇报本月日管控、周排查情况，分析存在的问题和原因',
  '听取食品安全员汇报本月每日检查情况，逐项核对问题整改',
  '总结本月食品安全管理工作，研究下月重点工作',
];

export const DECISIONS = ['对本月发现的问题逐项整改，明确责任人和期限', '加强从业人员培训，每周组织一次食品安全知识学习', '完善进货查验台账，做到票证齐全', '落实有害生物防制措施，每月检查一次'];

export const NEXT_MONTH = ['做好节假日期间食品安全保障', '开展一次全面的食品安全自查', '组织从业人员健康检查', '检修冷藏冷冻设备', '更新风险管控清单并组织学习'];

// ---- 包保 (issue #6): cadres' posts, what they note on a supervision visit, how businesses answer an order.

/** 职务 of a cadre by level; the township's and village's depend on the kind of place (镇 / 乡 / 苏木 / 街道; 村 / 社区). */
export const CITY_TITLES = ['副市长', '市人民政府副秘书长', '市市场监督管理局局长', '市市场监督管理局副局长'];
export const LEAGUE_TITLES = ['副盟长', '盟行政公署副秘书长', '盟市场监督管理局局长', '盟市场监督管理局副局长'];
export const COUNTY_TITLES: Record<string, readonly string[]> = {
  旗: ['副旗长', '旗人民政府办公室主任', '旗市场监督管理局局长', '旗市场监督管理局副局长'],
  区: ['副区长', '区人民政府办公室主任', '区市场监督管理局局长', '区市场监督管理局副局长'],
  市: ['副市长', '市人民政府办公室主任', '市市场监督管理局局长', '市市场监督管理局副局长'],
  县: ['副县长', '县人民政府办公室主任', '县市场监督管理局局长', '县市场监督管理局副局长'],
};
export const TOWNSHIP_TITLES: Record<string, readonly string[]> = {
  街道: ['街道办事处主任', '街道办事处副主任', '街道党工委副书记', '街道市场监管所所长'],
  苏木: ['苏木达', '副苏木达', '苏木党委副书记', '苏木市场监管所所长'],
  乡: ['乡长', '副乡长', '乡党委副书记', '乡市场监管所所长'],
  镇: ['镇长', '副镇长', '镇党委副书记', '镇市场监管所所长'],
};
export const VILLAGE_TITLES = ['村党支部书记', '村委会主任', '村委会副主任', '村委会委员', '村食品安全协管员'];
export const COMMUNITY_TITLES = ['社区党委书记', '社区居委会主任', '社区居委会副主任', '社区网格员', '社区食品安全协管员'];

/** What a cadre writes when nothing is wrong. */
export const VISIT_OBSERVATIONS = [
  '现场环境整洁，日管控、周排查、月调度记录齐全',
  '食品安全总监、食品安全员均在岗，风险管控清单已张贴',
  '抽查近一周每日检查记录，填写规范',
  '原料贮存规范，冷藏设备运转正常',
  '从业人员健康证明齐全，穿戴规范',
  '进货查验记录完整，票证齐全',
];

/** A 不符合 finding per checklist item (SUPERVISION_CHECKLIST keys). */
export const VISIT_FINDINGS: Record<string, readonly string[]> = {
  staff_appointed: ['食品安全员已离职，尚未重新任命', '未见食品安全总监任命文件'],
  staff_trained: ['新任食品安全员未参加培训考核', '食品安全总监培训考核记录缺失'],
  risk_list: ['风险管控清单未根据经营项目变化更新', '风险管控清单未张贴公示'],
  daily_checks: ['近一周有三天未开展日管控', '每日检查记录填写不完整'],
  weekly_investigations: ['上周未形成周排查报告', '周排查报告未记录整改措施'],
  monthly_reviews: ['上月未召开月调度会议', '月调度会议纪要缺少主要负责人签字'],
  problems_rectified: ['上次督导发现的问题尚未整改到位', '自查发现的问题未按期整改'],
  site_conditions: ['冷藏柜内生熟食品混放', '库房发现过期原料未及时清理', '防鼠设施破损', '个别从业人员未穿戴工作衣帽'],
};

/** How a business answers a rectification order raised on a visit. */
export const VISIT_RECTIFICATION_MEASURES = [
  '已按要求整改，相关记录已补齐并拍照留存',
  '已重新任命并组织培训考核，任命文件已上传',
  '已更新风险管控清单并组织从业人员学习',
  '已清理过期原料，分区存放并张贴标识',
  '已维修防鼠设施，安排专人每日检查',
];

/** What the cadre notes when accepting. */
export const VISIT_ACCEPTANCES = ['复查合格，同意验收', '整改到位', '经现场复查，问题已整改'];
