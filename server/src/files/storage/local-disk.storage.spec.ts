import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalDiskStorage } from './local-disk.storage';
import { storageKeyFor } from './storage';

const ID = '0b6f3f4e-3c1a-4d2e-9f00-123456789abc';

describe('LocalDiskStorage', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'shian-storage-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('keeps files under root/yyyy/mm/<uuid> and reads them back', async () => {
    const s = new LocalDiskStorage(root);
    const key = storageKeyFor(ID, '2026-11-25');
    expect(key).toBe(`2026/11/${ID}`);
    await s.put(key, Buffer.from('hello'));
    expect(readFileSync(join(root, '2026', '11', ID), 'utf8')).toBe('hello');
    expect(readdirSync(join(root, '2026', '11'))).toEqual([ID]);
    expect(Buffer.concat(await (await s.get(key)).toArray()).toString()).toBe('hello');
  });

  it('writes a stream', async () => {
    const s = new LocalDiskStorage(root);
    await s.put(`2026/01/${ID}`, Readable.from([Buffer.from('a'), Buffer.from('b')]));
    expect(readFileSync(join(root, '2026', '01', ID), 'utf8')).toBe('ab');
  });

  it('a missing file fails when opened, before any streaming', async () => {
    await expect(new LocalDiskStorage(root).get(`2026/11/${ID}`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses keys that could leave the root', async () => {
    const s = new LocalDiskStorage(root);
    for (const key of ['../x', `2026/11/../../${ID}`, '/etc/passwd', `2026/11/${ID}/`]) {
      await expect(s.put(key, Buffer.from('x'))).rejects.toThrow(/invalid storage key/);
    }
  });
});
