// Regulatory sources cited by the rules in this package.
export const REGULATIONS = {
  order60: '《企业落实食品安全主体责任监督管理规定》（国家市场监督管理总局令第60号，2022-11-01施行）',
  /** Order 60 as amended and renamed in 2025 (domain.md §1): who must appoint a director. */
  order60Amended: '《食品生产经营企业落实食品安全主体责任监督管理规定》（2025年修订）',
  /** Canteens, their contractors and meal suppliers, split out of Order 60 in 2025. */
  canteenRule2025: '《集中用餐单位落实食品安全主体责任监督管理规定》（2025-04-15施行）',
  spotExamGuide: '市场监管总局《企业食品安全管理人员监督抽查考核指南》（2024-03-01施行）',
  /** The 2022 包保 opinions; the 配备率 indicators come from how officials track them (domain.md §2). */
  territorialOpinions2022: '国务院食品安全委员会《关于建立健全分层分级精准防控末端发力终端见效工作机制推动食品安全属地管理责任落实的意见》（2022年）',
  gb32100: 'GB 32100-2015《法人和其他组织统一社会信用代码编码规则》',
  gbt2260: 'GB/T 2260《中华人民共和国行政区划代码》',
  gb11643: 'GB 11643-1999《公民身份号码》',
  foodOperationLicensing: '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）',
  foodProductionLicensing: '《食品生产许可管理办法》（国家市场监督管理总局令第24号）',
} as const;
