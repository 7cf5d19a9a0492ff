// Regulatory sources cited by the rules in this package.
export const REGULATIONS = {
  order60: '《企业落实食品安全主体责任监督管理规定》（国家市场监督管理总局令第60号，2022-11-01施行）',
  gb32100: 'GB 32100-2015《法人和其他组织统一社会信用代码编码规则》',
  gbt2260: 'GB/T 2260《中华人民共和国行政区划代码》',
} as const;
