// Chinese names of request fields, so every validation message names the field a user knows.
export const FIELD_LABELS: Record<string, string> = {
  phone: '手机号',
  password: '密码',
  refreshToken: '刷新令牌',
  code: '编码',
  businessDate: '营业日期',
  items: '检查项',
  result: '检查结果',
  problem: '问题描述',
  measure: '管控措施',
  fixedOnSpot: '是否当场整改',
  remarks: '备注',
  photoIds: '照片',
  reason: '原因',
  stage: '环节',
  riskType: '风险类型',
  riskPoint: '风险点',
  method: '检查方法',
  frequency: '管控频次',
  owner: '负责人',
  applicable: '是否适用',
  from: '开始日期',
  to: '结束日期',
  regionCode: '区划代码',
  parentCode: '上级区划代码',
  enterpriseId: '企业ID',
  page: '页码',
  pageSize: '每页条数',
  id: 'ID',
  name: '名称',
  uscc: '统一社会信用代码',
  licenceNo: '许可证编号',
  businessType: '业态',
  grade: '风险等级',
  address: '地址',
  // onboarding: registration, invitations, roster
  principal: '主要负责人',
  idNumber: '身份证号',
  contactName: '联系人',
  contactPhone: '联系电话',
  scale: '企业规模',
  chainHeadquarters: '是否连锁总部',
  centralKitchen: '是否中央厨房',
  specialFood: '是否特殊食品生产企业',
  canteenKind: '食堂类别',
  contractorOperated: '是否承包经营',
  dinersPerMeal: '每餐用餐人数',
  role: '角色',
  replacesUserId: '被接替人员',
  appointedOn: '任职日期',
  endedOn: '离任日期',
  week: '周次',
  month: '月份',
  status: '状态',
  hazards: '发现的隐患',
  description: '描述',
  measures: '整改措施',
  deadline: '整改期限',
  resolutions: '问题处理',
  problemId: '问题ID',
  resolution: '处理结果',
  nextWeekRequirements: '下周工作要求',
  confirm: '签字确认',
  meetingDate: '会议日期',
  place: '会议地点',
  attendees: '参会人员',
  discussion: '会议讨论',
  decisions: '会议决定',
  nextMonthWork: '下月重点工作',
  // 三人三责 papers: credentials, training records, spot exams
  userId: '人员',
  kind: '类型',
  fileIds: '附件',
  issuedOn: '签发日期',
  validUntil: '有效期至',
  trainingHours: '培训学时',
  assessmentScore: '考核成绩',
  supersedesId: '被替换的资质记录',
  heldOn: '培训日期',
  topic: '培训主题',
  hours: '学时',
  trainer: '授课人',
  attendeeIds: '参训人员',
  assessment: '考核情况',
  examinedOn: '抽查考核日期',
  score: '成绩',
  fullMark: '满分',
  questionCount: '题目数量',
  notes: '备注',
  year: '年份',
  passed: '是否合格',
  followUp: '整改状态',
  closure: '关闭方式',
  note: '说明',
  state: '到期状态',
  // record review and rectification orders
  recordType: '记录类型',
  recordId: '记录ID',
  action: '审阅结论',
  comment: '意见',
  flagged: '是否有问题',
  sourceType: '来源类型',
  sourceId: '来源记录',
  overdue: '是否逾期',
  // directory and exports
  q: '搜索关键词',
  compliance: '日管控状态',
  format: '导出格式',
  type: '业态',
  granularity: '趋势粒度',
  rankBy: '排名指标',
  indicator: '排名指标',
};

/** The same name means something else inside a daily check's items: the measure taken there. */
const NESTED_LABELS: Record<string, Record<string, string>> = {
  items: { measure: '采取的措施', code: '检查项编码' },
  hazards: { description: '隐患描述' },
  measures: { description: '措施内容', owner: '责任人' },
  principal: { name: '姓名' },
};

/** 'items[2].problem' → '检查项第3项的问题描述'; 'phone' → '手机号'. */
export function labelForPath(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  let parent = '';
  for (const part of parts) {
    const nested = NESTED_LABELS[parent] ?? {};
    parent = part.replace(/\[\d+\]$/, '');
    const m = /^(\w+)\[(\d+)\]$/.exec(part) ?? /^(\d+)$/.exec(part);
    if (m && m.length === 3) {
      out.push(`${FIELD_LABELS[m[1]] ?? m[1]}第${Number(m[2]) + 1}项`);
    } else if (m && m.length === 2) {
      out.push(`第${Number(m[1]) + 1}项`);
    } else {
      out.push(nested[part] ?? FIELD_LABELS[part] ?? part);
    }
  }
  return out.join('的');
}
