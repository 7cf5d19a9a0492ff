// What the registration and invitation forms say about each field before anything is sent: the
// shared identifier checks (GB 32100, GB 11643, the licence structure), worded for the person typing.
import { BusinessType, CanteenKind, EnterpriseScale, idNumberCheckChar, staffingRequirement, usccCheckChar } from '@shian/shared';
import {
  EMPTY_BUSINESS,
  EMPTY_PERSON,
  businessProblems,
  invitationCodeProblem,
  licenceProblem,
  personFieldErrors,
  personProblems,
  profileQuestions,
  registrationFieldErrors,
  registrationRequest,
  staffingProfileOf,
  usccProblem,
  type BusinessForm,
  type PersonForm,
} from '../src/packages/onboarding/forms';

const TODAY = '2026-11-25';
const USCC_17 = '91150102MA0001234';
const USCC = USCC_17 + usccCheckChar(USCC_17);
const ID_17 = '15010219800214035';
const ID = ID_17 + idNumberCheckChar(ID_17);

const business = (over: Partial<BusinessForm> = {}): BusinessForm => ({
  ...EMPTY_BUSINESS,
  name: ' 新城区福满楼餐馆 ',
  uscc: USCC,
  licenceNo: 'JY21501020012345',
  businessType: BusinessType.Catering,
  regionCode: '150102001001',
  regionNames: ['内蒙古自治区', '呼和浩特市', '新城区', '海拉尔东路街道', '公主府社区居委会'],
  address: '兴安北路 66 号',
  ...over,
});
const person = (over: Partial<PersonForm> = {}): PersonForm => ({ name: '赵掌柜', phone: '13766310001', idNumber: ID, password: 'Shian2026', password2: 'Shian2026', ...over });

describe('统一社会信用代码', () => {
  it('accepts a code whose check character matches, in either case', () => {
    expect(usccProblem(USCC)).toBeNull();
    expect(usccProblem(USCC.toLowerCase())).toBeNull();
  });

  it('says what is wrong: empty, length, characters, then the check character', () => {
    expect(usccProblem('')).toBe('请填写统一社会信用代码');
    expect(usccProblem(USCC.slice(0, 17))).toBe('统一社会信用代码应为18位（已输入17位）');
    expect(usccProblem(`91150102MA000123I${usccCheckChar(USCC_17)}`)).toContain('无效字符');
    expect(usccProblem(`91A50102MA0001234${usccCheckChar(USCC_17)}`)).toContain('无效字符');
    const wrong = USCC_17 + (USCC[17] === '1' ? '2' : '1');
    expect(usccProblem(wrong)).toBe('统一社会信用代码校验位不正确，请对照营业执照核对');
  });
});

describe('许可证编号', () => {
  it('reads the structure, then whether it fits the business type', () => {
    expect(licenceProblem('JY21501020012345', BusinessType.Catering)).toBeNull();
    expect(licenceProblem('jy21501020012345', BusinessType.Catering)).toBeNull();
    expect(licenceProblem('', BusinessType.Catering)).toBe('请填写许可证编号');
    expect(licenceProblem('JY9150102000001', BusinessType.Catering)).toBe('许可证编号应为 JY 或 SC 加14位数字');
    expect(licenceProblem('JY91501020012345', BusinessType.Catering)).toBe('主体业态代码（JY后第1位）应为1、2或3');
    expect(licenceProblem('JY21501020012345', BusinessType.Production)).toContain('SC开头');
    expect(licenceProblem('JY21501020012345', null)).toBeNull();
  });
});

