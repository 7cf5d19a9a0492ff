// Evidence files: upload checked by content (magic bytes), size limit, stored on disk under
// DATA_DIR; download and metadata within the same scope as the enterprise's records.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, businessDateOf, CheckResult, Role, todayInShanghai } from '@shian/shared';
import { callerFromPayload } from '../../server/src/common/caller';
import { User } from '../../server/src/auth/user.entity';
import { EvidenceFile } from '../../server/src/files/evidence-file.entity';
import { FilesService } from '../../server/src/files/files.service';
import { STORAGE_SERVICE, StorageService } from '../../server/src/files/storage/storage';
import { png } from '../support/images';
import { multipart, type Part } from '../support/multipart';
import { allPassItems, DEMO, enterpriseByName, expectErrorBody, insertEnterprise, insertUser, startTestApp, submitDaily, TestApp } from './harness';

// --- tiny, valid images built byte by byte -----------------------------------------------------

/**
 * An 8×8 mid-grey baseline JPEG: one block whose DC difference is 0 and whose ACs are all zero, so
 * one-code Huffman tables ('0' = category 0 / EOB) suffice and the scan is the bits 00 padded with 1s.
 */
function jpeg(): Buffer {
  const seg = (marker: number, body: number[]) => [0xff, marker, ((body.length + 2) >> 8) & 0xff, (body.length + 2) & 0xff, ...body];
  const oneCodeTable = (tableClass: number) => [(tableClass << 4) | 0, 1, ...new Array(15).fill(0), 0x00];
  return Buffer.from([
    0xff, 0xd8,
    ...seg(0xe0, [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0]), // JFIF
    ...seg(0xdb, [0x00, ...new Array(64).fill(1)]),
    ...seg(0xc0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]),
    ...seg(0xc4, oneCodeTable(0)),
    ...seg(0xc4, oneCodeTable(1)),
    ...seg(0xda, [1, 1, 0x00, 0, 63, 0]),
    0x3f,
    0xff, 0xd9,
  ]);
}
/** Google's 1×1 lossy WebP from the WebP FAQ's feature test. */
const WEBP = Buffer.from('UklGRiIAAABXRUJQVlA4IBYAAAAwAQCdASoBAAEADsD+JaQAA3AAAAAA', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n% 日志探针-PDF\n');

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
// Above Fastify's 1 MB JSON body limit, to show uploads are bounded by UPLOAD_MAX_BYTES alone.
const MAX = 1.5 * 1024 * 1024;

describe('evidence files', () => {
  let t: TestApp;
  let officer: string;
  let homeId: string;

  async function upload(token: string | undefined, content: Buffer, opts: { filename?: string; contentType?: string; kind?: string; field?: string; kindAfter?: boolean } = {}) {
    const filePart: Part = { name: opts.field ?? 'file', value: content, filename: opts.filename ?? 'photo.jpg', contentType: opts.contentType ?? 'image/jpeg' };
    const kindPart: Part[] = opts.kind !== undefined ? [{ name: 'kind', value: opts.kind }] : [];
    const { payload, contentType } = multipart(opts.kindAfter ? [filePart, ...kindPart] : [...kindPart, filePart]);
    return rawUpload(token, payload, contentType);
  }
  async function rawUpload(token: string | undefined, payload: Buffer, contentType: string) {
    const res = await t.app.inject({ method: 'POST', url: '/api/files', headers: { 'content-type': contentType, ...(token ? { authorization: `Bearer ${token}` } : {}) }, payload });
    let body: any = res.body;
    try {
      body = JSON.parse(res.body);
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body, headers: res.headers as Record<string, string | string[] | undefined> };
  }
  async function download(token: string | undefined, id: string) {
    return t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: token ? { authorization: `Bearer ${token}` } : {} });
  }
  const rowCount = () => t.ds.getRepository(EvidenceFile).count();
  function filesOnDisk(): string[] {
    const root = join(t.config.dataDir, 'files');
    const out: string[] = [];
    const walk = (dir: string) => {
      if (!existsSync(dir)) return;
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else out.push(p);
      }
    };
    walk(root);
    return out;
  }

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_MAX_BYTES: String(MAX) });
    officer = (await t.login(DEMO.officer)).accessToken;
    homeId = (await enterpriseByName(t, '新城区青城味道餐馆')).id;
  });
  afterAll(() => t?.close());

  describe('upload', () => {
    it('a PNG → 201 with the detected type, size, SHA-256 and URL; the bytes are on disk under DATA_DIR', async () => {
      const content = png();
      const res = await upload(officer, content, { filename: 'C:\\fakepath\\冷藏柜 温度.jpg', contentType: 'image/jpeg' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        kind: 'photo',
        mime: 'image/png',
        size: content.length,
        sha256: sha256(content),
        url: `/api/files/${res.body.id}`,
        originalName: '冷藏柜 温度.jpg',
        createdAt: expect.any(String),
      });
      const [yyyy, mm] = businessDateOf(new Date(res.body.createdAt)).split('-');
      const onDisk = join(t.config.dataDir, 'files', yyyy, mm, res.body.id);
      expect(readFileSync(onDisk).equals(content)).toBe(true);
      const row = await t.ds.getRepository(EvidenceFile).findOneByOrFail({ id: res.body.id });
      expect(row).toEqual(expect.objectContaining({ enterpriseId: homeId, kind: 'photo', mime: 'image/png', sizeBytes: content.length, storageKey: `${yyyy}/${mm}/${res.body.id}` }));
      expect(row.regionCode).toMatch(/^150102/);
      const meta = await t.request({ url: `/api/files/${res.body.id}/meta`, token: officer });
      expect(meta.status).toBe(200);
      expect(meta.body).toEqual(res.body);
    });

    it.each([
      ['JPEG', jpeg(), 'image/jpeg'],
      ['WebP', WEBP, 'image/webp'],
    ])('a %s is accepted whatever the client calls it', async (_label, content, mime) => {
      const res = await upload(officer, content, { filename: 'x.png', contentType: 'text/plain' });
      expect(res.status).toBe(201);
      expect(res.body.mime).toBe(mime);
      expect(res.body.sha256).toBe(sha256(content));
    });

    it('a text file renamed .jpg and sent as image/jpeg → 415 naming 文件; nothing stored', async () => {
      const [rows, files] = [await rowCount(), filesOnDisk().length];
      const res = await upload(officer, Buffer.from('这不是图片 日志探针-文本\n'), { filename: 'evil.jpg', contentType: 'image/jpeg' });
      expectErrorBody(res as never, 415, 'FILE_TYPE_NOT_ALLOWED');
      expect(res.body.message).toContain('文件');
      expect(res.body.message).toMatch(/JPEG.*PNG.*WebP/);
      expect(await rowCount()).toBe(rows);
      expect(filesOnDisk()).toHaveLength(files);
    });

    it('an SVG or HTML posing as an image → 415', async () => {
      for (const text of ['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', '<html><script>alert(1)</script>']) {
        expectErrorBody((await upload(officer, Buffer.from(text), { filename: 'a.png', contentType: 'image/png' })) as never, 415, 'FILE_TYPE_NOT_ALLOWED');
      }
    });

    it('a PDF is refused as a photo but accepted as a document', async () => {
      const asPhoto = await upload(officer, PDF, { filename: 'licence.pdf', contentType: 'application/pdf' });
      expectErrorBody(asPhoto as never, 415, 'FILE_TYPE_NOT_ALLOWED');
      const asDoc = await upload(officer, PDF, { filename: 'licence.pdf', contentType: 'application/pdf', kind: 'document', kindAfter: true });
      expect(asDoc.status).toBe(201);
      expect(asDoc.body).toEqual(expect.objectContaining({ kind: 'document', mime: 'application/pdf' }));
      const res = await download(officer, asDoc.body.id);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(String(res.headers['content-disposition'])).toMatch(/^attachment/);
    });

    it('a signature may be a PNG', async () => {
      const res = await upload(officer, png(4, 1, [0, 0, 0]), { kind: 'signature' });
      expect(res.status).toBe(201);
      expect(res.body.kind).toBe('signature');
    });

    it('an unknown kind → 400', async () => {
      const res = await upload(officer, png(), { kind: 'selfie' });
      expectErrorBody(res as never, 400, 'FILE_BAD_KIND');
      expect(res.body.details).toEqual([{ field: 'kind', message: expect.stringContaining('photo') }]);
    });

    it('over UPLOAD_MAX_BYTES → 413 with the limit in Chinese; nothing stored', async () => {
      const [rows, files] = [await rowCount(), filesOnDisk().length];
      const big = Buffer.concat([png(), Buffer.alloc(MAX)]);
      const res = await upload(officer, big);
      expectErrorBody(res as never, 413, 'FILE_TOO_LARGE');
      expect(res.body.message).toBe('文件过大：不能超过 1.5 MB');
      expect(await rowCount()).toBe(rows);
      expect(filesOnDisk()).toHaveLength(files);
      // Exactly the limit is fine.
      const exact = Buffer.concat([png(), Buffer.alloc(MAX - png().length)]);
      expect((await upload(officer, exact)).status).toBe(201);
    });

    it('an empty file → 400', async () => {
      const res = await upload(officer, Buffer.alloc(0));
      expectErrorBody(res as never, 400, 'FILE_EMPTY');
      expect(res.body.message).toContain('文件');
    });

    it('no file part, a file under another field, or two files → 400', async () => {
      const onlyKind = multipart([{ name: 'kind', value: 'photo' }]);
      expectErrorBody((await rawUpload(officer, onlyKind.payload, onlyKind.contentType)) as never, 400, 'FILE_MISSING');
      expectErrorBody((await upload(officer, png(), { field: 'photo' })) as never, 400, 'FILE_MISSING');
      const two = multipart([
        { name: 'file', value: png(), filename: 'a.png', contentType: 'image/png' },
        { name: 'file', value: png(), filename: 'b.png', contentType: 'image/png' },
      ]);
      expectErrorBody((await rawUpload(officer, two.payload, two.contentType)) as never, 400, 'FILE_TOO_MANY');
    });

    it('a JSON body or a broken multipart body → 4xx with a Chinese message, not a 500', async () => {
      const json = await rawUpload(officer, Buffer.from('{"file":"x"}'), 'application/json');
      expectErrorBody(json as never, 415, 'FILE_NOT_MULTIPART');
      const { payload, contentType } = multipart([{ name: 'file', value: png(), filename: 'a.png' }]);
      const truncated = await rawUpload(officer, payload.subarray(0, payload.length - 30), contentType);
      expect(truncated.status).toBeGreaterThanOrEqual(400);
      expect(truncated.status).toBeLessThan(500);
      const noBoundary = await rawUpload(officer, payload, 'multipart/form-data');
      expectErrorBody(noBoundary as never, 400, 'FILE_BAD_FORM');
    });

    it('officials cannot upload (403); no token → 401', async () => {
      const regulator = (await t.login(DEMO.regulator)).accessToken;
      expectErrorBody((await upload(regulator, png())) as never, 403);
      expectErrorBody((await upload(undefined, png())) as never, 401);
    });

    it('when storing fails, no row is written', async () => {
      const storage = t.app.get<StorageService>(STORAGE_SERVICE);
      const spy = jest.spyOn(storage, 'put').mockRejectedValueOnce(new Error('disk full'));
      const rows = await rowCount();
      try {
        const res = await upload(officer, png());
        expectErrorBody(res as never, 500, 'INTERNAL_ERROR');
      } finally {
        spy.mockRestore();
      }
      expect(await rowCount()).toBe(rows);
    });
  });

  describe('download and scope', () => {
    let fileId: string;
    const content = png(3, 3, [10, 120, 200]);

    beforeAll(async () => {
      const res = await upload(officer, content);
      expect(res.status).toBe(201);
      fileId = res.body.id;
    });

    async function expectSameBytes(token: string) {
      const res = await download(token, fileId);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(content)).toBe(true);
      expect(res.headers['content-type']).toBe('image/png');
      expect(Number(res.headers['content-length'])).toBe(content.length);
      expect(String(res.headers['cache-control'])).toMatch(/^private\b/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(String(res.headers['content-disposition'])).toMatch(/^inline/);
    }

    it('the uploader and the other people of the enterprise get identical bytes', async () => {
      await expectSameBytes(officer);
      await expectSameBytes((await t.login(DEMO.director)).accessToken);
    });

    it('the regulator and the cadre of the county, and the admin, get them too', async () => {
      await expectSameBytes((await t.login(DEMO.regulator)).accessToken);
      await expectSameBytes((await t.login(DEMO.cadre)).accessToken);
      await expectSameBytes((await t.login(DEMO.admin)).accessToken);
      const meta = await t.request({ url: `/api/files/${fileId}/meta`, token: (await t.login(DEMO.regulator)).accessToken });
      expect(meta.status).toBe(200);
      expect(meta.body.sha256).toBe(sha256(content));
    });

    it('another county’s regulator and another enterprise get the same 404 as a missing file', async () => {
      const otherCounty = await insertUser(t, { role: Role.Regulator, regionCode: '150103' });
      const other = await insertEnterprise(t, { countyCode: '150102' });
      const otherOfficer = await insertUser(t, { role: Role.Officer, enterpriseId: other.id });
      const missing = await download(officer, randomUUID());
      expect(missing.statusCode).toBe(404);
      for (const phone of [otherCounty.phone, otherOfficer.phone]) {
        const token = (await t.login(phone)).accessToken;
        const res = await download(token, fileId);
        expect(res.statusCode).toBe(404);
        expect(res.rawPayload.includes(content)).toBe(false);
        const body = JSON.parse(res.body);
        expect({ code: body.code, message: body.message }).toEqual({ code: JSON.parse(missing.body).code, message: JSON.parse(missing.body).message });
        expect((await t.request({ url: `/api/files/${fileId}/meta`, token })).status).toBe(404);
      }
    });

    it('no token → 401; a malformed id → 400', async () => {
      const res = await download(undefined, fileId);
      expect(res.statusCode).toBe(401);
      expect(res.rawPayload.includes(content)).toBe(false);
      expect((await download(officer, 'not-a-uuid')).statusCode).toBe(400);
    });
  });

  describe('FilesService.assertUsable (for records that reference photos)', () => {
    let service: FilesService;
    let caller: ReturnType<typeof callerFromPayload>;
    let photoA: string;
    let photoB: string;
    let documentId: string;
    let foreignPhoto: string;

    beforeAll(async () => {
      service = t.app.get(FilesService);
      const u = await t.ds.getRepository(User).findOneByOrFail({ phone: DEMO.officer });
      caller = callerFromPayload({ sub: u.id, name: u.name, role: u.role, ent: u.enterpriseId, reg: u.regionCode, lvl: u.cadreLevel });
      photoA = (await upload(officer, png())).body.id;
      photoB = (await upload(officer, jpeg())).body.id;
      documentId = (await upload(officer, PDF, { kind: 'document' })).body.id;
      const other = await insertEnterprise(t);
      const otherOfficer = await insertUser(t, { role: Role.Officer, enterpriseId: other.id });
      foreignPhoto = (await upload((await t.login(otherOfficer.phone)).accessToken, png())).body.id;
    });

    it('accepts the caller’s own photos, and an empty list', async () => {
      await expect(service.assertUsable(caller, [photoA, photoB])).resolves.toBeUndefined();
      await expect(service.assertUsable(caller, [])).resolves.toBeUndefined();
      await t.ds.transaction((em) => service.assertUsable(caller, [photoA.toUpperCase()], em));
    });

    it('refuses another enterprise’s photo, a missing or malformed id, a document and a repeat — naming 照片第N项', async () => {
      const attempt = service.assertUsable(caller, [photoA, foreignPhoto, randomUUID(), 'x', documentId, photoA]);
      await expect(attempt).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      const err = await attempt.catch((e) => e);
      expect(err.details).toEqual([
        { field: 'photoIds[1]', message: '照片第2项不存在或不属于本企业，请重新上传' },
        { field: 'photoIds[2]', message: '照片第3项不存在或不属于本企业，请重新上传' },
        { field: 'photoIds[3]', message: '照片第4项不存在或不属于本企业，请重新上传' },
        { field: 'photoIds[4]', message: '照片第5项不是照片' },
        { field: 'photoIds[5]', message: '照片第6项重复' },
      ]);
      expect(err.message).toContain('照片第2项');
    });

    it('checks photos per field path in one go, naming the item', async () => {
      await expect(service.assertUsable(caller, { 'items[0].photoIds': [photoA], 'items[3].photoIds': [photoB, photoA] })).resolves.toBeUndefined();
      const err = await service.assertUsable(caller, { 'items[0].photoIds': [photoA], 'items[3].photoIds': [photoB, foreignPhoto] }).catch((e) => e);
      expect(err).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect(err.details).toEqual([{ field: 'items[3].photoIds[1]', message: '检查项第4项的照片第2项不存在或不属于本企业，请重新上传' }]);
    });
  });

  it('a daily check carries its 不符合 item’s photo, which the regulator can open; a foreign photo is refused', async () => {
    const photo = await upload(officer, png(3, 3, [10, 200, 10]));
    expect(photo.status).toBe(201);
    const items = allPassItems();
    items[1] = { code: items[1].code, result: CheckResult.Fail, problem: '洗手池无皂液', measure: '已补充', fixedOnSpot: true, photoIds: [photo.body.id] };
    const date = addDays(todayInShanghai(), -60);
    const res = await submitDaily(t, officer, date, { items });
    expect(res.status).toBe(201);
    expect(res.body.items[1].photoIds).toEqual([photo.body.id]);
    const regulator = (await t.login(DEMO.regulator)).accessToken;
    const img = await t.app.inject({ method: 'GET', url: `/api/files/${photo.body.id}`, headers: { authorization: `Bearer ${regulator}` } });
    expect(img.statusCode).toBe(200);

    const other = await insertEnterprise(t, { countyCode: '150102' });
    const o = await insertUser(t, { role: Role.Officer, enterpriseId: other.id });
    const foreign = await submitDaily(t, (await t.login(o.phone)).accessToken, date, { items });
    expectErrorBody(foreign as never, 400, 'VALIDATION_FAILED');
    expect(foreign.body.message).toContain('检查项第2项的照片第1项不存在或不属于本企业');
  });

  it('the OpenAPI document lists the file routes', async () => {
    const res = await t.request({ url: '/api/docs-json' });
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/files', '/api/files/{id}', '/api/files/{id}/meta']));
    expect(Object.keys(res.body.paths['/api/files'].post.requestBody.content)).toEqual(['multipart/form-data']);
  });

  it('the log never contains file content or names', () => {
    const text = t.logs.join('\n');
    expect(text).not.toContain('日志探针');
    expect(text).not.toContain('冷藏柜');
    for (const marker of [png().toString('base64'), jpeg().toString('base64'), WEBP.toString('base64'), PDF.toString('latin1').slice(0, 40)]) {
      expect(text).not.toContain(marker);
    }
    for (const line of t.logs) expect(() => JSON.parse(line)).not.toThrow();
  });
});
