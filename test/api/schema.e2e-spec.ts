// Migrations match the entities on both databases; regions are imported; docs are served.
import { RegionLevel } from '@shian/shared';
import { User } from '../../server/src/auth/user.entity';
import { JsonLogger } from '../../server/src/common/logger';
import { prepareDatabase } from '../../server/src/database/prepare';
import { pendingSchemaChanges } from '../../server/src/database/schema-check';
import { Enterprise } from '../../server/src/enterprises/enterprise.entity';
import { importRegions } from '../../server/src/regions/region-import';
import { Region } from '../../server/src/regions/region.entity';
import { startTestApp, TestApp } from './harness';

describe('schema, regions and API docs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('the migrated schema has no drift from the entities', async () => {
    expect(await pendingSchemaChanges(t.ds)).toEqual([]);
  });

  it('no migration is left pending', async () => {
    expect(await t.ds.showMigrations()).toBe(false);
  });

  it('regions hold Inner Mongolia down to villages', async () => {
    const repo = t.ds.getRepository(Region);
    const villages = await repo.createQueryBuilder('r').where('r.level = :l', { l: RegionLevel.Village }).andWhere('r.code LIKE :p', { p: '15%' }).getCount();
    expect(villages).toBeGreaterThan(10000);
    expect(await repo.findOneBy({ code: '15' })).toEqual({ code: '15', name: '内蒙古自治区', level: 'province', parentCode: null });
    expect(await repo.findOneBy({ code: '1501' })).toEqual(expect.objectContaining({ name: '呼和浩特市', level: 'city', parentCode: '15' }));
    expect(await repo.findOneBy({ code: '150102' })).toEqual({ code: '150102', name: '新城区', level: 'county', parentCode: '1501' });
    // Every village's parent is a township that exists.
    const orphans = await repo
      .createQueryBuilder('v')
      .leftJoin(Region, 'p', 'p.code = v.parentCode')
      .where('v.level = :l', { l: RegionLevel.Village })
      .andWhere('p.code IS NULL')
      .getCount();
    expect(orphans).toBe(0);
    // Only the bootstrap province is imported.
    expect(await repo.countBy({ level: RegionLevel.Province })).toBe(1);
  });

  it('start-up work is safe to repeat: a restart adds no regions, users or enterprises', async () => {
    const counts = async () => [await t.ds.getRepository(Region).count(), await t.ds.getRepository(User).count(), await t.ds.getRepository(Enterprise).count()];
    const before = await counts();
    const lines: string[] = [];
    await prepareDatabase(t.config, new JsonLogger('debug', (l) => lines.push(l)));
    expect(await counts()).toEqual(before);
    expect(lines.filter((l) => /migrations applied|regions imported|demo data seeded/.test(l))).toEqual([]);
    expect(await importRegions(t.ds, ['15'])).toEqual({ provinces: [], inserted: 0 });
  });

  it('GET /api/regions?parentCode=150102 lists its townships, without login', async () => {
    const res = await t.request({ url: '/api/regions?parentCode=150102' });
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(3);
    for (const r of res.body) {
      expect(r.level).toBe('township');
      expect(r.parentCode).toBe('150102');
      expect(r.code).toMatch(/^150102\d{3}$/);
      expect(r.name).toMatch(/[\u4e00-\u9fa5]/);
    }
    const codes = res.body.map((r: { code: string }) => r.code);
    expect([...codes].sort()).toEqual(codes);
  });

  it('GET /api/regions without parent lists provinces; a village has no children', async () => {
    const top = await t.request({ url: '/api/regions' });
    expect(top.status).toBe(200);
    expect(top.body).toEqual([{ code: '15', name: '内蒙古自治区', level: 'province', parentCode: null }]);
    const city = await t.request({ url: '/api/regions?parentCode=1501' });
    expect(city.body.map((r: { code: string }) => r.code)).toEqual(expect.arrayContaining(['150102', '150103']));
    const leaf = await t.request({ url: '/api/regions?parentCode=150102001001' });
    expect(leaf.status).toBe(200);
    expect(leaf.body).toEqual([]);
  });

  it('a malformed parentCode → 400 naming 上级区划代码', async () => {
    const res = await t.request({ url: '/api/regions?parentCode=15%25' });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('上级区划代码');
  });

  it('the OpenAPI document lists the main routes', async () => {
    const res = await t.request({ url: '/api/docs-json' });
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const paths = Object.keys(res.body.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/login', '/api/auth/refresh', '/api/auth/me', '/api/daily-checks', '/api/daily-checks/{id}', '/api/enterprises/{id}', '/api/regions']));
    expect(res.body.paths['/api/daily-checks'].post).toBeDefined();
    expect(res.body.paths['/api/daily-checks'].get).toBeDefined();
    const headerParams = (res.body.paths['/api/daily-checks'].post.parameters ?? []).map((p: { name: string; in: string }) => `${p.in}:${p.name}`);
    expect(headerParams).toContain('header:Idempotency-Key');
    expect(res.body.components.securitySchemes).toHaveProperty('bearer');
  });

  it('/api/docs serves the HTML UI', async () => {
    const res = await t.request({ url: '/api/docs' });
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/html');
    expect(String(res.body)).toContain('<html');
  });
});
