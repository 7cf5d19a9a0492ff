// Files on the server's disk under DATA_DIR/files/<yyyy>/<mm>/<uuid>.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { assertStorageKey, StorageService } from './storage';

export class LocalDiskStorage implements StorageService {
  readonly kind = 'local' as const;

  constructor(readonly root: string) {}

  pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.root, key);
  }

  async put(key: string, body: Buffer | Readable): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    // Write beside the target and rename: a crash never leaves a half-written file under the key.
    const tmp = `${target}.${randomBytes(6).toString('hex')}.part`;
    const fh = await open(tmp, 'wx', 0o640);
    try {
      if (Buffer.isBuffer(body)) await fh.writeFile(body);
      else for await (const chunk of body) await fh.write(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      await fh.sync();
    } catch (e) {
      await fh.close().catch(() => undefined);
      await rm(tmp, { force: true });
      throw e;
    }
    await fh.close();
    await rename(tmp, target);
  }

  async get(key: string): Promise<Readable> {
    // Opened before returning, so a missing file fails here rather than halfway through a response.
    const fh = await open(this.pathOf(key), 'r');
    return fh.createReadStream();
  }
}
