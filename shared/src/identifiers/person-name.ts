// How a person's name shows to anyone but the person and those who manage them (domain.md §4:
// personal data is masked in the UI): the surname and two stars, whatever the name's length.

/** Two-character surnames kept whole, so 欧阳娜娜 shows as 欧阳**, not 欧**. Others keep one character. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '呼延', '申屠', '司空', '钟离', '闻人',
  '太史', '濮阳', '淳于', '赫连', '澹台', '公冶', '宗政', '拓跋', '万俟', '单于',
]);

/** 张三 → 张**, 张三丰 → 张**, 欧阳娜娜 → 欧阳**, 买买提·艾力 → 买**; blank → ''. */
export function maskName(name: string): string {
  if (typeof name !== 'string') return '';
  // Array.from keeps characters outside the BMP (𬌗 and other rare name characters) whole.
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  const twoChar = chars.slice(0, 2).join('');
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(twoChar) ? 2 : 1;
  return `${chars.slice(0, keep).join('')}**`;
}
