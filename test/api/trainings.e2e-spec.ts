// 企业内部培训考核 (issue #4, Order 60): the business records the training and assessment of its
// director and officers; each person's hours in the year count against the 40-hour minimum,
// together with verified training-record credentials.
import { addDays, Role, todayInShanghai } from '@shian/shared';
import { png } from '../support/images';
import { multipart } from '../support/multipart';
import { DEMO, enterpriseByName, expectErrorBody, freshKey, insertUser, startTestApp, TestApp } from './harness';

describe('internal training records and annual hours', () => {
  let t: TestApp;
  const tok: Record<'officer' | 'director' | 'principal' | 'regulator' | 'farRegulator', string> = {} as never;
  const id: Record<'officer' | 'director' | 'principal', string> = {} as never;
  let homeId: string;
  let farId: string;
  let farOfficerId: string;
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  // Within this calendar year whatever today is.
  const earlier = `${year}-01-01`;

  async function fileId(token: string, kind: string): Promise<string> {
    const { payload, contentType } = multipart([
      { name: 'kind', value: kind },
      { name: 'file', value: png(), filename: '签到表.png', contentType: 'image/png' },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, payload });
    expect(res.statusCode).toBe(201);
    return JSON.parse(res.body).id;
  }
  const record = (token: string, body: Record<string, unknown>, key = freshKey('training')) =>
    t.request({ method: 'POST', url: '/api/trainings', token, headers: { 'idempotency-key': key }, body: { heldOn: earlier, topic: '食品安全法律法规', hours: 16, trainer: '王总监', ...body } });
  const hours = async (token: string, query = `year=${year}`) => t.request({ url: `/api/trainings/hours?${query}`, token });
  const row = (body: { people: Array<{ userId: string }> }, userId: string) => body.people.find((p) => p.userId === userId) as any;

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ['officer', 'director', 'principal'] as const) {
      const login = await t.login(DEMO[role]);
      tok[role] = login.accessToken;
      id[role] = login.user.id;
    }
    tok.regulator = (await t.login(DEMO.regulator)).accessToken;
    homeId = (await enterpriseByName(t, '新城区青城味道餐馆')).id;
    farId = (await enterpriseByName(t, '回民区老街烧麦馆')).id;
    const far = await insertUser(t, { role: Role.Regulator, regionCode: '150103' });
    tok.farRegulator = (await t.login(far.phone)).accessToken;
    farOfficerId = (await insertUser(t, { role: Role.Officer, enterpriseId: farId })).id;
  });
  afterAll(() => t?.close());

  it('the director records a session with attendees, assessment and a sign-in sheet → 201', async () => {
    const sheet = await fileId(tok.director, 'document');
    const res = await record(tok.director, { attendeeIds: [id.officer, id.director], assessment: '闭卷考试，全部合格', fileIds: [sheet] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      enterpriseId: homeId,
      enterpriseName: '新城区青城味道餐馆',
      heldOn: earlier,
      topic: '食品安全法律法规',
      hours: 16,
      trainer: '王总监',
      attendees: [
        { userId: id.officer, name: '李安全', role: 'officer' },
        { userId: id.director, name: '王总监', role: 'director' },
      ],
      assessment: '闭卷考试，全部合格',
      files: [{ id: sheet, mime: 'image/png' }],
      createdBy: id.director,
    });
  });

  it('400s: an attendee of another business, twice the same, a future date, hours out of range', async () => {
    const foreign = await record(tok.director, { attendeeIds: [farOfficerId] });
    expectErrorBody(foreign, 400, 'VALIDATION_FAILED');
    expect(foreign.body.message).toBe('参训人员第1项不是本企业在岗人员');
    expect((await record(tok.director, { attendeeIds: [id.officer, id.officer] })).body.message).toBe('参训人员第2项重复');
    expect((await record(tok.director, { attendeeIds: [id.officer], heldOn: addDays(today, 1) })).body.message).toBe(`培训日期不能晚于今天（${today}）`);
    expect((await record(tok.director, { attendeeIds: [id.officer], hours: 0 })).body.message).toBe('学时不能小于 0.5');
    expect((await record(tok.director, { attendeeIds: [] })).body.message).toBe('参训人员不能为空');
    expect((await record(tok.director, { attendeeIds: [id.officer], topic: ' ' })).body.message).toBe('培训主题不能为空');
  });

  it('officers and officials cannot record (403)', async () => {
    expectErrorBody(await record(tok.officer, { attendeeIds: [id.officer] }), 403);
    expectErrorBody(await record(tok.regulator, { attendeeIds: [id.officer] }), 403);
  });

  it('GET /api/trainings: the business’s own and the region’s; another county sees none; filter by attendee', async () => {
    await record(tok.principal, { attendeeIds: [id.director], topic: '风险管控清单', hours: 4 });
    const own = await t.request({ url: '/api/trainings', token: tok.officer });
    expect(own.body.total).toBe(2);
    const officer = await t.request({ url: `/api/trainings?userId=${id.officer}`, token: tok.regulator });
    expect(officer.body.items.map((x: { topic: string }) => x.topic)).toEqual(['食品安全法律法规']);
    const far = await t.request({ url: '/api/trainings', token: tok.farRegulator });
    expect(far.body).toMatchObject({ items: [], total: 0 });
  });

  it('GET /api/trainings/hours: internal sessions count; training-record credentials count once verified, pending shown apart', async () => {
    let res = await hours(tok.director);
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(year);
    expect(res.body.people.map((p: { userId: string }) => p.userId)).toEqual(expect.arrayContaining([id.officer, id.director]));
    expect(res.body.people.map((p: { userId: string }) => p.userId)).not.toContain(id.principal);
    expect(row(res.body, id.officer)).toMatchObject({ name: '李安全', role: 'officer', verifiedHours: 16, pendingHours: 0, requiredHours: 40, shortfall: 24, met: false, internalHours: 16, credentialHours: 0 });
    expect(row(res.body, id.director)).toMatchObject({ verifiedHours: 20, shortfall: 20, internalHours: 20 });

    const upload = await t.request({
      method: 'POST',
      url: '/api/credentials',
      token: tok.officer,
      headers: { 'idempotency-key': freshKey('cred') },
      body: { userId: id.officer, kind: 'training_record', fileIds: [await fileId(tok.officer, 'credential')], issuedOn: earlier, trainingHours: 24 },
    });
    expect(upload.status).toBe(201);
    res = await hours(tok.officer);
    expect(row(res.body, id.officer)).toMatchObject({ verifiedHours: 16, pendingHours: 24, met: false });
    expect((await t.request({ method: 'POST', url: `/api/credentials/${upload.body.id}/verify`, token: tok.regulator })).status).toBe(200);
    res = await hours(tok.regulator, `year=${year}&enterpriseId=${homeId}`);
    expect(row(res.body, id.officer)).toMatchObject({ verifiedHours: 40, pendingHours: 0, shortfall: 0, met: true, internalHours: 16, credentialHours: 24 });
    // Another year has none.
    res = await hours(tok.director, `year=${year - 1}`);
    expect(row(res.body, id.officer)).toMatchObject({ verifiedHours: 0, shortfall: 40 });
  });

  it('officials must name a business in their region', async () => {
    const none = await hours(tok.regulator);
    expectErrorBody(none, 400, 'VALIDATION_FAILED');
    expect(none.body.message).toContain('企业ID不能为空');
    expectErrorBody(await hours(tok.farRegulator, `enterpriseId=${homeId}`), 404, 'NOT_FOUND');
    expectErrorBody(await hours(tok.director, `enterpriseId=${farId}`), 404, 'NOT_FOUND');
    expectErrorBody(await hours(tok.director, 'year=1999'), 400, 'VALIDATION_FAILED');
  });
});
