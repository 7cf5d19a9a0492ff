// With the H5 build present, the server serves it at / while /api keeps its JSON behaviour.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectErrorBody, startTestApp, TestApp } from './harness';

describe('H5 build served beside the API', () => {
  let t: TestApp;
  let h5: string;
  beforeAll(async () => {
    h5 = mkdtempSync(join(tmpdir(), 'shian-h5-'));
    writeFileSync(join(h5, 'index.html'), '<!doctype html><html><head><title>食安两责</title></head><body><div id="app"></div></body></html>');
    mkdirSync(join(h5, 'js'));
    writeFileSync(join(h5, 'js', 'app.js'), 'console.log("h5")');
    t = await startTestApp({ H5_DIR: h5 });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(h5, { recursive: true, force: true });
  });

  it('serves index.html at / and assets by path', async () => {
    const root = await t.request({ url: '/' });
    expect(root.status).toBe(200);
    expect(String(root.headers['content-type'])).toContain('text/html');
    expect(String(root.body)).toContain('食安两责');
    const js = await t.request({ url: '/js/app.js' });
    expect(js.status).toBe(200);
    expect(String(js.body)).toContain('console.log');
  });

  it('the API still answers JSON, and an unknown /api route is a JSON 404, not the H5 page', async () => {
    const health = await t.request({ url: '/api/health' });
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    const res = await t.request({ url: '/api/no-such-thing' });
    expectErrorBody(res, 404, 'NOT_FOUND');
    expect(String(res.headers['content-type'])).toContain('application/json');
  });

  it('does not serve files outside the H5 directory', async () => {
    for (const url of ['/../../../../etc/passwd', '/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '/js/..%2f..%2f..%2fetc%2fpasswd']) {
      const res = await t.request({ url });
      expect(String(res.body)).not.toContain('root:');
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
  });
});
