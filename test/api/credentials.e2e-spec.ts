// 资质证明 (issue #4): directors' and officers' appointment letters, training records and
// assessment results — uploaded by the business (images or PDF, checked by content), verified or
// rejected by a regulator of the region, re-uploaded with the history kept, and warned about 30
// days before they lapse (Asia/Shanghai business dates).
import { addDays, Role, todayInShanghai } from '@shian/shared';
import { User } from '../../server/src/auth/user.entity';
import { CredentialsService } from '../../server/src/staff-duty/credentials.service';
import { png } from '../support/images';
import { multipart, pdf } from '../support/multipart';
import { Cast, demoCast, expectErrorBody, freshKey, insertUser, NewUser, startTestApp, TestApp } from './harness';

const MAX = 64 * 1024;

describe('credentials', () => {
  let t: TestApp;
  let tok: Cast['tok'];
  let id: Cast['id'];
  let homeId: string;
  let farId: string;
  const today = todayInShanghai();

  async function uploadFile(token: string, content: Buffer, opts: { kind?: string; filename?: string; contentType?: string } = {}) {
    const { payload, contentType } = multipart([
      { name: 'kind', value: opts.kind ?? 'credential' },
      { name: 'file', value: content, filename: opts.filename ?? 'scan.png', contentType: opts.contentType ?? 'image/png' },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, payload });
    return { status: res.statusCode, body: JSON.parse(res.body), headers: res.headers as Record<string, string> };
  }
  async function fileId(token: string, content: Buffer = png()): Promise<string> {
    const res = await uploadFile(token, content);
    expect(res.status).toBe(201);
    return res.body.id;
  }
  function post(token: string, body: Record<string, unknown>, key = freshKey('cred')) {
    return t.request({ method: 'POST', url: '/api/credentials', token, headers: { 'idempotency-key': key }, body });
  }
  async function credential(token: string, body: Record<string, unknown>) {
    const res = await post(token, { issuedOn: addDays(today, -100), fileIds: [await fileId(token)], ...body });
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const verify = (token: string, cid: string) => t.request({ method: 'POST', url: `/api/credentials/${cid}/verify`, token });
  const reject = (token: string, cid: string, reason?: string) => t.request({ method: 'POST', url: `/api/credentials/${cid}/reject`, token, body: reason === undefined ? {} : { reason } });

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_MAX_BYTES: String(MAX) });
    ({ tok, id, homeId, farId } = await demoCast(t));
  });
  afterAll(() => t?.close());

  describe('files for credentials (kind=credential)', () => {
    it('a PNG and a real PDF are accepted, typed by their content', async () => {
      const image = await uploadFile(tok.director, png(), { filename: '任命书.png' });
      expect(image.status).toBe(201);
      expect(image.body).toMatchObject({ kind: 'credential', mime: 'image/png', originalName: '任命书.png' });
      const doc = await uploadFile(tok.officer, pdf(), { filename: '培训证明.pdf', contentType: 'application/pdf' });
      expect(doc.status).toBe(201);
      expect(doc.body).toMatchObject({ kind: 'credential', mime: 'application/pdf' });
    });

    it('a text file named .pdf is refused in Chinese (by content, not by name or Content-Type)', async () => {
      const res = await uploadFile(tok.director, Buffer.from('这不是 PDF，只是改了扩展名的文本文件\n'), { filename: '任命书.pdf', contentType: 'application/pdf' });
      expectErrorBody(res as never, 415, 'FILE_TYPE_NOT_ALLOWED');
      expect(res.body.message).toBe('文件必须是 JPEG、PNG、WebP 格式的图片或 PDF 文档');
      expect(res.body.details).toEqual([{ field: 'file', message: res.body.message }]);
    });

    it('photos stay image-only: a PDF as kind=photo is refused', async () => {
      const res = await uploadFile(tok.director, pdf(), { kind: 'photo', filename: 'a.pdf', contentType: 'application/pdf' });
      expectErrorBody(res as never, 415, 'FILE_TYPE_NOT_ALLOWED');
      expect(res.body.message).toBe('文件必须是 JPEG、PNG 或 WebP 格式的图片');
    });

    it('over UPLOAD_MAX_BYTES → 413 naming the limit', async () => {
      const big = Buffer.concat([pdf(), Buffer.alloc(MAX, 0x20)]);
      const res = await uploadFile(tok.director, big, { filename: 'big.pdf', contentType: 'application/pdf' });
      expectErrorBody(res as never, 413, 'FILE_TOO_LARGE');
      expect(res.body.message).toBe('文件过大：不能超过 64 KB');
    });
  });

  describe('upload', () => {
    it('the director uploads an officer’s appointment letter (PNG): 201, pending, with holder, files and state', async () => {
      const file = await fileId(tok.director);
      const res = await post(tok.director, { userId: id.officer, kind: 'appointment_letter', fileIds: [file], issuedOn: addDays(today, -30) });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        enterpriseId: homeId,
        enterpriseName: '新城区青城味道餐馆',
        userId: id.officer,
        holderName: '李安全',
        holderRole: 'officer',
        kind: 'appointment_letter',
        kindLabel: '任命书',
        files: [{ id: file, mime: 'image/png', url: `/api/files/${file}` }],
        issuedOn: addDays(today, -30),
        validUntil: null,
        trainingHours: null,
        status: 'pending',
        state: { status: 'pending', expiring: false, daysLeft: null, label: '待审核' },
        rejectReason: null,
        reviewedBy: null,
        supersedesId: null,
        supersededById: null,
      });
      expect(res.body.regionCode).toMatch(/^150102/);
    });

    it('an officer uploads their own training record (PDF, hours with decimals); the same key replays it', async () => {
      const file = (await uploadFile(tok.officer, pdf(), { filename: 'train.pdf', contentType: 'application/pdf' })).body.id;
      const key = freshKey('train');
      const body = { userId: id.officer, kind: 'training_record', fileIds: [file], issuedOn: addDays(today, -5), validUntil: addDays(today, 360), trainingHours: 12.5 };
      const first = await post(tok.officer, body, key);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ kind: 'training_record', trainingHours: 12.5, files: [{ id: file, mime: 'application/pdf' }] });
      const again = await post(tok.officer, body, key);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(first.body.id);
    });

    it('an officer uploading for someone else → 403', async () => {
      const res = await post(tok.officer, { userId: id.director, kind: 'appointment_letter', fileIds: [await fileId(tok.officer)], issuedOn: today });
      expectErrorBody(res, 403, 'CREDENTIAL_OWN_ONLY');
      expect(res.body.message).toBe('食品安全员只能上传本人的资质证明');
    });

    it('400s name the field in Chinese', async () => {
      const file = await fileId(tok.director);
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ userId: id.officer, kind: 'training_record', fileIds: [file], issuedOn: today }, '培训记录须填写培训学时'],
        [{ userId: id.officer, kind: 'appointment_letter', fileIds: [file], issuedOn: today, trainingHours: 4 }, '只有培训记录才填写培训学时'],
        [{ userId: id.officer, kind: 'appointment_letter', fileIds: [file], issuedOn: addDays(today, 1) }, `签发日期不能晚于今天（${today}）`],
        [{ userId: id.officer, kind: 'appointment_letter', fileIds: [file], issuedOn: today, validUntil: addDays(today, -1) }, '有效期至不能早于签发日期'],
        [{ userId: id.officer, kind: 'licence', fileIds: [file], issuedOn: today }, '类型的取值无效'],
        [{ userId: id.officer, kind: 'appointment_letter', fileIds: [], issuedOn: today }, '附件不能为空'],
        [{ userId: id.officer, kind: 'appointment_letter', fileIds: [file], issuedOn: '2026/01/01' }, '签发日期必须是有效日期'],
        [{ userId: id.principal, kind: 'appointment_letter', fileIds: [file], issuedOn: today }, '人员不是本企业在岗的食品安全总监或食品安全员'],
        [{ userId: id.farOfficer, kind: 'appointment_letter', fileIds: [file], issuedOn: today }, '人员不是本企业在岗的食品安全总监或食品安全员'],
      ];
      for (const [body, message] of cases) {
        const res = await post(tok.director, body);
        expectErrorBody(res, 400);
        expect(res.body.message).toContain(message);
      }
    });

    it('the files must be this business’s credential uploads', async () => {
      const photo = await uploadFile(tok.director, png(), { kind: 'photo' });
      const res = await post(tok.director, { userId: id.officer, kind: 'appointment_letter', fileIds: [photo.body.id], issuedOn: today });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toBe('附件第1项不是资质证明文件');
      const foreign = await fileId(tok.farOfficer);
      const res2 = await post(tok.director, { userId: id.officer, kind: 'appointment_letter', fileIds: [foreign], issuedOn: today });
      expect(res2.body.message).toBe('附件第1项不存在或不属于本企业，请重新上传');
    });

    it('an Idempotency-Key is required', async () => {
      const res = await t.request({ method: 'POST', url: '/api/credentials', token: tok.director, body: { userId: id.officer, kind: 'appointment_letter', fileIds: [await fileId(tok.director)], issuedOn: today } });
      expectErrorBody(res, 400, 'IDEMPOTENCY_KEY_REQUIRED');
    });

    it('officials cannot upload (403)', async () => {
      const res = await post(tok.regulator, { userId: id.officer, kind: 'appointment_letter', fileIds: [await fileId(tok.director)], issuedOn: today });
      expectErrorBody(res, 403);
    });
  });

  describe('the files are served to the business and to officials in scope only', () => {
    it('principal and the county regulator read it; another county and another business get 404', async () => {
      const c = await credential(tok.director, { userId: id.director, kind: 'assessment', assessmentScore: 95 });
      const url = c.files[0].url;
      const get = (token: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
      expect((await get(tok.principal)).statusCode).toBe(200);
      expect((await get(tok.regulator)).statusCode).toBe(200);
      expect((await get(tok.farRegulator)).statusCode).toBe(404);
      expect((await get(tok.farOfficer)).statusCode).toBe(404);
    });
  });

  describe('review by a regulator of the region', () => {
    let first: any;
    let second: any;
    beforeAll(async () => {
      first = await credential(tok.director, { userId: id.officer, kind: 'assessment', assessmentScore: 88 });
      second = await credential(tok.director, { userId: id.director, kind: 'appointment_letter', validUntil: addDays(today, 700) });
    });

    it('the queue (status=pending) lists the region’s pending credentials, oldest first', async () => {
      const res = await t.request({ url: '/api/credentials?status=pending&pageSize=100', token: tok.regulator });
      expect(res.status).toBe(200);
      const ids = res.body.items.map((c: { id: string }) => c.id);
      expect(ids).toEqual(expect.arrayContaining([first.id, second.id]));
      expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
      const created = res.body.items.map((c: { createdAt: string }) => c.createdAt);
      expect([...created].sort()).toEqual(created);
      expect(res.body.items.every((c: { status: string; regionCode: string }) => c.status === 'pending' && c.regionCode.startsWith('150102'))).toBe(true);
    });

    it('a regulator of another county: not in their queue; detail, verify and reject → 404', async () => {
      const queue = await t.request({ url: '/api/credentials?status=pending&pageSize=100', token: tok.farRegulator });
      expect(queue.body.items.map((c: { id: string }) => c.id)).not.toContain(first.id);
      expectErrorBody(await t.request({ url: `/api/credentials/${first.id}`, token: tok.farRegulator }), 404, 'NOT_FOUND');
      expectErrorBody(await verify(tok.farRegulator, first.id), 404, 'NOT_FOUND');
      expectErrorBody(await reject(tok.farRegulator, first.id, '不清晰'), 404, 'NOT_FOUND');
    });

    it('business users and cadres cannot review (403)', async () => {
      expectErrorBody(await verify(tok.director, first.id), 403);
      expectErrorBody(await verify(tok.principal, first.id), 403);
      expectErrorBody(await verify(tok.cadre, first.id), 403);
    });

    it('verify → 200 verified with the reviewer; a second decision → 409', async () => {
      const res = await verify(tok.regulator, first.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: first.id, status: 'verified', state: { status: 'verified', label: '已核验' }, reviewerName: '刘监管', rejectReason: null });
      expect(res.body.reviewedAt).toEqual(expect.any(String));
      expectErrorBody(await verify(tok.regulator, first.id), 409, 'CREDENTIAL_ALREADY_REVIEWED');
      expectErrorBody(await reject(tok.regulator, first.id, '晚了'), 409, 'CREDENTIAL_ALREADY_REVIEWED');
    });

    it('reject needs a reason (400 naming 原因), then → 200 rejected, on the business’s to-do', async () => {
      const none = await reject(tok.regulator, second.id);
      expectErrorBody(none, 400, 'VALIDATION_FAILED');
      expect(none.body.message).toContain('原因');
      expectErrorBody(await reject(tok.regulator, second.id, '   '), 400, 'VALIDATION_FAILED');
      const res = await reject(tok.regulator, second.id, '任命书未加盖公章');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'rejected', rejectReason: '任命书未加盖公章', state: { status: 'rejected', label: '已驳回' } });
      const todos = await t.request({ url: '/api/todos/mine', token: tok.principal });
      expect(todos.status).toBe(200);
      expect(todos.body.rejectedCredentials.map((c: { id: string }) => c.id)).toContain(second.id);
    });

    it('a re-upload names the rejected one: both kept, linked both ways, the history reads in order', async () => {
      const again = await credential(tok.director, { userId: id.director, kind: 'appointment_letter', validUntil: addDays(today, 700), supersedesId: second.id });
      expect(again).toMatchObject({ status: 'pending', supersedesId: second.id, supersededById: null });
      const old = await t.request({ url: `/api/credentials/${second.id}`, token: tok.director });
      expect(old.body).toMatchObject({ status: 'rejected', rejectReason: '任命书未加盖公章', supersededById: again.id });
      const history = await t.request({ url: `/api/credentials/${again.id}/history`, token: tok.regulator });
      expect(history.status).toBe(200);
      expect(history.body.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([
        [second.id, 'rejected'],
        [again.id, 'pending'],
      ]);
      // Replaced: no longer on the to-do, not reviewable, not in the queue; the new one is.
      const todos = await t.request({ url: '/api/todos/mine', token: tok.principal });
      expect(todos.body.rejectedCredentials.map((c: { id: string }) => c.id)).not.toContain(second.id);
      const queue = await t.request({ url: '/api/credentials?status=pending&pageSize=100', token: tok.regulator });
      expect(queue.body.items.map((c: { id: string }) => c.id)).toContain(again.id);
      // A second re-upload of the same rejected one → 409; of another holder's or kind → 400.
      const dup = await post(tok.director, { userId: id.director, kind: 'appointment_letter', fileIds: [await fileId(tok.director)], issuedOn: today, supersedesId: second.id });
      expectErrorBody(dup, 409, 'CREDENTIAL_ALREADY_REPLACED');
      const wrong = await post(tok.director, { userId: id.officer, kind: 'appointment_letter', fileIds: [await fileId(tok.director)], issuedOn: today, supersedesId: again.id });
      expectErrorBody(wrong, 400, 'VALIDATION_FAILED');
      expect(wrong.body.message).toBe('被替换的资质记录须是同一人员、同一类型的');
      // The replaced pending one can no longer be decided.
      const pendingOld = await credential(tok.director, { userId: id.officer, kind: 'training_record', trainingHours: 2 });
      await credential(tok.director, { userId: id.officer, kind: 'training_record', trainingHours: 3, supersedesId: pendingOld.id });
      expectErrorBody(await verify(tok.regulator, pendingOld.id), 409, 'CREDENTIAL_SUPERSEDED');
    });
  });

  describe('expiry: warned 30 days ahead, expired the day after the last valid day (Asia/Shanghai)', () => {
    let in30: any;
    let in31: any;
    let lapsed: any;
    let far: any;
    let extra: NewUser;
    beforeAll(async () => {
      // Three holders × kinds, so each is its holder's latest of its kind.
      extra = await insertUser(t, { role: Role.Officer, enterpriseId: homeId, name: '周安全' });
      in30 = await credential(tok.director, { userId: extra.id, kind: 'assessment', issuedOn: addDays(today, -300), validUntil: addDays(today, 30) });
      in31 = await credential(tok.director, { userId: extra.id, kind: 'appointment_letter', issuedOn: addDays(today, -300), validUntil: addDays(today, 31) });
      lapsed = await credential(tok.director, { userId: id.officer, kind: 'appointment_letter', issuedOn: addDays(today, -20), validUntil: addDays(today, -1) });
      for (const c of [in30, in31, lapsed]) expect((await verify(tok.regulator, c.id)).status).toBe(200);
      far = await credential(tok.farOfficer, { userId: id.farOfficer, kind: 'appointment_letter', issuedOn: addDays(today, -300), validUntil: addDays(today, 5) });
    });

    it('each response carries the derived state: 30 days left → 即将到期; 31 → 已核验; yesterday → 已过期', async () => {
      const get = async (c: { id: string }) => (await t.request({ url: `/api/credentials/${c.id}`, token: tok.director })).body.state;
      expect(await get(in30)).toEqual({ status: 'verified', expiring: true, daysLeft: 30, label: '即将到期' });
      expect(await get(in31)).toEqual({ status: 'verified', expiring: false, daysLeft: 31, label: '已核验' });
      expect(await get(lapsed)).toEqual({ status: 'expired', expiring: false, daysLeft: -1, label: '已过期' });
      // Stored is the decision only.
      expect((await t.request({ url: `/api/credentials/${lapsed.id}`, token: tok.director })).body.status).toBe('verified');
    });

    it('GET /api/credentials/expiring: the region’s, soonest first; state=expired the lapsed ones', async () => {
      const res = await t.request({ url: '/api/credentials/expiring?pageSize=100', token: tok.regulator });
      expect(res.status).toBe(200);
      const ids = res.body.items.map((c: { id: string }) => c.id);
      expect(ids).toContain(in30.id);
      expect(ids).not.toContain(in31.id);
      expect(ids).not.toContain(lapsed.id);
      expect(ids).not.toContain(far.id);
      expect(res.body.items.every((c: { state: { expiring: boolean }; regionCode: string }) => c.state.expiring && c.regionCode.startsWith('150102'))).toBe(true);
      const expired = await t.request({ url: '/api/credentials/expiring?state=expired', token: tok.regulator });
      expect(expired.body.items.map((c: { id: string }) => c.id)).toContain(lapsed.id);
      expect(expired.body.items.every((c: { state: { status: string } }) => c.state.status === 'expired')).toBe(true);
      const other = await t.request({ url: '/api/credentials/expiring', token: tok.farRegulator });
      expect(other.body.items.map((c: { id: string }) => c.id)).toEqual([far.id]);
      expectErrorBody(await t.request({ url: '/api/credentials/expiring?state=soon', token: tok.regulator }), 400);
    });

    it('GET /api/todos/mine: the principal and director see the business’s expiring and expired; an officer their own', async () => {
      for (const who of [tok.principal, tok.director]) {
        const res = await t.request({ url: '/api/todos/mine', token: who });
        const ids = res.body.expiringCredentials.map((c: { id: string }) => c.id);
        expect(ids).toEqual(expect.arrayContaining([in30.id, lapsed.id]));
        expect(ids).not.toContain(in31.id);
        expect(res.body.spotExamFailures).toEqual([]);
      }
      const mine = await t.request({ url: '/api/todos/mine', token: tok.officer });
      expect(mine.body.expiringCredentials.map((c: { id: string }) => c.id)).toEqual([lapsed.id]);
    });

    it('a renewal replaces the warning; a person out of post is no longer warned about', async () => {
      const renewal = await credential(tok.director, { userId: id.officer, kind: 'appointment_letter', issuedOn: today, validUntil: addDays(today, 365), supersedesId: lapsed.id });
      let res = await t.request({ url: '/api/todos/mine', token: tok.officer });
      expect(res.body.expiringCredentials).toEqual([]);
      expect(renewal.state.expiring).toBe(false);
      await t.ds.getRepository(User).update({ id: extra.id }, { active: false });
      res = await t.request({ url: '/api/todos/mine', token: tok.director });
      expect(res.body.expiringCredentials.map((c: { id: string }) => c.id)).not.toContain(in30.id);
      await t.ds.getRepository(User).update({ id: extra.id }, { active: true });
    });

    it('statesFor(enterprise): each holder’s latest credential of each kind with its state, for the roster', async () => {
      const states = await t.app.get(CredentialsService).statesFor(homeId);
      const theirs = states.get(extra.id)!;
      expect(theirs.assessment).toMatchObject({ id: in30.id, status: 'verified', state: { expiring: true, daysLeft: 30 } });
      expect(theirs.appointment_letter).toMatchObject({ id: in31.id, state: { expiring: false } });
      expect(states.get(id.officer)!.appointment_letter!.status).toBe('pending');
      expect(states.has(id.farOfficer)).toBe(false);
    });

    it('the roster (GET /api/enterprises/:id/staff) carries the same states per director and officer', async () => {
      const res = await t.request({ url: `/api/enterprises/${homeId}/staff`, token: tok.regulator });
      expect(res.status).toBe(200);
      const byId = new Map(res.body.current.map((m: { userId: string }) => [m.userId, m]));
      expect(byId.get(extra.id)).toMatchObject({ credentials: { assessment: { id: in30.id, status: 'verified', state: { expiring: true, daysLeft: 30 } } } });
      expect(byId.get(id.officer)).toMatchObject({ credentials: { appointment_letter: { status: 'pending' } } });
      // The principal holds no credentials of their own.
      expect(byId.get(id.principal)).not.toHaveProperty('credentials');
    });
  });

  describe('scope: nothing from outside a regulator’s region in any list', () => {
    it('lists, filters and details stay within the caller’s region or business', async () => {
      const near = await t.request({ url: '/api/credentials?pageSize=100', token: tok.regulator });
      expect(near.body.total).toBeGreaterThan(5);
      expect(near.body.items.every((c: { regionCode: string }) => c.regionCode.startsWith('150102'))).toBe(true);
      const asked = await t.request({ url: `/api/credentials?enterpriseId=${farId}`, token: tok.regulator });
      expect(asked.body).toMatchObject({ items: [], total: 0 });
      const farList = await t.request({ url: '/api/credentials?pageSize=100', token: tok.farRegulator });
      expect(farList.body.items.length).toBeGreaterThan(0);
      expect(farList.body.items.every((c: { enterpriseId: string }) => c.enterpriseId === farId)).toBe(true);
      const own = await t.request({ url: '/api/credentials?pageSize=100', token: tok.farOfficer });
      expect(own.body.items.every((c: { enterpriseId: string }) => c.enterpriseId === farId)).toBe(true);
      const cadre = await t.request({ url: '/api/credentials?pageSize=100', token: tok.cadre });
      expect(cadre.body.items.every((c: { regionCode: string }) => c.regionCode.startsWith('150102'))).toBe(true);
      expectErrorBody(await t.request({ url: `/api/credentials/${farList.body.items[0].id}`, token: tok.director }), 404);
      expectErrorBody(await t.request({ url: `/api/credentials/${farList.body.items[0].id}/history`, token: tok.regulator }), 404);
    });

    it('the OpenAPI document lists the credential routes', async () => {
      const res = await t.request({ url: '/api/docs-json' });
      expect(Object.keys(res.body.paths)).toEqual(
        expect.arrayContaining(['/api/credentials', '/api/credentials/expiring', '/api/credentials/{id}', '/api/credentials/{id}/verify', '/api/credentials/{id}/reject']),
      );
      expect(res.body.paths['/api/credentials'].post.summary).toMatch(/[\u4e00-\u9fa5]/);
    });
  });
});
