// 记录审阅 (issue #5): an official of the business's region marks a submitted record version
// 已审阅, or returns it with a comment; the business sees 「记录被退回：<comment>」 in its to-dos
// until it submits a correction (a new version), which the official then reviews. Records are
// never changed by a review; older versions cannot be reviewed; other regions see nothing.
import { addDays, BusinessType, CheckResult, DailyCheckItemAnswer, isoWeekKey, itemsDue, listFromTemplate, monthKey, templateFor, todayInShanghai } from '@shian/shared';
import { RecordReview } from '../../server/src/reviews/record-review.entity';
import { allPassItems, Cast, demoCast, expectErrorBody, freshKey, startTestApp, submitDaily, TestApp } from './harness';

describe('record reviews', () => {
  let t: TestApp;
  let tok: Cast['tok'];
  let homeId: string;
  const today = todayInShanghai();
  const yesterday = addDays(today, -1);
  const COMMENT = '第2项冷藏温度未写实测值，请更正后重新提交';

  const review = (token: string, body: Record<string, unknown>, key: string | null = freshKey('review')) =>
    t.request({ method: 'POST', url: '/api/reviews', token, headers: key ? { 'idempotency-key': key } : {}, body });
  const history = (token: string, recordType: string, recordId: string) => t.request({ url: `/api/reviews?recordType=${recordType}&recordId=${recordId}`, token });
  const todos = async (token: string) => {
    const res = await t.request({ url: '/api/todos/mine', token });
    expect(res.status).toBe(200);
    return res.body;
  };
  const amendDaily = (id: string, items: DailyCheckItemAnswer[], reason: string) =>
    t.request({ method: 'POST', url: `/api/daily-checks/${id}/versions`, token: tok.officer, headers: { 'idempotency-key': freshKey('amend') }, body: { reason, items, confirm: true } });

  beforeAll(async () => {
    t = await startTestApp();
    ({ tok, homeId } = await demoCast(t));
  });
  afterAll(() => t?.close());

  describe('a returned daily check, its correction and the review of the correction', () => {
    let v1: any;
    let v2: any;
    let returned: any;

    beforeAll(async () => {
      const res = await submitDaily(t, tok.officer, yesterday);
      expect(res.status).toBe(201);
      v1 = res.body;
    });

    it('returning needs a comment; flagging needs one too (400 naming 意见)', async () => {
      const noComment = await review(tok.regulator, { recordType: 'daily_check', recordId: v1.id, action: 'returned' });
      expectErrorBody(noComment, 400, 'VALIDATION_FAILED');
      expect(noComment.body.message).toBe('退回记录须填写退回意见');
      expect(noComment.body.details).toEqual([{ field: 'comment', message: '退回记录须填写退回意见' }]);
      const blank = await review(tok.regulator, { recordType: 'daily_check', recordId: v1.id, action: 'returned', comment: '   ' });
      expect(blank.body.message).toBe('退回记录须填写退回意见');
      const flagged = await review(tok.regulator, { recordType: 'daily_check', recordId: v1.id, action: 'reviewed', flagged: true });
      expectErrorBody(flagged, 400, 'VALIDATION_FAILED');
      expect(flagged.body.message).toBe('标记有问题须填写问题说明');
      const badType = await review(tok.regulator, { recordType: 'daily', recordId: v1.id, action: 'reviewed' });
      expectErrorBody(badType, 400, 'VALIDATION_FAILED');
      expect(badType.body.message).toContain('记录类型');
      expectErrorBody(await review(tok.regulator, { recordType: 'daily_check', recordId: v1.id, action: 'reviewed' }, null), 400, 'IDEMPOTENCY_KEY_REQUIRED');
      expect(await t.ds.getRepository(RecordReview).count()).toBe(0);
    });

    it('the regulator returns it with a comment and a problem flag; a retry with the same key is the same review', async () => {
      const key = freshKey('return');
      const res = await review(tok.regulator, { recordType: 'daily_check', recordId: v1.id, action: 'returned', comment: COMMENT, flagged: true }, key);
      expect(res.status).toBe(201);
      returned = res.body;
      expect(returned).toMatchObject({
        recordType: 'daily_check',
        recordId: v1.id,
        recordVersion: 1,
        recordPeriod: yesterday,
        enterpriseId: homeId,
        enterpriseName: '新城区青城味道餐馆',
        action: 'returned',
        actionLabel: '已退回',
        comment: COMMENT,
        flagged: true,
        reviewerName: '刘监管',
      });
      const again = await review(tok.regulator, { recordType: 'daily_check', recordId: v1.id, action: 'returned', comment: COMMENT, flagged: true }, key);
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(returned);
      expect(await t.ds.getRepository(RecordReview).count({ where: { recordId: v1.id } })).toBe(1);
    });

    it('the record itself is unchanged, and its chain still verifies', async () => {
      const now = await t.request({ url: `/api/daily-checks/${v1.id}`, token: tok.regulator });
      expect(now.body).toEqual(v1);
      const chain = await t.request({ url: `/api/enterprises/${homeId}/chain/verify`, token: tok.regulator });
      expect(chain.body).toMatchObject({ ok: true });
    });

    it('the business sees 「记录被退回：<comment>」 in its to-dos — officer, director and principal', async () => {
      for (const who of [tok.officer, tok.director, tok.principal]) {
        const body = await todos(who);
        expect(body.returnedRecords).toEqual([
          {
            title: `记录被退回：${COMMENT}`,
            reviewId: returned.id,
            recordType: 'daily_check',
            recordTypeLabel: '每日检查记录',
            recordId: v1.id,
            recordVersion: 1,
            recordPeriod: yesterday,
            comment: COMMENT,
            reviewerName: '刘监管',
            returnedAt: returned.createdAt,
          },
        ]);
      }
      // Another business's people see nothing of it.
      expect((await todos(tok.farOfficer)).returnedRecords).toEqual([]);
    });

    it('the business reads the review on its record; another business cannot', async () => {
      const own = await history(tok.officer, 'daily_check', v1.id);
      expect(own.status).toBe(200);
      expect(own.body.items.map((r: { id: string }) => r.id)).toEqual([returned.id]);
      expectErrorBody(await history(tok.farOfficer, 'daily_check', v1.id), 404, 'NOT_FOUND');
      // Business users do not review.
      expectErrorBody(await review(tok.principal, { recordType: 'daily_check', recordId: v1.id, action: 'reviewed' }), 403, 'FORBIDDEN');
    });

    it('the officer corrects the record (a new version): the to-do is gone', async () => {
      const items = allPassItems();
      items[1] = { code: items[1].code, result: CheckResult.Fail, problem: '冷藏柜实测 10℃', measure: '已报修并转移食品', fixedOnSpot: true };
      const res = await amendDaily(v1.id, items, `按监管意见更正：${COMMENT}`);
      expect(res.status).toBe(201);
      v2 = res.body;
      expect(v2).toMatchObject({ version: 2, supersedesId: v1.id, isCurrent: true });
      expect((await todos(tok.officer)).returnedRecords).toEqual([]);
    });

    it('the returned version can no longer be reviewed (409); the correction can', async () => {
      const old = await review(tok.regulator, { recordType: 'daily_check', recordId: v1.id, action: 'reviewed' });
      expectErrorBody(old, 409, 'REVIEW_NOT_CURRENT');
      expect(old.body.message).toBe('该记录已有更新的版本，请审阅最新版本');
      const res = await review(tok.regulator, { recordType: 'daily_check', recordId: v2.id, action: 'reviewed' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ recordVersion: 2, action: 'reviewed', actionLabel: '已审阅', comment: null, flagged: false });
    });

    it('the history of either version lists the reviews of every version, oldest first', async () => {
      for (const id of [v1.id, v2.id]) {
        const res = await history(tok.regulator, 'daily_check', id);
        expect(res.status).toBe(200);
        expect(res.body.items.map((r: { recordVersion: number; action: string }) => [r.recordVersion, r.action])).toEqual([
          [1, 'returned'],
          [2, 'reviewed'],
        ]);
        expect(res.body.total).toBe(2);
      }
    });

    it('a cadre of the county may review too; a later return of the correction shows in the to-dos again', async () => {
      const res = await review(tok.cadre, { recordType: 'daily_check', recordId: v2.id, action: 'returned', comment: '照片不清晰，请补拍' });
      expect(res.status).toBe(201);
      expect(res.body.reviewerName).toBe('赵包保');
      expect((await todos(tok.principal)).returnedRecords.map((r: { recordId: string; title: string }) => [r.recordId, r.title])).toEqual([[v2.id, '记录被退回：照片不清晰，请补拍']]);
      // Marking it reviewed afterwards settles it.
      expect((await review(tok.regulator, { recordType: 'daily_check', recordId: v2.id, action: 'reviewed' })).status).toBe(201);
      expect((await todos(tok.principal)).returnedRecords).toEqual([]);
    });
  });

  describe('weekly investigations and monthly reviews are reviewed the same way', () => {
    it('a returned weekly investigation and monthly review show with their week and month', async () => {
      const week = isoWeekKey(today);
      const month = monthKey(today);
      const weeklyItems = itemsDue(listFromTemplate(templateFor(BusinessType.Catering)), 'weekly').map((i) => ({ code: i.code, result: CheckResult.Pass }));
      const weekly = await t.request({
        method: 'POST',
        url: '/api/weekly-investigations',
        token: tok.director,
        headers: { 'idempotency-key': freshKey('weekly') },
        body: { week, items: weeklyItems, hazards: [], measures: [], resolutions: [], nextWeekRequirements: '每日两次记录冷藏温度', confirm: true },
      });
      expect(weekly.status).toBe(201);
      const monthly = await t.request({
        method: 'POST',
        url: '/api/monthly-reviews',
        token: tok.principal,
        headers: { 'idempotency-key': freshKey('monthly') },
        body: { month, meetingDate: today, place: '店内会议室', attendees: ['张负责', '王总监'], discussion: '听取总监汇报', decisions: ['更换冷藏柜'], nextMonthWork: ['燃气安全检查'], confirm: true },
      });
      expect(monthly.status).toBe(201);
      expect((await review(tok.regulator, { recordType: 'weekly_investigation', recordId: weekly.body.id, action: 'returned', comment: '未写明隐患整改责任人' })).status).toBe(201);
      expect((await review(tok.regulator, { recordType: 'monthly_review', recordId: monthly.body.id, action: 'returned', comment: '参会人员缺少食品安全员' })).status).toBe(201);
      const body = await todos(tok.principal);
      expect(body.returnedRecords.map((r: any) => [r.recordType, r.recordTypeLabel, r.recordPeriod, r.title])).toEqual([
        ['weekly_investigation', '每周排查治理报告', week, '记录被退回：未写明隐患整改责任人'],
        ['monthly_review', '月调度会议纪要', month, '记录被退回：参会人员缺少食品安全员'],
      ]);
      // A record id of the wrong kind is not found.
      expectErrorBody(await review(tok.regulator, { recordType: 'daily_check', recordId: weekly.body.id, action: 'reviewed' }), 404, 'NOT_FOUND');
    });
  });

  describe('the review queue', () => {
    // Days no other test here submits.
    const from = addDays(today, -5);
    const to = addDays(today, -4);
    const daily = (q: Record<string, string>) => t.request({ url: `/api/daily-checks?${new URLSearchParams({ from, to, ...q })}`, token: tok.regulator });
    const marks = (res: { body: { items: Array<{ id: string; review: { action: string; reviewerName: string } | null }> } }) =>
      res.body.items.map((i) => [i.id, i.review ? `${i.review.action} ${i.review.reviewerName}` : null]);

    it('reviewed=false lists the versions nobody has reviewed yet; every item carries its latest review', async () => {
      const a = (await submitDaily(t, tok.officer, to)).body;
      const b = (await submitDaily(t, tok.officer, from)).body;
      expect(marks(await daily({ reviewed: 'false' }))).toEqual([
        [a.id, null],
        [b.id, null],
      ]);
      expect((await review(tok.regulator, { recordType: 'daily_check', recordId: a.id, action: 'reviewed' })).status).toBe(201);
      expect(marks(await daily({ reviewed: 'false' }))).toEqual([[b.id, null]]);
      expect(marks(await daily({ reviewed: 'true' }))).toEqual([[a.id, 'reviewed 刘监管']]);
      // A return takes it out of the queue too, and a later review replaces the mark.
      expect((await review(tok.cadre, { recordType: 'daily_check', recordId: b.id, action: 'returned', comment: '未写明整改措施' })).status).toBe(201);
      expect((await daily({ reviewed: 'false' })).body).toMatchObject({ items: [], total: 0 });
      expect(marks(await daily({}))).toEqual([
        [a.id, 'reviewed 刘监管'],
        [b.id, 'returned 赵包保'],
      ]);
      // The business sees the same marks on its own list.
      const own = await t.request({ url: `/api/daily-checks?${new URLSearchParams({ from, to })}`, token: tok.officer });
      expect(marks(own)).toEqual(marks(await daily({})));
    });

    it('weekly and monthly lists filter the same way', async () => {
      const week = await t.request({ url: '/api/weekly-investigations?reviewed=true', token: tok.regulator });
      expect(week.status).toBe(200);
      expect(week.body.items.map((i: { review: { action: string } }) => i.review.action)).toEqual(['returned']);
      expect((await t.request({ url: '/api/weekly-investigations?reviewed=false', token: tok.regulator })).body.total).toBe(0);
      const month = await t.request({ url: '/api/monthly-reviews?reviewed=true', token: tok.regulator });
      expect(month.body.items.map((i: { review: { action: string } }) => i.review.action)).toEqual(['returned']);
    });

    it('a value other than true or false is a 400 naming the field', async () => {
      const res = await daily({ reviewed: 'maybe' });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['reviewed']);
      expect(res.body.message).toContain('是否已审阅');
    });
  });

  describe('region scope', () => {
    it('another county’s regulator cannot review or read the records (404), and lists nothing of them', async () => {
      const rec = await submitDaily(t, tok.officer, addDays(today, -2));
      expect(rec.status).toBe(201);
      const res = await review(tok.farRegulator, { recordType: 'daily_check', recordId: rec.body.id, action: 'returned', comment: '越权退回' });
      expectErrorBody(res, 404, 'NOT_FOUND');
      expect(res.body.message).toBe('每日检查记录不存在或无权查看');
      expectErrorBody(await history(tok.farRegulator, 'daily_check', rec.body.id), 404, 'NOT_FOUND');
      const all = await t.request({ url: '/api/reviews', token: tok.farRegulator });
      expect(all.body).toMatchObject({ items: [], total: 0 });
      const byBusiness = await t.request({ url: `/api/reviews?enterpriseId=${homeId}`, token: tok.farRegulator });
      expect(byBusiness.body).toMatchObject({ items: [], total: 0 });
    });

    it('the business page: GET /api/reviews?enterpriseId= lists that business’s reviews newest first', async () => {
      const res = await t.request({ url: `/api/reviews?enterpriseId=${homeId}`, token: tok.regulator });
      expect(res.status).toBe(200);
      expect(res.body.total).toBeGreaterThanOrEqual(6);
      const times = res.body.items.map((r: { createdAt: string }) => r.createdAt);
      expect([...times].sort().reverse()).toEqual(times);
      expect(new Set(res.body.items.map((r: { enterpriseId: string }) => r.enterpriseId))).toEqual(new Set([homeId]));
    });

    it('recordType without recordId is a 400 naming both', async () => {
      const res = await t.request({ url: '/api/reviews?recordType=daily_check', token: tok.regulator });
      expectErrorBody(res, 400, 'VALIDATION_FAILED');
      expect(res.body.message).toBe('记录类型（recordType）与记录ID（recordId）须同时提供');
    });
  });

  it('is described in the OpenAPI document', async () => {
    const doc = await t.request({ url: '/api/docs-json' });
    expect(doc.body.paths['/api/reviews'].post.summary).toMatch(/审阅/);
    expect(doc.body.paths['/api/reviews'].get.summary).toMatch(/审阅记录/);
  });
});
