// 整改通知 (issue #5; domain.md §2 闭环): a regulator issues a rectification order to a business of
// the county (from one of its records, or directly) with items and a deadline; the business answers
// with measures and photos; the regulator accepts it (closed) or returns it for another round.
// Wrong states are 409s, other regions 404s, retries with the same key change nothing twice, and
// an order past its deadline and not closed is flagged overdue.
import { addDays, todayInShanghai } from '@shian/shared';
import { RectificationEvent } from '../../server/src/rectifications/entities/rectification-event.entity';
import { RectificationOrder } from '../../server/src/rectifications/entities/rectification-order.entity';
import { png } from '../support/images';
import { multipart } from '../support/multipart';
import { readXlsx, shanghaiMinute } from '../support/xlsx';
import { Cast, demoCast, expectErrorBody, freshKey, startTestApp, submitDaily, TestApp } from './harness';

describe('rectification orders', () => {
  let t: TestApp;
  let tok: Cast['tok'];
  let homeId: string;
  let farId: string;
  let checkId: string;
  const today = todayInShanghai();
  const ITEMS = ['冷藏柜温度计损坏，立即更换并每日记录温度', '补齐两名从业人员的健康证明'];

  const issue = (token: string, body: Record<string, unknown>, key: string | null = freshKey('order')) =>
    t.request({ method: 'POST', url: '/api/rectifications', token, headers: key ? { 'idempotency-key': key } : {}, body });
  const respond = (token: string, id: string, body: Record<string, unknown>, key: string | null = freshKey('answer')) =>
    t.request({ method: 'POST', url: `/api/rectifications/${id}/respond`, token, headers: key ? { 'idempotency-key': key } : {}, body });
  const decide = (token: string, id: string, action: 'accept' | 'reject', body: Record<string, unknown> = {}) =>
    t.request({ method: 'POST', url: `/api/rectifications/${id}/${action}`, token, body });
  const get = (token: string, id: string) => t.request({ url: `/api/rectifications/${id}`, token });
  const list = (token: string, query = '') => t.request({ url: `/api/rectifications${query ? `?${query}` : ''}`, token });
  const ids = (res: { body: { items: Array<{ id: string }> } }) => res.body.items.map((o) => o.id);
  const todos = async (token: string) => {
    const res = await t.request({ url: '/api/todos/mine', token });
    expect(res.status).toBe(200);
    return res.body;
  };
  async function photo(token: string, kind = 'photo'): Promise<string> {
    const { payload, contentType } = multipart([
      { name: 'kind', value: kind },
      { name: 'file', value: png(), filename: '整改后.png', contentType: 'image/png' },
    ]);
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, payload });
    expect(res.statusCode).toBe(201);
    return JSON.parse(res.body).id;
  }

  beforeAll(async () => {
    t = await startTestApp();
    ({ tok, homeId, farId } = await demoCast(t));
    const check = await submitDaily(t, tok.officer, addDays(today, -1));
    expect(check.status).toBe(201);
    checkId = check.body.id;
  });
  afterAll(() => t?.close());

  describe('the whole loop: issue → answer → return → answer → accept', () => {
    let order: any;
    let photo1: string;
    let photo2: string;

    it('the regulator issues an order from a daily check; a retry with the same key gives the same order, not a second one', async () => {
      const key = freshKey('order');
      const body = { enterpriseId: homeId, sourceType: 'daily_check', sourceId: checkId, items: ITEMS, deadline: addDays(today, 7) };
      const res = await issue(tok.regulator, body, key);
      expect(res.status).toBe(201);
      order = res.body;
      expect(order).toMatchObject({
        enterpriseId: homeId,
        enterpriseName: '新城区青城味道餐馆',
        sourceType: 'daily_check',
        sourceLabel: '每日检查记录',
        sourceId: checkId,
        sourcePeriod: addDays(today, -1),
        items: ITEMS,
        deadline: addDays(today, 7),
        status: 'open',
        statusLabel: '待整改',
        overdue: false,
        issuerName: '刘监管',
        issuedDate: today,
        answeredAt: null,
        closedAt: null,
        closedDate: null,
        round: 1,
      });
      expect(order.regionCode).toMatch(/^150102\d{6}$/);
      expect(order.events).toEqual([{ seq: 1, kind: 'issued', kindLabel: '下发整改通知', actorId: expect.any(String), actorName: '刘监管', at: order.issuedAt, text: null, photos: [] }]);
      const again = await issue(tok.regulator, body, key);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(order);
      expect(await t.ds.getRepository(RectificationOrder).count()).toBe(1);
      expect(await t.ds.getRepository(RectificationEvent).count()).toBe(1);
    });

    it('the business sees it in its to-dos and its list; the order of a record can be found by the record', async () => {
      for (const who of [tok.officer, tok.director, tok.principal]) {
        expect((await todos(who)).rectifications.map((o: { id: string; statusLabel: string }) => [o.id, o.statusLabel])).toEqual([[order.id, '待整改']]);
      }
      expect(ids(await list(tok.principal))).toEqual([order.id]);
      expect(ids(await list(tok.regulator, `sourceId=${checkId}`))).toEqual([order.id]);
      expect((await todos(tok.farOfficer)).rectifications).toEqual([]);
    });

    it('an answer needs measures and at least one of the business’s own photos (400s naming the field)', async () => {
      const none = await respond(tok.principal, order.id, { measures: '已更换温度计', photoIds: [] });
      expectErrorBody(none, 400, 'VALIDATION_FAILED');
      expect(none.body.message).toBe('请上传至少 1 张整改后的照片');
      expect(none.body.details).toEqual([{ field: 'photoIds', message: '请上传至少 1 张整改后的照片' }]);
      const noMeasures = await respond(tok.principal, order.id, { measures: '  ', photoIds: [await photo(tok.principal)] });
      expectErrorBody(noMeasures, 400, 'VALIDATION_FAILED');
      expect(noMeasures.body.message).toBe('整改措施不能为空');
      const foreign = await respond(tok.principal, order.id, { measures: '已更换温度计', photoIds: [await photo(tok.farOfficer)] });
      expectErrorBody(foreign, 400, 'VALIDATION_FAILED');
      expect(foreign.body.message).toBe('照片第1项不存在或不属于本企业，请重新上传');
      const notPhoto = await respond(tok.principal, order.id, { measures: '已更换温度计', photoIds: [await photo(tok.principal, 'credential')] });
      expectErrorBody(notPhoto, 400, 'VALIDATION_FAILED');
      expect(notPhoto.body.message).toMatch(/^照片第1项不是照片/);
      expectErrorBody(await respond(tok.principal, order.id, { measures: '已更换温度计', photoIds: [await photo(tok.principal)] }, null), 400, 'IDEMPOTENCY_KEY_REQUIRED');
      expect((await get(tok.regulator, order.id)).body.status).toBe('open');
    });

    it('officials cannot answer (403); another business cannot see or answer it (404)', async () => {
      const p = await photo(tok.farOfficer);
      expectErrorBody(await respond(tok.regulator, order.id, { measures: '代为回复', photoIds: [p] }), 403, 'FORBIDDEN');
      expectErrorBody(await respond(tok.farOfficer, order.id, { measures: '越权回复', photoIds: [p] }), 404, 'NOT_FOUND');
      expectErrorBody(await get(tok.farOfficer, order.id), 404, 'NOT_FOUND');
      expect((await list(tok.farOfficer)).body).toMatchObject({ items: [], total: 0 });
    });

    it('deciding before the business answered is a 409', async () => {
      const res = await decide(tok.regulator, order.id, 'accept');
      expectErrorBody(res, 409, 'RECTIFICATION_NOT_ANSWERED');
      expect(res.body.message).toBe('企业尚未回复整改情况，不能验收或退回');
    });

    it('the principal answers with measures and a photo; a retry with the same key does not answer twice', async () => {
      photo1 = await photo(tok.principal);
      const key = freshKey('answer');
      const body = { measures: '已更换冷藏柜温度计，安排专人每日两次记录温度', photoIds: [photo1] };
      const res = await respond(tok.principal, order.id, body, key);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'answered', statusLabel: '待验收', round: 1 });
      expect(res.body.answeredAt).toEqual(expect.any(String));
      expect(res.body.events.map((e: { kind: string }) => e.kind)).toEqual(['issued', 'answered']);
      expect(res.body.events[1]).toMatchObject({ actorName: '张负责', text: body.measures, photos: [{ id: photo1, mime: 'image/png', url: `/api/files/${photo1}` }] });
      const again = await respond(tok.principal, order.id, body, key);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(res.body);
      expect(await t.ds.getRepository(RectificationEvent).count({ where: { orderId: order.id } })).toBe(2);
      // A new answer while it waits for the regulator: 409.
      const twice = await respond(tok.officer, order.id, { measures: '补充说明', photoIds: [photo1] });
      expectErrorBody(twice, 409, 'RECTIFICATION_AWAITING_ACCEPTANCE');
      expect(twice.body.message).toBe('整改情况已回复，正等待监管人员验收，不能重复回复');
      // No longer waiting for the business.
      expect((await todos(tok.principal)).rectifications).toEqual([]);
    });

    it('the regulator sees the photo; returning needs a comment; a business user cannot decide (403), another county cannot (404)', async () => {
      const file = await t.request({ url: `/api/files/${photo1}`, token: tok.regulator });
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
      const noComment = await decide(tok.regulator, order.id, 'reject', { comment: '' });
      expectErrorBody(noComment, 400, 'VALIDATION_FAILED');
      expect(noComment.body.message).toBe('意见不能为空');
      expectErrorBody(await decide(tok.principal, order.id, 'accept'), 403, 'FORBIDDEN');
      expectErrorBody(await decide(tok.farRegulator, order.id, 'accept'), 404, 'NOT_FOUND');
      expectErrorBody(await decide(tok.farRegulator, order.id, 'reject', { comment: '越权退回' }), 404, 'NOT_FOUND');
    });

    it('the regulator returns it: round 2, back in the business’s to-dos', async () => {
      const res = await decide(tok.regulator, order.id, 'reject', { comment: '照片未显示温度计读数，请补拍' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'returned', statusLabel: '退回整改', round: 2, closedAt: null });
      expect(res.body.events[2]).toMatchObject({ seq: 3, kind: 'returned', kindLabel: '退回整改', actorName: '刘监管', text: '照片未显示温度计读数，请补拍', photos: [] });
      expect((await todos(tok.officer)).rectifications.map((o: { id: string; status: string }) => [o.id, o.status])).toEqual([[order.id, 'returned']]);
      expectErrorBody(await decide(tok.regulator, order.id, 'accept'), 409, 'RECTIFICATION_NOT_ANSWERED');
    });

    it('the officer answers again; the regulator accepts: closed today, and nothing more can happen to it', async () => {
      photo2 = await photo(tok.officer);
      const answered = await respond(tok.officer, order.id, { measures: '已补拍温度计读数照片，冷藏温度 4℃', photoIds: [photo2, photo1] });
      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({ status: 'answered', round: 2 });
      const res = await decide(tok.regulator, order.id, 'accept', { comment: '现场复查，整改到位' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'closed', statusLabel: '已验收', closedDate: today, overdue: false, round: 2 });
      expect(res.body.events.map((e: { seq: number; kind: string; actorName: string }) => [e.seq, e.kind, e.actorName])).toEqual([
        [1, 'issued', '刘监管'],
        [2, 'answered', '张负责'],
        [3, 'returned', '刘监管'],
        [4, 'answered', '李安全'],
        [5, 'accepted', '刘监管'],
      ]);
      expect(res.body.events[3].photos.map((p: { id: string }) => p.id)).toEqual([photo2, photo1]);
      const again = await decide(tok.regulator, order.id, 'accept');
      expectErrorBody(again, 409, 'RECTIFICATION_CLOSED');
      expect(again.body.message).toBe('该整改通知已验收通过并关闭');
      expectErrorBody(await decide(tok.regulator, order.id, 'reject', { comment: '再退回' }), 409, 'RECTIFICATION_CLOSED');
      expectErrorBody(await respond(tok.officer, order.id, { measures: '再次回复', photoIds: [photo2] }), 409, 'RECTIFICATION_CLOSED');
      // The business reads the same history.
      const seen = await get(tok.principal, order.id);
      expect(seen.body).toEqual(res.body);
    });
  });

  describe('issuing: validation, roles and scope', () => {
    const valid = () => ({ enterpriseId: homeId, items: ['后厨排水沟加装防鼠网'], deadline: addDays(today, 3) });

    it('bad input is a 400 with a Chinese message naming the field', async () => {
      const cases: Array<[Record<string, unknown>, string, string]> = [
        [{ deadline: addDays(today, -1) }, 'deadline', `整改期限不能早于今天（${today}）`],
        [{ deadline: addDays(today, 400) }, 'deadline', `整改期限不能晚于 ${addDays(today, 366)}（下发后 366 天内）`],
        [{ deadline: '2026-02-30' }, 'deadline', '整改期限必须是有效日期（YYYY-MM-DD）'],
        [{ items: [] }, 'items', '整改事项不能为空：至少填写 1 项'],
        [{ items: undefined }, 'items', '整改事项不能为空：至少填写 1 项'],
        [{ items: ['   '] }, 'items', '整改事项第1项不能为空'],
        [{ items: Array.from({ length: 21 }, (_, i) => `事项${i + 1}`) }, 'items', '整改事项最多 20 项'],
        [{ items: ['x'.repeat(201)] }, 'items', '整改事项第1项过长（最多 200 字）'],
        [{ sourceType: 'daily_check' }, 'sourceId', '从每日检查记录下发须填写来源记录'],
        [{ sourceId: checkId }, 'sourceId', '直接下发的整改通知不填写来源记录'],
        [{ sourceType: 'visit', sourceId: checkId }, 'sourceType', '来源类型的取值无效'],
        [{ enterpriseId: 'abc' }, 'enterpriseId', '企业ID格式无效'],
      ];
      for (const [patch, field, message] of cases) {
        const res = await issue(tok.regulator, { ...valid(), ...patch });
        expectErrorBody(res, 400, 'VALIDATION_FAILED');
        expect(res.body.details).toEqual([{ field, message }]);
      }
      expectErrorBody(await issue(tok.regulator, valid(), null), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    });

    it('a source record of another business, or of another kind, is refused', async () => {
      const farCheck = await submitDaily(t, tok.farOfficer, today);
      expect(farCheck.status).toBe(201);
      for (const body of [
        { ...valid(), sourceType: 'daily_check', sourceId: farCheck.body.id },
        { ...valid(), sourceType: 'weekly_investigation', sourceId: checkId },
      ]) {
        const res = await issue(tok.regulator, body);
        expectErrorBody(res, 400, 'VALIDATION_FAILED');
        expect(res.body.message).toBe('来源记录不存在或不属于该企业');
      }
    });

    it('only regulators issue (403 for cadres and business users); a business of another county is not found (404)', async () => {
      expectErrorBody(await issue(tok.cadre, valid()), 403, 'FORBIDDEN');
      expectErrorBody(await issue(tok.principal, valid()), 403, 'FORBIDDEN');
      const far = await issue(tok.regulator, { ...valid(), enterpriseId: farId });
      expectErrorBody(far, 404, 'NOT_FOUND');
      expect(far.body.message).toBe('企业不存在或无权查看');
    });
  });

  describe('lists: scope, filters and the overdue flag', () => {
    let open: any;
    let late: any;
    let lateClosed: any;
    let far: any;

    beforeAll(async () => {
      const mk = async (token: string, enterpriseId: string, items: string[]) => {
        const res = await issue(token, { enterpriseId, items, deadline: today });
        expect(res.status).toBe(201);
        return res.body;
      };
      open = await mk(tok.regulator, homeId, ['门口公示栏更新许可证复印件']);
      late = await mk(tok.regulator, homeId, ['清理过期调料']);
      lateClosed = await mk(tok.regulator, homeId, ['更换破损砧板']);
      far = await mk(tok.farRegulator, farId, ['补齐进货台账']);
      // Close one the normal way, then move two deadlines into the past (as if days had gone by).
      expect((await respond(tok.principal, lateClosed.id, { measures: '已更换', photoIds: [await photo(tok.principal)] })).status).toBe(200);
      expect((await decide(tok.regulator, lateClosed.id, 'accept')).status).toBe(200);
      await t.ds.getRepository(RectificationOrder).update({ id: late.id }, { deadline: addDays(today, -3), issuedDate: addDays(today, -10) });
      await t.ds.getRepository(RectificationOrder).update({ id: lateClosed.id }, { deadline: addDays(today, -3) });
    });

    it('not closed and past the deadline → overdue; closed or due today → not', async () => {
      const byId = new Map((await list(tok.regulator, 'pageSize=100')).body.items.map((o: any) => [o.id, o]));
      expect((byId.get(late.id) as any).overdue).toBe(true);
      expect((byId.get(lateClosed.id) as any).overdue).toBe(false);
      expect((byId.get(open.id) as any).overdue).toBe(false);
      expect(ids(await list(tok.regulator, 'overdue=true'))).toEqual([late.id]);
      expect(ids(await list(tok.regulator, 'overdue=false'))).not.toContain(late.id);
      expect((await get(tok.principal, late.id)).body.overdue).toBe(true);
      const todoRow = (await todos(tok.principal)).rectifications.find((o: { id: string }) => o.id === late.id);
      expect(todoRow).toMatchObject({ overdue: true, statusLabel: '待整改' });
    });

    it('filters by status, business, region and the day of issue; paginates', async () => {
      expect(ids(await list(tok.regulator, 'status=closed'))).toEqual(expect.arrayContaining([lateClosed.id]));
      expect((await list(tok.regulator, 'status=closed')).body.items.every((o: { status: string }) => o.status === 'closed')).toBe(true);
      expect(ids(await list(tok.regulator, `from=${addDays(today, -10)}&to=${addDays(today, -10)}`))).toEqual([late.id]);
      const page1 = await list(tok.regulator, `enterpriseId=${homeId}&pageSize=2&page=1`);
      const page2 = await list(tok.regulator, `enterpriseId=${homeId}&pageSize=2&page=2`);
      expect(page1.body.total).toBe(4);
      expect([...ids(page1), ...ids(page2)]).toHaveLength(4);
      expect(new Set([...ids(page1), ...ids(page2)]).size).toBe(4);
      expect((await list(tok.regulator, `regionCode=150102`)).body.total).toBe(4);
      expect((await list(tok.regulator, `regionCode=150103`)).body.total).toBe(0);
      const bad = await list(tok.regulator, 'status=done');
      expectErrorBody(bad, 400, 'VALIDATION_FAILED');
      expect(bad.body.message).toBe('状态的取值无效');
    });

    it('?format=xlsx exports the filtered list: the same rows as the API, in its order, nothing of other counties', async () => {
      const file = await t.app.inject({ url: '/api/rectifications?format=xlsx', headers: { authorization: `Bearer ${tok.regulator}` } });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(String(file.headers['content-disposition'])).toContain(encodeURIComponent(`整改通知-${today}.xlsx`));
      const { header, rows } = await readXlsx(file.rawPayload);
      expect(header).toEqual(['下发日期', '企业名称', '区划代码', '来源', '来源记录期间', '整改事项', '整改期限', '状态', '已逾期', '轮次', '下发人', '最近回复时间', '验收日期']);
      const api = (await list(tok.regulator, 'pageSize=100')).body.items;
      expect(rows).toEqual(
        api.map((o: any) => [
          o.issuedDate,
          o.enterpriseName,
          o.regionCode,
          o.sourceLabel,
          o.sourcePeriod,
          o.items.map((item: string, i: number) => `${i + 1}. ${item}`).join('\n'),
          o.deadline,
          o.statusLabel,
          o.overdue ? '是' : '否',
          o.round,
          o.issuerName,
          o.answeredAt ? shanghaiMinute(o.answeredAt) : null,
          o.closedDate,
        ]),
      );
      expect(rows.map((r) => r[1])).not.toContain('回民区老街烧麦馆');
      // Filters apply to the export too.
      const overdue = await t.app.inject({ url: '/api/rectifications?format=xlsx&overdue=true', headers: { authorization: `Bearer ${tok.regulator}` } });
      expect((await readXlsx(overdue.rawPayload)).rows.map((r) => r[5])).toEqual(['1. 清理过期调料']);
    });

    it('no order from outside the official’s region, in any list or detail', async () => {
      expect(ids(await list(tok.farRegulator))).toEqual([far.id]);
      expect(ids(await list(tok.regulator, 'pageSize=100'))).not.toContain(far.id);
      expect((await list(tok.regulator, `enterpriseId=${farId}`)).body).toMatchObject({ items: [], total: 0 });
      expectErrorBody(await get(tok.regulator, far.id), 404, 'NOT_FOUND');
      expectErrorBody(await get(tok.farRegulator, open.id), 404, 'NOT_FOUND');
      expect((await list(tok.farRegulator, 'overdue=true')).body.total).toBe(0);
      // The business sees only its own.
      expect(new Set((await list(tok.officer, 'pageSize=100')).body.items.map((o: { enterpriseId: string }) => o.enterpriseId))).toEqual(new Set([homeId]));
    });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await t.request({ url: '/api/docs-json' });
    for (const [path, method] of [
      ['/api/rectifications', 'post'],
      ['/api/rectifications', 'get'],
      ['/api/rectifications/{id}', 'get'],
      ['/api/rectifications/{id}/respond', 'post'],
      ['/api/rectifications/{id}/accept', 'post'],
      ['/api/rectifications/{id}/reject', 'post'],
    ] as const) {
      expect(doc.body.paths[path][method].summary).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