describe('the business part', () => {
  it('has no problem when complete', () => {
    expect(businessProblems(business())).toEqual({});
  });

  it('names every missing field', () => {
    expect(Object.keys(businessProblems(EMPTY_BUSINESS)).sort()).toEqual(['address', 'businessType', 'licenceNo', 'name', 'regionCode', 'uscc']);
    expect(businessProblems(business({ regionCode: '150102001' })).regionCode).toBe('请选择所在村（社区）');
  });

  it('asks the staffing facts the director rule reads for the type', () => {
    expect(profileQuestions({ businessType: BusinessType.Catering, centralKitchen: false })).toEqual(['scale', 'chainHeadquarters', 'centralKitchen']);
    expect(profileQuestions({ businessType: BusinessType.Catering, centralKitchen: true })).toContain('dinersPerMeal');
    expect(profileQuestions({ businessType: BusinessType.Canteen, centralKitchen: false })).toEqual(['canteenKind', 'contractorOperated', 'dinersPerMeal']);
    expect(profileQuestions({ businessType: null, centralKitchen: false })).toEqual([]);
    expect(businessProblems(business({ businessType: BusinessType.Canteen, licenceNo: 'JY31501020012345', dinersPerMeal: '8.5' })).dinersPerMeal).toBe(
      '平均每餐用餐人数应为整数',
    );
  });

  it('gives the shared rule what was answered: a medium restaurant needs a director, a 300-pupil school canteen does not', () => {
    expect(staffingRequirement(staffingProfileOf(business({ scale: EnterpriseScale.Medium }))!).directorRequired).toBe(true);
    const canteen = business({ businessType: BusinessType.Canteen, canteenKind: CanteenKind.School, dinersPerMeal: '300', scale: EnterpriseScale.Large });
    // The scale is not asked of canteens, so it does not count.
    expect(staffingRequirement(staffingProfileOf(canteen)!).directorRequired).toBe(false);
    expect(staffingProfileOf(business({ businessType: null }))).toBeNull();
  });

  it('sends trimmed, upper-cased values and only the facts asked of the type', () => {
    const body = registrationRequest(business({ uscc: USCC.toLowerCase(), scale: EnterpriseScale.Medium, specialFood: true, canteenKind: CanteenKind.School }), person({ idNumber: ID.toLowerCase() }));
    expect(body).toEqual({
      name: '新城区福满楼餐馆',
      uscc: USCC,
      licenceNo: 'JY21501020012345',
      businessType: BusinessType.Catering,
      regionCode: '150102001001',
      address: '兴安北路 66 号',
      scale: EnterpriseScale.Medium,
      chainHeadquarters: false,
      centralKitchen: false,
      principal: { name: '赵掌柜', phone: '13766310001', idNumber: ID.toUpperCase(), password: 'Shian2026' },
    });
  });
});

describe('the person part', () => {
  it('has no problem when complete', () => {
    expect(personProblems(person(), TODAY)).toEqual({});
  });

  it('says what is wrong with each field', () => {
    expect(personProblems(EMPTY_PERSON, TODAY)).toEqual({
      name: '请填写姓名',
      phone: '请填写手机号',
      idNumber: '请填写身份证号',
      password: '请设置密码',
      password2: '请再次输入密码',
    });
    const bad = personProblems(person({ phone: '12345678901', idNumber: ID_17 + (ID[17] === '1' ? '2' : '1'), password: 'abcdefgh', password2: 'abcdefg' }), TODAY);
    expect(bad).toEqual({
      phone: '手机号应为11位，以1开头',
      idNumber: '身份证号校验位不正确',
      password: '密码须同时包含字母和数字',
      password2: '两次输入的密码不一致',
    });
    expect(personProblems(person({ idNumber: '1501021980' }), TODAY).idNumber).toBe('身份证号应为18位');
  });
});

describe("the server's field errors", () => {
  it('go to the business or the principal field they name', () => {
    expect(
      registrationFieldErrors([
        { field: 'uscc', message: '该统一社会信用代码已登记' },
        { field: 'principal.idNumber', message: '身份证号无效：校验位不正确' },
        { field: 'phone', message: '该手机号已注册，请使用其他手机号或直接登录' },
        { field: 'principal', message: '主要负责人必须是对象' },
      ]),
    ).toEqual({
      business: { uscc: '该统一社会信用代码已登记' },
      person: { idNumber: '身份证号无效：校验位不正确', phone: '该手机号已注册，请使用其他手机号或直接登录' },
      other: ['主要负责人必须是对象'],
    });
    expect(personFieldErrors([{ field: 'phone', message: 'x' }, { field: 'code', message: 'y' }])).toEqual({ person: { phone: 'x' }, other: ['y'] });
  });
});

describe('邀请码', () => {
  it('accepts what a person types, spaces and lower case included', () => {
    expect(invitationCodeProblem('abcd 2345')).toBeNull();
    expect(invitationCodeProblem('')).toBe('请输入邀请码');
    expect(invitationCodeProblem('ABCD234O')).toContain('8位');
  });
});
