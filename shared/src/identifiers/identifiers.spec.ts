import { isValidUscc, usccCheckChar, USCC_ALPHABET } from './uscc';
import { isValidLicenceNo, licenceKind, OperatorType, parseLicenceNo, ProductionCategoryGroup } from './licence';
import { isValidMobilePhone, maskPhone } from './phone';

describe('统一社会信用代码 (GB 32100)', () => {
  // Publicly listed codes of well-known companies (national enterprise credit publicity system).
  const REAL = [
    '914403001922038216', // 华为技术有限公司
    '91440300708461136T', // 深圳市腾讯计算机系统有限公司
    '91330100799655058B', // 阿里巴巴（中国）有限公司
    '91110108551385082Q', // 北京小米科技有限责任公司
  ];

  it.each(REAL)('accepts the real code %s', (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it('computes the check character of real codes, digits and letters alike', () => {
    expect(usccCheckChar('91440300192203821')).toBe('6');
    expect(usccCheckChar('91440300708461136')).toBe('T');
    expect(usccCheckChar('91330100799655058')).toBe('B');
  });

  it('rejects a wrong check character', () => {
    for (const code of REAL) {
      const good = code[17];
      const wrong = USCC_ALPHABET[(USCC_ALPHABET.indexOf(good) + 1) % USCC_ALPHABET.length];
      expect(isValidUscc(code.slice(0, 17) + wrong)).toBe(false);
    }
  });

  it('rejects a single changed character in the body (the check catches typos)', () => {
    expect(isValidUscc('914403001922038226')).toBe(false);
    expect(isValidUscc('924403001922038216')).toBe(false);
  });

  it('rejects a transposition of two adjacent characters', () => {
    // 1922 → 9122
    expect(isValidUscc('914403009122038216')).toBe(false);
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('rejects the letter %s, which GB 32100 leaves out', (letter) => {
    const base = '91330100799655058B';
    // Put the letter in the organisation-code part and recompute nothing: shape must fail.
    const code = base.slice(0, 10) + letter + base.slice(11);
    expect(isValidUscc(code)).toBe(false);
    expect(usccCheckChar(code.slice(0, 17))).toBeNull();
    // Also as the check character itself.
    expect(isValidUscc(base.slice(0, 17) + letter)).toBe(false);
  });

  it('rejects wrong lengths', () => {
    expect(isValidUscc('')).toBe(false);
    expect(isValidUscc('91440300192203821')).toBe(false); // 17
    expect(isValidUscc('9144030019220382166')).toBe(false); // 19
    expect(usccCheckChar('9144030019220382')).toBeNull();
  });

  it('rejects lower case (codes are stored and compared upper case)', () => {
    expect(isValidUscc('91440300708461136t')).toBe(false);
    expect(isValidUscc('91330100799655058b')).toBe(false);
  });

  it('rejects letters in the 6-digit administrative-division part', () => {
    const first17 = '9144A300708461136';
    const check = usccCheckChar(first17);
    expect(check).not.toBeNull();
    expect(isValidUscc(first17 + check)).toBe(false);
  });

  it('rejects surrounding whitespace and non-strings', () => {
    expect(isValidUscc(' 91440300708461136T')).toBe(false);
    expect(isValidUscc('91440300708461136T ')).toBe(false);
    expect(isValidUscc(914403001922038216 as unknown as string)).toBe(false);
    expect(isValidUscc(null as unknown as string)).toBe(false);
  });

  it('gives check 0 when the weighted sum is a multiple of 31', () => {
    // All zeros: sum 0 → (31 - 0) % 31 = 0.
    expect(usccCheckChar('00000000000000000')).toBe('0');
    expect(isValidUscc('000000000000000000')).toBe(true);
  });
});

describe('食品经营/生产许可证编号', () => {
  it('accepts JY and SC followed by 14 digits', () => {
    expect(isValidLicenceNo('JY11501020000001')).toBe(true);
    expect(isValidLicenceNo('SC10115010200123')).toBe(true);
    expect(licenceKind('JY11501020000001')).toBe('operation');
    expect(licenceKind('SC10115010200123')).toBe('production');
  });

  it.each([
    ['13 digits', 'JY1150102000000'],
    ['15 digits', 'JY115010200000011'],
    ['lower-case prefix', 'jy11501020000001'],
    ['other prefix', 'XK11501020000001'],
    ['letter among digits', 'JY1150102000000A'],
    ['no prefix', '1150102000000123'],
    ['spaces', 'JY 1150102000000'],
    ['empty', ''],
  ])('rejects %s', (_label, no) => {
    expect(isValidLicenceNo(no)).toBe(false);
    expect(licenceKind(no)).toBeNull();
  });
});

describe('许可证编号的结构 (parseLicenceNo)', () => {
  it('reads a 经营许可证: operator type, 6-digit region, 6-digit sequence, check digit', () => {
    expect(parseLicenceNo('JY21501020012345')).toEqual({
      ok: true,
      value: { kind: 'operation', licenceNo: 'JY21501020012345', operatorType: OperatorType.Catering, regionCode: '150102', sequence: '001234', checkDigit: '5' },
    });
    expect(parseLicenceNo('JY11501020000001')).toMatchObject({ ok: true, value: { operatorType: OperatorType.Selling } });
    expect(parseLicenceNo('JY31101050000017')).toMatchObject({ ok: true, value: { operatorType: OperatorType.Canteen, regionCode: '110105' } });
  });

  it('reads a 生产许可证: category group and number, 6-digit region, 4-digit sequence, check digit', () => {
    expect(parseLicenceNo('SC10115010200123')).toEqual({
      ok: true,
      value: {
        kind: 'production',
        licenceNo: 'SC10115010200123',
        categoryGroup: ProductionCategoryGroup.Food,
        category: '01',
        regionCode: '150102',
        sequence: '0012',
        checkDigit: '3',
      },
    });
    expect(parseLicenceNo('SC20244030500018')).toMatchObject({ ok: true, value: { categoryGroup: ProductionCategoryGroup.Additive, category: '02', regionCode: '440305' } });
  });

  it.each([
    ['operator type 0', 'JY01501020000001', '主体业态代码（JY后第1位）应为1、2或3'],
    ['operator type 4', 'JY41501020000001', '主体业态代码（JY后第1位）应为1、2或3'],
    ['operator type 9 (shape-valid, as generated test numbers are)', 'JY90000010000001', '主体业态代码（JY后第1位）应为1、2或3'],
    ['JY with province 99', 'JY19901020000001', '许可证编号中的行政区划代码无效'],
    ['SC with category group 3', 'SC30115010200123', '食品类别编码（SC后第1位）应为1（食品）或2（食品添加剂）'],
    ['SC with category 00', 'SC10015010200123', '食品类别编码无效'],
    ['SC with province 00', 'SC10100010200123', '许可证编号中的行政区划代码无效'],
    ['13 digits', 'JY2150102001234', '许可证编号应为 JY 或 SC 加14位数字'],
    ['a letter among the digits', 'SC1011501020012A', '许可证编号应为 JY 或 SC 加14位数字'],
    ['lower-case prefix', 'jy21501020012345', '许可证编号应以 JY（经营）或 SC（生产）开头'],
    ['the old QS number', 'QS150106010001', '许可证编号应以 JY（经营）或 SC（生产）开头'],
  ])('rejects %s', (_label, no, reason) => {
    expect(parseLicenceNo(no)).toEqual({ ok: false, reason });
  });

  it('leaves isValidLicenceNo a shape check, as the server and existing numbers rely on', () => {
    expect(isValidLicenceNo('JY90000010000001')).toBe(true);
    expect(parseLicenceNo('JY90000010000001').ok).toBe(false);
  });
});

describe('手机号', () => {
  it.each(['13900000001', '15012345678', '19912345678', '16612345678'])('accepts %s', (p) => {
    expect(isValidMobilePhone(p)).toBe(true);
  });

  it.each([
    ['second digit 2', '12900000001'],
    ['second digit 0', '10900000001'],
    ['10 digits', '1390000000'],
    ['12 digits', '139000000012'],
    ['country code', '+8613900000001'],
    ['landline', '04715551234'],
    ['letters', '1390000000a'],
    ['empty', ''],
  ])('rejects %s', (_l, p) => {
    expect(isValidMobilePhone(p)).toBe(false);
  });

  it('rejects a number (not a string)', () => {
    expect(isValidMobilePhone(13900000001 as unknown as string)).toBe(false);
  });

  it('masks the middle four digits', () => {
    expect(maskPhone('13900000001')).toBe('139****0001');
    expect(maskPhone('123')).toBe('****');
  });
});
