// 监督抽查考核 (issue #4): a regulator spot-examines a director or officer of a business in the
// region; a fail opens the business's to-do 「抽查考核不合格：须重新培训或更换人员」, shown to the
// principal and director and on the officials' views; a later pass of the same person closes it,
// and so does the person's replacement.
import { addDays, Role, todayInShanghai } from '@shian/shared';
import { User } from '../../server/src/auth/user.entity';
import { EnterpriseTodosService } from '../../server/src/staff-duty/enterprise-todos.service';
import { Cast, demoCast, expectErrorBody, freshKey, insertUser, startTestApp, TestApp } from './harness';

const TITLE = '抽查考核不合格：须重新培训或更换人员';

describe('spot exams', () => {
  let t: TestApp;
  let tok: Cast['tok'];
  let id: Cast['id'];
  let homeId: string;
  let farId: string;
  let farOfficerId: string;
  const today = todayInShanghai();

  const exam = (token: string, body: Record<string, unknown>, key = freshKey('exam')) =>
    t.request({ method: 'POST', url: '/api/spot-exams', token, headers: { 'idempotency-key': key }, body: { examinedOn: today, ...body } });
  const todos = async (token: string) => {
    const res = await t.request({ url: '/api/todos/mine', token });
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ tok, id, homeId, farId } = await demoCast(t));
    farOfficerId = id.farOfficer;
  });
  afterAll(() => t?.close());

  describe('a fail opens the business’s to-do; a later pass closes it', () => {
    let failed: any;

    it('85 of 100 → 不合格 (pass mark 90 %), with a follow-up to-do', async () => {
      const key = freshKey('exam');
      const res = await exam(tok.regulator, { userId: id.officer, score: 85, questionCount: 30, notes: '法律法规部分失分较多' }, key);
      expect(res.status).toBe(201);
      failed = res.body;
      expect(failed).toMatchObject({
        enterpriseId: homeId,
        enterpriseName: '新城区青城味道餐馆',
        userId: id.officer,
        personName: '李安全',
        personRole: 'officer',
        examinedOn: today,
        score: 85,
        fullMark: 100,
        passed: false,
        resultLabel: '不合格',
        questionCount: 30,
        notes: '法律法规部分失分较多',
        examinerName: '刘监管',
        followUp: { status: 'open', closure: null, closedAt: null, closedByExamId: null },
      });
      // A retry with the same key replays the exam; it opens no second to-do.
      const again = await exam(tok.regulator, { userId: id.officer, score: 85, questionCount: 30, notes: '法律法规部分失分较多' }, key);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(failed.id);
    });

    it('the principal and the director see it in GET /api/todos/mine; so does the officer (their own)', async () => {
      for (const who of [tok.principal, tok.director, tok.officer]) {
        const body = await todos(who);
        expect(body.spotExamFailures).toEqual([
          {
            id: failed.followUp.todoId,
            title: TITLE,
            detail: '抽查考核不合格：企业应当组织其重新培训考核，或另行任命合格人员',
            examId: failed.id,
            userId: id.officer,
            personName: '李安全',
            personRole: 'officer',
            examinedOn: today,
            score: 85,
            fullMark: 100,
            openedAt: failed.createdAt,
          },
        ]);
      }
    });

    it('the officials’ view: GET /api/spot-exams?followUp=open within the region; not another county', async () => {
      const res = await t.request({ url: '/api/spot-exams?followUp=open', token: tok.regulator });
      expect(res.status).toBe(200);
      expect(res.body.items.map((x: { id: string }) => x.id)).toEqual([failed.id]);
      const cadre = await t.request({ url: '/api/spot-exams?passed=false', token: tok.cadre });
      expect(cadre.body.items.map((x: { id: string }) => x.id)).toEqual([failed.id]);
      const far = await t.request({ url: '/api/spot-exams', token: tok.farRegulator });
      expect(far.body).toMatchObject({ items: [], total: 0 });
      expectErrorBody(await t.request({ url: `/api/spot-exams/${failed.id}`, token: tok.farRegulator }), 404, 'NOT_FOUND');
      expect((await t.request({ url: `/api/spot-exams/${failed.id}`, token: tok.principal })).body.id).toBe(failed.id);
    });

    it('while the person is in post the business cannot close it (409)', async () => {
      const res = await t.request({ method: 'POST', url: `/api/todos/${failed.followUp.todoId}/close`, token: tok.principal, body: { closure: 'replaced' } });
      expectErrorBody(res, 409, 'TODO_PERSON_IN_POST');
      expectErrorBody(await t.request({ method: 'POST', url: `/api/todos/${failed.followUp.todoId}/close`, token: tok.officer, body: { closure: 'replaced' } }), 403);
    });

    it('a later pass of the same person (27 of 30) closes it', async () => {
      const res = await exam(tok.regulator, { userId: id.officer, score: 27, fullMark: 30, questionCount: 30 });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ passed: true, resultLabel: '合格', followUp: null });
      for (const who of [tok.principal, tok.director, tok.officer]) expect((await todos(who)).spotExamFailures).toEqual([]);
      const first = await t.request({ url: `/api/spot-exams/${failed.id}`, token: tok.regulator });
      expect(first.body.followUp).toMatchObject({ status: 'closed', closure: 'passed_exam', closedByExamId: res.body.id });
      const open = await t.request({ url: '/api/spot-exams?followUp=open', token: tok.regulator });
      expect(open.body.total).toBe(0);
      const closed = await t.request({ url: '/api/spot-exams?followUp=closed', token: tok.regulator });
      expect(closed.body.items.map((x: { id: string }) => x.id)).toEqual([failed.id]);
    });

    it('a pass dated before a fail does not close that fail', async () => {
      const fail = await exam(tok.regulator, { userId: id.director, score: 60 });
      const earlierPass = await exam(tok.regulator, { userId: id.director, score: 95, examinedOn: addDays(today, -10) });
      expect(earlierPass.body.passed).toBe(true);
      expect((await todos(tok.principal)).spotExamFailures.map((f: { examId: string }) => f.examId)).toEqual([fail.body.id]);
      // The officer does not see the director's.
      expect((await todos(tok.officer)).spotExamFailures).toEqual([]);
      const pass = await exam(tok.regulator, { userId: id.director, score: 90 });
      expect(pass.body.passed).toBe(true);
      expect((await todos(tok.principal)).spotExamFailures).toEqual([]);
    });
  });

  describe('closed by replacing the person', () => {
    it('once the person is out of post the principal closes it: closure replaced, then 409 on a second close', async () => {
      const temp = await insertUser(t, { role: Role.Officer, enterpriseId: homeId, name: '孙安全' });
      const fail = await exam(tok.regulator, { userId: temp.id, score: 40 });
      const todoId = fail.body.followUp.todoId;
      expect((await todos(tok.director)).spotExamFailures.map((f: { id: string }) => f.id)).toEqual([todoId]);
      // What the people feature does on replacement: the account stays, inactive.
      await t.ds.getRepository(User).update({ id: temp.id }, { active: false });
      const res = await t.request({ method: 'POST', url: `/api/todos/${todoId}/close`, token: tok.principal, body: { closure: 'replaced', note: '已另行任命食品安全员' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: todoId, kind: 'spot_exam_failed', title: TITLE, status: 'closed', closure: 'replaced', closedBy: id.principal, closingNote: '已另行任命食品安全员', subjectUserId: temp.id, sourceId: fail.body.id });
      expect((await todos(tok.director)).spotExamFailures).toEqual([]);
      expectErrorBody(await t.request({ method: 'POST', url: `/api/todos/${todoId}/close`, token: tok.principal, body: { closure: 'replaced' } }), 409, 'TODO_ALREADY_CLOSED');
      const bad = await t.request({ method: 'POST', url: `/api/todos/${todoId}/close`, token: tok.principal, body: { closure: 'forgotten' } });
      expectErrorBody(bad, 400, 'VALIDATION_FAILED');
      expect(bad.body.message).toContain('关闭方式');
    });

    it('the people feature can close them in its own transaction (closeForReplacedPerson)', async () => {
      const temp = await insertUser(t, { role: Role.Director, enterpriseId: homeId, name: '钱总监' });
      const fail = await exam(tok.regulator, { userId: temp.id, score: 10 });
      const todosService = t.app.get(EnterpriseTodosService);
      const closed = await t.ds.transaction((em) => todosService.closeForReplacedPerson(em, homeId, temp.id, id.principal, new Date(), '接替人：新总监'));
      expect(closed).toBe(1);
      const after = await t.request({ url: `/api/spot-exams/${fail.body.id}`, token: tok.regulator });
      expect(after.body.followUp).toMatchObject({ status: 'closed', closure: 'replaced' });
    });

    it('another business’s to-do → 404', async () => {
      const farFail = await exam(tok.farRegulator, { userId: farOfficerId, score: 1 });
      expect(farFail.status).toBe(201);
      expectErrorBody(await t.request({ method: 'POST', url: `/api/todos/${farFail.body.followUp.todoId}/close`, token: tok.principal, body: { closure: 'replaced' } }), 404);
    });
  });

  describe('who may record, for whom, and what', () => {
    it('a regulator of another county → 404 for this business’s officer; business users and cadres → 403', async () => {
      expectErrorBody(await exam(tok.farRegulator, { userId: id.officer, score: 95 }), 404, 'NOT_FOUND');
      expectErrorBody(await exam(tok.director, { userId: id.officer, score: 95 }), 403);
      expectErrorBody(await exam(tok.cadre, { userId: id.officer, score: 95 }), 403);
    });

    it('only directors and officers in post are examined (the principal → 404)', async () => {
      expectErrorBody(await exam(tok.regulator, { userId: id.principal, score: 95 }), 404, 'NOT_FOUND');
    });

    it('the score is checked against the full mark, and the date against today', async () => {
      const over = await exam(tok.regulator, { userId: id.officer, score: 101 });
      expectErrorBody(over, 400, 'VALIDATION_FAILED');
      expect(over.body.message).toBe('成绩不能大于满分 100');
      const over30 = await exam(tok.regulator, { userId: id.officer, score: 31, fullMark: 30 });
      expect(over30.body.message).toBe('成绩不能大于满分 30');
      const negative = await exam(tok.regulator, { userId: id.officer, score: -1 });
      expect(negative.body.message).toBe('成绩不能小于 0');
      const text = await exam(tok.regulator, { userId: id.officer, score: '90' });
      expect(text.body.message).toBe('成绩必须是数字');
      const future = await exam(tok.regulator, { userId: id.officer, score: 95, examinedOn: addDays(today, 1) });
      expect(future.body.message).toBe(`抽查考核日期不能晚于今天（${today}）`);
      expectErrorBody(await t.request({ method: 'POST', url: '/api/spot-exams', token: tok.regulator, body: { userId: id.officer, score: 95, examinedOn: today } }), 400, 'IDEMPOTENCY_KEY_REQUIRED');
    });

    it('scope: no exam from outside a regulator’s region in any list', async () => {
      const near = await t.request({ url: '/api/spot-exams?pageSize=100', token: tok.regulator });
      expect(near.body.total).toBeGreaterThan(3);
      expect(near.body.items.every((x: { regionCode: string }) => x.regionCode.startsWith('150102'))).toBe(true);
      const far = await t.request({ url: '/api/spot-exams?pageSize=100', token: tok.farRegulator });
      expect(far.body.items.map((x: { enterpriseId: string }) => x.enterpriseId)).toEqual([farId]);
      const asked = await t.request({ url: `/api/spot-exams?enterpriseId=${farId}`, token: tok.regulator });
      expect(asked.body.total).toBe(0);
      const own = await t.request({ url: '/api/spot-exams?pageSize=100', token: tok.officer });
      expect(own.body.items.every((x: { enterpriseId: string }) => x.enterpriseId === homeId)).toBe(true);
    });
  });
});
