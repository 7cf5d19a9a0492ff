import { parseCsvLine } from './region-import';

describe('parseCsvLine', () => {
  it('splits plain fields', () => {
    expect(parseCsvLine('150102,新城区,1501,15')).toEqual(['150102', '新城区', '1501', '15']);
  });

  it('keeps commas inside quoted fields', () => {
    expect(parseCsvLine('150102001001,"海拉尔东路,社区居委会",150102001')).toEqual(['150102001001', '海拉尔东路,社区居委会', '150102001']);
  });

  it('unescapes doubled quotes', () => {
    expect(parseCsvLine('1,"他说""好""",x')).toEqual(['1', '他说"好"', 'x']);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsvLine('a,,c')).toEqual(['a', '', 'c']);
    expect(parseCsvLine('a,b,')).toEqual(['a', 'b', '']);
    expect(parseCsvLine(',a')).toEqual(['', 'a']);
  });

  it('handles a quoted last field and a quoted empty field', () => {
    expect(parseCsvLine('15,"内蒙古自治区"')).toEqual(['15', '内蒙古自治区']);
    expect(parseCsvLine('"",x')).toEqual(['', 'x']);
  });

  it('reads a single field', () => {
    expect(parseCsvLine('15')).toEqual(['15']);
  });
});
