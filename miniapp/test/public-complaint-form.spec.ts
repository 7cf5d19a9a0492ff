// What the 投诉举报 form says before anything is sent, the request it becomes, when a resubmission
// counts as the same one (its Idempotency-Key), and which business a scanned QR code opens.
import {
  complaintProblems,
  complaintRequest,
  emptyComplaintForm,
  splitComplaintFieldErrors,
  submissionFingerprint,
  type ComplaintForm,
} from '../src/packages/public/complaint-form';
import { enterpriseIdOf } from '../src/packages/public/params';

const TODAY = '2026-11-25';
const SHOP = { id: '7c0c5b8e-2f1a-4c7e-9a55-3f6f7d1e2a10', name: '新城区青城味道餐馆', address: '海拉尔东路 18 号' };

const filled = (patch: Partial<ComplaintForm> = {}): ComplaintForm => ({
  ...emptyComplaintForm(TODAY),
  kind: 'complaint',
  enterprise: SHOP,
  description: '凉菜有异味，食用后腹泻',
  challengeAnswer: '19',
  ...patch,
});

describe('the complaint form before sending', () => {
  it('a fresh form asks for the kind, the business, what happened and the answer, each under its field', () => {
    const p = complaintProblems(emptyComplaintForm(TODAY), TODAY, false);
    expect(Object.keys(p).sort()).toEqual(['challengeAnswer', 'description', 'enterpriseId', 'kind']);
    expect(p.description).toBe('请描述事情经过，至少5个字');
  });

  it('a filled form has nothing to say', () => {
    expect(complaintProblems(filled(), TODAY, false)).toEqual({});
  });

  it('an unregistered business needs its name, address and at least its county', () => {
    const f = filled({ businessMode: 'unregistered', enterprise: null, region: { code: '1501', names: ['内蒙古自治区', '呼和浩特市'] } });
    const p = complaintProblems(f, TODAY, false);
    expect(p).toEqual({ businessName: '请填写经营者名称', businessAddress: '请填写经营地址', regionCode: '请至少选到区县一级' });
  });

  it('refuses a date after today or more than three years back, a bad phone, a non-numeric answer, and a photo still uploading', () => {
    expect(complaintProblems(filled({ happenedOn: '2026-11-26' }), TODAY, false).happenedOn).toBe('发生日期不能晚于今天');
    expect(complaintProblems(filled({ happenedOn: '2023-11-24' }), TODAY, false).happenedOn).toBe('只受理三年内发生的事项');
    expect(complaintProblems(filled({ anonymous: false, contactPhone: '1381234567' }), TODAY, false).contactPhone).toBe('请输入11位手机号');
    // Anonymous: whatever was typed in the hidden phone field is not checked (and not sent).
    expect(complaintProblems(filled({ anonymous: true, contactPhone: '123' }), TODAY, false).contactPhone).toBeUndefined();
    expect(complaintProblems(filled({ challengeAnswer: '十九' }), TODAY, false).challengeAnswer).toBe('答案请填写数字');
    expect(complaintProblems(filled(), TODAY, true).photoIds).toMatch(/照片正在上传/);
  });
});

describe('the request', () => {
  it('an anonymous complaint carries no name or phone, even if some were typed before switching to 匿名', () => {
    const body = complaintRequest(filled({ anonymous: true, contactName: '王秀英', contactPhone: '13812345678' }), ['p1'], 'tok');
    expect(body).toMatchObject({ kind: 'complaint', enterpriseId: SHOP.id, businessName: null, anonymous: true, contactName: null, contactPhone: null, photoIds: ['p1'] });
  });

  it('a named report about an unregistered stall sends its name, address and county instead of a business id', () => {
    const body = complaintRequest(
      filled({ kind: 'report', businessMode: 'unregistered', enterprise: null, businessName: ' 夜市烧烤摊 ', businessAddress: '夜市东口', region: { code: '150102', names: [] }, anonymous: false, contactPhone: '13812345678' }),
      [],
      'tok',
    );
    expect(body).toMatchObject({ kind: 'report', enterpriseId: null, businessName: '夜市烧烤摊', businessAddress: '夜市东口', regionCode: '150102', contactName: null, contactPhone: '13812345678' });
  });

  it('a retry with a new challenge is the same submission; changed content is a new one', () => {
    const a = submissionFingerprint(complaintRequest(filled(), [], 'tok-1'));
    const retry = submissionFingerprint(complaintRequest(filled({ challengeAnswer: '23' }), [], 'tok-2'));
    const changed = submissionFingerprint(complaintRequest(filled({ description: '凉菜有异味，食用后腹泻两天' }), [], 'tok-2'));
    expect(retry).toBe(a);
    expect(changed).not.toBe(a);
  });

  it('the server’s field errors go under their fields (the challenge token’s under the answer); the rest are lines', () => {
    const { fields, other } = splitComplaintFieldErrors([
      { field: 'description', message: '事情经过至少5个字' },
      { field: 'challengeToken', message: '验证题已过期，请换一题' },
      { field: 'photoIds.0', message: '照片不存在' },
      { field: 'somethingElse', message: '其他问题' },
    ]);
    expect(fields).toEqual({ description: '事情经过至少5个字', challengeAnswer: '验证题已过期，请换一题', photoIds: '照片不存在' });
    expect(other).toEqual(['其他问题']);
  });
});

describe('the business a QR code opens', () => {
  it('takes ?id= from a link', () => {
    expect(enterpriseIdOf({ id: SHOP.id })).toBe(SHOP.id);
  });

  it('on weapp takes the id out of the scanned URL WeChat passes encoded in ?q=', () => {
    const scanned = `https://shian.example.cn/#/packages/public/pages/enterprise/index?id=${SHOP.id}`;
    expect(enterpriseIdOf({ q: encodeURIComponent(scanned) })).toBe(SHOP.id);
  });

  it('is empty when neither says', () => {
    expect(enterpriseIdOf({})).toBe('');
    expect(enterpriseIdOf({ q: encodeURIComponent('https://shian.example.cn/') })).toBe('');
  });
});
