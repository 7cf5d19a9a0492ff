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
  measure: '采取的措施',
  fixedOnSpot: '是否当场整改',
  remarks: '备注',
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
};

/** 'items[2].problem' → '检查项第3项的问题描述'; 'phone' → '手机号'. */
export function labelForPath(path: string): string {
  const parts = path.split('.');
  const out: string[] = [];
  for (const part of parts) {
    const m = /^(\w+)\[(\d+)\]$/.exec(part) ?? /^(\d+)$/.exec(part);
    if (m && m.length === 3) {
      out.push(`${FIELD_LABELS[m[1]] ?? m[1]}第${Number(m[2]) + 1}项`);
    } else if (m && m.length === 2) {
      out.push(`第${Number(m[1]) + 1}项`);
    } else {
      out.push(FIELD_LABELS[part] ?? part);
    }
  }
  return out.join('的');
}
