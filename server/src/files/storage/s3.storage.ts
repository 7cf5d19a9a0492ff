// Files in an S3-compatible bucket, signed with SigV4 (sigv4.ts) and sent with Node's fetch.
import { Readable } from 'node:stream';
import type { StorageConfig } from '../../config/config';
import { sha256Hex, signRequest } from './sigv4';
import { assertStorageKey, StorageService } from './storage';

export type S3Config = Extract<StorageConfig, { kind: 's3' }>;
export type Fetch = typeof fetch;

const TIMEOUT_MS = 30_000;

/** Path-style (endpoint/bucket/key: MinIO) or virtual-hosted (bucket.endpoint/key: AWS, OSS, COS). */
export function s3ObjectUrl(cfg: Pick<S3Config, 'endpoint' | 'bucket' | 'forcePathStyle'>, key: string): URL {
  const encodedKey = key.split('/').map((s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
  const url = new URL(cfg.endpoint);
  if (cfg.forcePathStyle) {
    url.pathname = `/${cfg.bucket}/${encodedKey}`;
  } else {
    url.hostname = `${cfg.bucket}.${url.hostname}`;
    url.pathname = `/${encodedKey}`;
  }
  return url;
}

export class S3StorageError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly s3Code: string | null,
  ) {
    super(`S3 ${operation} failed: HTTP ${status}${s3Code ? ` ${s3Code}` : ''}`);
    this.name = 'S3StorageError';
  }
}

async function errorOf(operation: string, res: Response): Promise<S3StorageError> {
  const text = await res.text().catch(() => '');
  return new S3StorageError(operation, res.status, /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? null);
}

export class S3Storage implements StorageService {
  readonly kind = 's3' as const;

  constructor(
    private readonly cfg: S3Config,
    private readonly fetchImpl: Fetch = fetch,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private sign(method: string, key: string, payloadHash: string, headers: Record<string, string> = {}) {
    const url = s3ObjectUrl(this.cfg, key);
    const { headers: signed } = signRequest({
      method,
      url,
      headers,
      payloadHash,
      region: this.cfg.region,
      credentials: { accessKeyId: this.cfg.accessKeyId, secretAccessKey: this.cfg.secretAccessKey },
      now: this.clock(),
    });
    // fetch sets Host itself from the URL.
    delete signed.host;
    return { url, headers: signed };
  }

  async put(key: string, body: Buffer | Readable, mime: string): Promise<void> {
    assertStorageKey(key);
    // S3 needs a Content-Length, and a signed payload hash is cheap for uploads this size.
    const content = Buffer.isBuffer(body) ? body : Buffer.concat(await body.toArray());
    const { url, headers } = this.sign('PUT', key, sha256Hex(content), { 'content-type': mime });
    const res = await this.fetchImpl(url, { method: 'PUT', headers, body: content, signal: AbortSignal.timeout(TIMEOUT_MS) });
    if (!res.ok) throw await errorOf('PUT', res);
    await res.arrayBuffer().catch(() => undefined);
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    const { url, headers } = this.sign('GET', key, sha256Hex(''));
    // The timeout covers waiting for the response head, not the streaming of the body.
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), TIMEOUT_MS);
    let res: Response;
    try {
      res = await this.fetchImpl(url, { method: 'GET', headers, signal: ctl.signal });
    } finally {
      clearTimeout(timer);
    }
    if (!res.ok || !res.body) throw await errorOf('GET', res);
    return Readable.fromWeb(res.body as import('node:stream/web').ReadableStream);
  }
}
