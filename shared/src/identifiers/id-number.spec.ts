import { checkIdNumber, idNumberCheckChar, isValidIdNumber, maskIdNumber } from './id-number';
import { maskName } from './person-name';
import { maskPhone } from './phone';

const TODAY = '2026-03-15';

/** The same 17 digits with every other check character — exactly one is right. */
function withEveryOtherCheck(id: string): string[] {
  return '0123456789X'.split('').filter((c) => c !== id[17]).map((c) => id.slice(0, 17) + c);
}

describe('居民身份证号 (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('accepts the examples printed in GB 11643 itself', () => {
    // The standard's worked examples: one with check character X, one with a digit.
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
    expect(idNumberCheckChar('44052418800101001')).toBe('4');
    expect(checkIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: { idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31' },
    });
  });

  it.each([
    ['a Hohhot number', '150102199003071237'],
    ['an X check character', '33010219850615042X'],
    ['a leap-day birth', '150102200002290011'],
    ['a Hong Kong resident permit (81)', '810000198001010014'],
    ['a Taiwan resident permit (83)', '830000198001010018'],
  ])('accepts %s', (_label, id) => {
    expect(isValidIdNumber(id, TODAY)).toBe(true);
  });

  it('accepts one number for each of the 11 check characters, and no other character in their place', () => {
    // Born 1990-03-07 in Hohhot's 新城区, sequences 100–118: together they end in 0–9 and X.
    const ids = [
      '150102199003071050', '150102199003071181', '150102199003071042', '150102199003071093', '150102199003071034', '150102199003071085',
      '150102199003071026', '150102199003071077', '150102199003071018', '150102199003071069', '15010219900307100X',
    ];
    expect(ids.map((id) => id[17]).sort().join('')).toBe('0123456789X');
    for (const id of ids) {
      expect(isValidIdNumber(id, TODAY)).toBe(true);
      for (const wrong of withEveryOtherCheck(id)) expect(isValidIdNumber(wrong, TODAY)).toBe(false);
    }
  });

  it('accepts a lower-case x and gives the number back upper-case', () => {
    const r = checkIdNumber('33010219850615042x', TODAY);
    expect(r).toEqual({ ok: true, value: expect.objectContaining({ idNumber: '33010219850615042X', birthDate: '1985-06-15' }) });
  });

  it('rejects every wrong check character with 校验位不正确', () => {
    for (const id of ['150102199003071237', '33010219850615042X', '11010519491231002X']) {
      for (const wrong of withEveryOtherCheck(id)) expect(checkIdNumber(wrong, TODAY)).toEqual({ ok: false, reason: '校验位不正确' });
    }
  });

  it('catches a single mistyped digit and two swapped digits', () => {
    expect(checkIdNumber('150102199003071247', TODAY)).toEqual({ ok: false, reason: '校验位不正确' });
    expect(checkIdNumber('150102199003071327', TODAY)).toEqual({ ok: false, reason: '校验位不正确' });
  });

  it.each([
    ['15 digits (first-generation card)', '150102900307123'],
    ['17 characters', '15010219900307123'],
    ['19 characters', '1501021990030712377'],
    ['empty', ''],
    ['surrounding spaces', ' 150102199003071237'],
  ])('rejects %s: 身份证号应为18位', (_label, id) => {
    expect(checkIdNumber(id, TODAY)).toEqual({ ok: false, reason: '身份证号应为18位' });
  });

  it('rejects non-strings without throwing', () => {
    expect(checkIdNumber(150102199003071237 as unknown as string, TODAY)).toEqual({ ok: false, reason: '身份证号应为18位' });
    expect(isValidIdNumber(null as unknown as string, TODAY)).toBe(false);
  });

  it('rejects letters other than a final X', () => {
    expect(checkIdNumber('15010219900307123A', TODAY).ok).toBe(false);
    expect(checkIdNumber('1501021990030712X7', TODAY)).toEqual({ ok: false, reason: '身份证号前17位应为数字，末位为数字或X' });
  });

  it.each([
    ['00', '000000199003071232'],
    ['10', '100000199003071230'],
    ['66', '660000199003071233'],
    ['99', '990000199003071235'],
  ])('rejects province code %s', (_code, first17AndAny) => {
    const id = first17AndAny.slice(0, 17) + idNumberCheckChar(first17AndAny.slice(0, 17));
    expect(checkIdNumber(id, TODAY)).toEqual({ ok: false, reason: '地址码无效（前两位不是省级行政区划代码）' });
  });

  describe('birth date', () => {
    const withBirth = (yyyymmdd: string) => {
      const first17 = `150102${yyyymmdd}001`;
      return first17 + idNumberCheckChar(first17);
    };

    it('accepts 29 February only in leap years', () => {
      expect(isValidIdNumber(withBirth('20000229'), TODAY)).toBe(true);
      expect(isValidIdNumber(withBirth('20240229'), TODAY)).toBe(true);
      expect(checkIdNumber(withBirth('20230229'), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
      // 1900 is not a leap year (divisible by 100, not by 400).
      expect(checkIdNumber(withBirth('19000229'), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
    });

    it.each(['19901301', '19900001', '19900431', '19900100'])('rejects the impossible date %s', (d) => {
      expect(checkIdNumber(withBirth(d), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
    });

    it('accepts 1900-01-01 and refuses the day before, with a correct check character either way', () => {
      expect(isValidIdNumber(withBirth('19000101'), TODAY)).toBe(true);
      expect(checkIdNumber(withBirth('18991231'), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
      // GB 11643's own 1880 example is well-formed but too old for anyone we appoint.
      expect(checkIdNumber('440524188001010014', TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
    });

    it('accepts a birth today and refuses tomorrow (Asia/Shanghai business dates)', () => {
      expect(isValidIdNumber(withBirth('20260315'), TODAY)).toBe(true);
      expect(checkIdNumber(withBirth('20260316'), TODAY)).toEqual({ ok: false, reason: '出生日期无效' });
    });

    it('defaults today to the Shanghai date', () => {
      expect(checkIdNumber(withBirth('29990101'))).toEqual({ ok: false, reason: '出生日期无效' });
      expect(isValidIdNumber('150102199003071237')).toBe(true);
    });
  });
});

describe('masking personal data (domain.md §4)', () => {
  it('shows the first 4 and last 4 of an ID number, as 1501**********1234', () => {
    expect(maskIdNumber('150102199003071237')).toBe('1501**********1237');
    expect(maskIdNumber('33010219850615042x')).toBe('3301**********042X');
    expect(maskIdNumber('150102199003071237')).toHaveLength(18);
  });

  it('masks anything that is not 18 characters entirely', () => {
    expect(maskIdNumber('150102900307123')).toBe('****');
    expect(maskIdNumber('')).toBe('****');
  });

  it.each([
    ['张三', '张**'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳修', '欧阳**'],
    ['司马相如', '司马**'],
    ['买买提·艾力', '买**'],
    ['王', '王**'],
    ['  李四 ', '李**'],
    ['𬌗明', '𬌗**'],
    ['', ''],
  ])('masks the name %p as %p', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('keeps a two-character name that happens to be a compound surname to its first character', () => {
    expect(maskName('欧阳')).toBe('欧**');
  });

  it('masks phones as 138****0000', () => {
    expect(maskPhone('13800000000')).toBe('138****0000');
  });
});
