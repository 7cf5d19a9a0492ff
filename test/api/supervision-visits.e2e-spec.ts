// 督导记录 (issue #6): a cadre visits a business assigned to them, answers the checklist with a photo
// and records a problem → a rectification order (source 包保督导检查) issued by the cadre → the
// business answers → the cadre accepts. Bad input is a 400 naming the field; a business that is not
// the cadre's is a 403; a retry with the same key gives the same visit and no second order.
import { addDays, CadreLevel, Grade, Role, SUPERVISION_CHECKLIST, supervisionCycle, todayInShanghai } from '@shian/shared';
import { RectificationOrder } from '../../server/src/rectifications/entities/rectification-order.entity';
import { SupervisionVisit } from '../../server/src/supervision/supervision.entities';
import { Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { expectErrorBody, freshKey, insertEnterprise, insertUser, startTestApp, TestApp } from './harness';
import { allYes, assign, emptyCounty, insertCadre, postVisit, uploadPhoto } from './supervision-visit-helpers';

describe('supervision visits', () => {
  let t: TestApp;
  const today = todayInShanghai();
  let cadre: { id: string; token: string; name: string };
  let otherCadre: { id: string; token: string; name: string };
  let regulator: string;
  let farRegulator: string;
  let principal: string;
  let business: Enterprise;
  let unassigned: Enterprise;
  let photo: string;
  const PROBLEMS = ['后厨冷藏柜未记录温度', '两名从业人员健康证过期'];

  const visitBody = (over: Record<string, unknown> = {}) => ({
    enterpriseId: business.id,
    answers: allYes(),
    observations: '后厨整洁，台账齐全',
    problems: [],
    photoIds: [photo],
    location: { latitude: 40.81, longitude: 111.65, accuracy: 15 },
    ...over,
  });

  beforeAll(async () => {
    t = await startTestApp();
    const { county, townships, villages } = await emptyCounty(t);
    business = await insertEnterprise(t, { regionCode: villages[0], grade: Grade.C, name: '督导甲餐馆' });
    unassigned = await insertEnterprise(t, { regionCode: villages[0], grade: Grade.C, name: '督导乙餐馆' });
    cadre = await insertCadre(t, CadreLevel.Township, townships[0], { name: '孙包保' });
    otherCadre = await insertCadre(t, CadreLevel.Township, townships[0], { name: '李包保' });
    await assign(t, business, cadre.id);
    const reg = await insertUser(t, { role: Role.Regulator, regionCode: county, name: '督导县监管' });
    regulator = (await t.login(reg.phone)).accessToken;
    const far = await insertUser(t, { role: Role.Regulator, regionCode: '150102', name: '新城区监管' });
    farRegulator = (await t.login(far.phone)).accessToken;
    const p = await insertUser(t, { role: Role.Principal, enterpriseId: business.id, name: '甲负责人' });
    principal = (await t.login(p.phone)).accessToken;
    const up = await uploadPhoto(t, cadre.token, business.id);
    expect(up.status).toBe(201);
    photo = up.id;
  });
  afterAll(() => t?.close());

  it('a cadre uploads photos only for a business assigned to them; a file of their own is no visit photo', async () => {
    expectErrorBody(await toResult(uploadPhoto(t, cadre.token, unassigned.id)), 400, 'FILE_CADRE_ENTERPRISE');
    // No business named: the cadre's own file (a scanned 承诺书) — stored, but not evidence of a visit.
    const own = await uploadPhoto(t, cadre.token);
    expect(own.status).toBe(201);
    const res = await postVisit(t, cadre.token, visitBody({ photoIds: [own.id] }));
    expectErrorBody(res, 400);
    expect((res.body.details as Array<{ field: string }>).map((d) => d.field)).toContain('photoIds[0]');
  });

  describe('bad input is a 400 naming the field', () => {
    const cases: Array<[string, () => Record<string, unknown>, string, RegExp]> = [
      ['an item missing', () => visitBody({ answers: allYes().slice(1) }), 'answers', /检查结论缺少：「按规定配备食品安全总监、食品安全员」/],
      ['an item twice', () => visitBody({ answers: [...allYes(), allYes()[0]] }), `answers[${SUPERVISION_CHECKLIST.length}].key`, /重复/],
      ['an unknown item', () => visitBody({ answers: [...allYes(), { key: 'nope', answer: 'yes' }] }), `answers[${SUPERVISION_CHECKLIST.length}].key`, /督导检查项不存在/],
      ['a bad answer', () => visitBody({ answers: allYes().map((a, i) => (i === 2 ? { ...a, answer: 'maybe' } : a)) }), 'answers[2].answer', /检查结论/],
      ['不符合 without a note', () => visitBody({ answers: allYes().map((a, i) => (i === 3 ? { ...a, answer: 'no' } : a)) }), 'answers[3].note', /不符合，须填写说明/],
      ['problems without a deadline', () => visitBody({ problems: PROBLEMS }), 'rectificationDeadline', /须填写整改期限/],
      ['a deadline before today', () => visitBody({ problems: PROBLEMS, rectificationDeadline: addDays(today, -1) }), 'rectificationDeadline', /不能早于今天/],
      ['problems without a photo', () => visitBody({ problems: PROBLEMS, rectificationDeadline: addDays(today, 7), photoIds: [] }), 'photoIds', /至少 1 张/],
      ['an empty problem', () => visitBody({ problems: ['  '], rectificationDeadline: addDays(today, 7) }), 'problems[0]', /不能为空/],
      ['a problem too long', () => visitBody({ problems: ['问'.repeat(201)], rectificationDeadline: addDays(today, 7) }), 'problems[0]', /不能超过 200 字/],
      ['too many problems', () => visitBody({ problems: Array.from({ length: 21 }, (_, i) => `问题${i}`), rectificationDeadline: addDays(today, 7) }), 'problems', /最多 20 条/],
      ['a latitude out of range', () => visitBody({ location: { latitude: 91, longitude: 111 } }), 'location.latitude', /纬度不能大于 90/],
      ['a longitude out of range', () => visitBody({ location: { latitude: 40, longitude: -181 } }), 'location.longitude', /经度不能小于 -180/],
      ['a photo not the cadre’s', () => visitBody({ photoIds: ['00000000-0000-4000-8000-000000000000'] }), 'photoIds[0]', /照片第1项不存在/],
    ];
    it.each(cases)('%s', async (_, body, field, message) => {
      const res = await postVisit(t, cadre.token, body());
      expectErrorBody(res, 400);
      const detail = (res.body.details as Array<{ field: string; message: string }>).find((d) => d.field === field);
      expect(detail).toBeDefined();
      expect(detail!.message).toMatch(message);
    });

    it('nothing was written by them', async () => {
      expect(await t.ds.getRepository(SupervisionVisit).count()).toBe(0);
    });
  });

  it('a business not assigned to the cadre is a 403 with the reason; a regulator cannot record a visit', async () => {
    const notMine = await postVisit(t, cadre.token, visitBody({ enterpriseId: unassigned.id, photoIds: [] }));
    expectErrorBody(notMine, 403, 'VISIT_NOT_ASSIGNED');
    expect(notMine.body.message).toContain('不是您当前包保的企业');
    expectErrorBody(await postVisit(t, otherCadre.token, visitBody({ photoIds: [] })), 403, 'VISIT_NOT_ASSIGNED');
    expectErrorBody(await postVisit(t, regulator, visitBody()), 403);
    expectErrorBody(await postVisit(t, cadre.token, visitBody({ enterpriseId: '00000000-0000-4000-8000-000000000000' })), 404);
  });

  describe('visit → order → the business answers → the cadre accepts', () => {
    let visit: any;

    it('records the visit today in its cycle and issues the order; a retry with the same key gives the same visit and no second order', async () => {
      const key = freshKey('visit');
      const answers = allYes().map((a, i) => (i === 7 ? { ...a, answer: 'no' as const, note: '冷藏柜无温度记录' } : a));
      const body = visitBody({ answers, problems: PROBLEMS, rectificationDeadline: addDays(today, 10) });
      const res = await postVisit(t, cadre.token, body, key);
      expect(res.status).toBe(201);
      visit = res.body;
      expect(visit).toMatchObject({
        enterpriseId: business.id,
        enterpriseName: '督导甲餐馆',
        grade: 'C',
        cadreId: cadre.id,
        cadreName: '孙包保',
        cadreLevel: CadreLevel.Township,
        visitDate: today,
        cycleKey: supervisionCycle(today, 'quarter').key,
        problems: PROBLEMS,
        observations: '后厨整洁，台账齐全',
        location: { latitude: 40.81, longitude: 111.65, accuracy: 15 },
      });
      expect(visit.answers[7]).toMatchObject({ key: SUPERVISION_CHECKLIST[7].key, answer: 'no', answerLabel: '不符合', note: '冷藏柜无温度记录', text: SUPERVISION_CHECKLIST[7].text });
      expect(visit.photos).toEqual([expect.objectContaining({ id: photo, url: `/api/files/${photo}` })]);
      expect(visit.rectificationOrderId).toEqual(expect.any(String));

      const again = await postVisit(t, cadre.token, body, key);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(visit.id);
      expect(await t.ds.getRepository(SupervisionVisit).count()).toBe(1);
      expect(await t.ds.getRepository(RectificationOrder).count({ where: { sourceId: visit.id } })).toBe(1);
    });

    it('the order carries the problems, from 包保督导检查, issued by the cadre; the cadre lists it', async () => {
      const res = await t.request({ url: `/api/rectifications/${visit.rectificationOrderId}`, token: cadre.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ sourceType: 'visit', sourceLabel: '包保督导检查', sourceId: visit.id, sourcePeriod: today, items: PROBLEMS, deadline: addDays(today, 10), status: 'open', issuedBy: cadre.id, issuerName: '孙包保' });
      const mine = await t.request({ url: '/api/rectifications', token: cadre.token });
      expect(mine.body.items.map((o: { id: string }) => o.id)).toEqual([visit.rectificationOrderId]);
      const other = await t.request({ url: '/api/rectifications', token: otherCadre.token });
      expect(other.body.items).toEqual([]);
      expectErrorBody(await t.request({ url: `/api/rectifications/${visit.rectificationOrderId}`, token: otherCadre.token }), 404);
    });

    it('a regulator cannot issue a "visit" order by hand', async () => {
      const res = await t.request({
        method: 'POST',
        url: '/api/rectifications',
        token: regulator,
        headers: { 'idempotency-key': freshKey('order') },
        body: { enterpriseId: business.id, sourceType: 'visit', sourceId: visit.id, items: ['x'], deadline: today },
      });
      expectErrorBody(res, 400);
      expect(res.body.details[0].field).toBe('sourceType');
    });

    it('the business answers, and only the issuing cadre (or a regulator of the region) decides', async () => {
      const p = await uploadPhoto(t, principal);
      expect(p.status).toBe(201);
      const answered = await t.request({
        method: 'POST',
        url: `/api/rectifications/${visit.rectificationOrderId}/respond`,
        token: principal,
        headers: { 'idempotency-key': freshKey('answer') },
        body: { measures: '已更换温度计并补办健康证', photoIds: [p.id] },
      });
      expect(answered.status).toBe(200);
      expect(answered.body.status).toBe('answered');
      expectErrorBody(await t.request({ method: 'POST', url: `/api/rectifications/${visit.rectificationOrderId}/accept`, token: otherCadre.token, body: {} }), 404);
      const accepted = await t.request({ method: 'POST', url: `/api/rectifications/${visit.rectificationOrderId}/accept`, token: cadre.token, body: { comment: '现场复查合格' } });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ status: 'closed', statusLabel: '已验收' });
      expect(accepted.body.events.map((e: { kind: string; actorName: string }) => [e.kind, e.actorName])).toEqual([
        ['issued', '孙包保'],
        ['answered', '甲负责人'],
        ['accepted', '孙包保'],
      ]);
    });

    it('a cadre cannot decide on an order they did not issue, even of their own business', async () => {
      const order = await t.request({
        method: 'POST',
        url: '/api/rectifications',
        token: regulator,
        headers: { 'idempotency-key': freshKey('order') },
        body: { enterpriseId: business.id, items: ['补齐进货查验记录'], deadline: addDays(today, 3) },
      });
      expect(order.status).toBe(201);
      // The cadre sees it (their business) …
      expect((await t.request({ url: `/api/rectifications/${order.body.id}`, token: cadre.token })).status).toBe(200);
      const p = await uploadPhoto(t, principal);
      await t.request({ method: 'POST', url: `/api/rectifications/${order.body.id}/respond`, token: principal, headers: { 'idempotency-key': freshKey('a') }, body: { measures: '已补齐', photoIds: [p.id] } });
      // … but the regulator who issued it decides.
      expectErrorBody(await t.request({ method: 'POST', url: `/api/rectifications/${order.body.id}/accept`, token: cadre.token, body: {} }), 403, 'RECTIFICATION_NOT_ISSUER');
      expect((await t.request({ method: 'POST', url: `/api/rectifications/${order.body.id}/accept`, token: regulator, body: {} })).status).toBe(200);
    });

    it('a visit without problems issues no order', async () => {
      const res = await postVisit(t, cadre.token, visitBody({ photoIds: [] }));
      expect(res.status).toBe(201);
      expect(res.body.rectificationOrderId).toBeNull();
      expect(res.body.problems).toEqual([]);
    });

    it('lists and details are scoped: the cadre their own, the region’s regulator, the business its own; others 404', async () => {
      const list = (token: string, q = '') => t.request({ url: `/api/supervision-visits${q}`, token });
      expect((await list(cadre.token)).body.total).toBe(2);
      expect((await list(otherCadre.token)).body.total).toBe(0);
      expect((await list(regulator)).body.total).toBe(2);
      expect((await list(regulator, `?enterpriseId=${unassigned.id}`)).body.total).toBe(0);
      expect((await list(principal)).body.total).toBe(2);
      expect((await list(farRegulator)).body.total).toBe(0);
      expect((await list(regulator, `?from=${addDays(today, 1)}`)).body.total).toBe(0);
      const detail = await t.request({ url: `/api/supervision-visits/${visit.id}`, token: regulator });
      expect(detail.status).toBe(200);
      expect(detail.body.rectificationOrderId).toBe(visit.rectificationOrderId);
      expectErrorBody(await t.request({ url: `/api/supervision-visits/${visit.id}`, token: farRegulator }), 404);
      expectErrorBody(await t.request({ url: `/api/supervision-visits/${visit.id}`, token: otherCadre.token }), 404);
      expectErrorBody(await t.request({ url: '/api/supervision-visits/not-a-uuid', token: regulator }), 400);
    });
  });
});

async function toResult(p: Promise<{ status: number; body: any }>) {
  const r = await p;
  return { status: r.status, body: r.body, headers: { 'x-request-id': r.body?.requestId } };
}
