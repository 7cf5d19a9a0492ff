import { startTestApp, TestApp } from './harness';

describe('health and docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('reports ok and which database it runs on', async () => {
    const res = await t.request({ url: '/api/health' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: process.env.DB_URL ? 'mysql' : 'sqlite' });
  });
});
