import { Readable } from 'node:stream';
import { S3Storage, S3StorageError, s3ObjectUrl, type S3Config } from './s3.storage';
import { sha256Hex, signRequest } from './sigv4';

const cfg: S3Config = {
  kind: 's3',
  endpoint: 'https://oss-cn-beijing.aliyuncs.com',
  bucket: 'shian-evidence',
  region: 'cn-beijing',
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  forcePathStyle: false,
};
const KEY = '2026/11/0b6f3f4e-3c1a-4d2e-9f00-123456789abc';
const NOW = new Date('2026-11-25T03:04:05.678Z');

interface Call {
  url: string;
  init: RequestInit;
}

function fakeFetch(respond: (call: Call) => Response) {
  const calls: Call[] = [];
  const impl = (async (url: URL | string, init: RequestInit = {}) => {
    const call = { url: String(url), init };
    calls.push(call);
    return respond(call);
  }) as typeof fetch;
  return { impl, calls };
}

describe('s3ObjectUrl', () => {
  it('virtual-hosted style puts the bucket in the host name', () => {
    expect(s3ObjectUrl(cfg, KEY).toString()).toBe(`https://shian-evidence.oss-cn-beijing.aliyuncs.com/${KEY}`);
  });

  it('path style (MinIO) puts it in the path and keeps the port', () => {
    expect(s3ObjectUrl({ ...cfg, endpoint: 'http://127.0.0.1:9000', forcePathStyle: true }, KEY).toString()).toBe(`http://127.0.0.1:9000/shian-evidence/${KEY}`);
  });

  it('encodes each key segment, keeping the slashes', () => {
    expect(s3ObjectUrl(cfg, "a b/c*d'(1)").pathname).toBe('/a%20b/c%2Ad%27%281%29');
  });
});

describe('S3Storage', () => {
  it('PUT sends the content with a SigV4 signature over its SHA-256 and Content-Type', async () => {
    const { impl, calls } = fakeFetch(() => new Response(null, { status: 200 }));
    const body = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    await new S3Storage(cfg, impl, () => NOW).put(KEY, body, 'image/png');
    expect(calls).toHaveLength(1);
    const { url, init } = calls[0];
    expect(url).toBe(`https://shian-evidence.oss-cn-beijing.aliyuncs.com/${KEY}`);
    expect(init.method).toBe('PUT');
    expect(init.body).toBe(body);
    const headers = init.headers as Record<string, string>;
    expect(headers['x-amz-content-sha256']).toBe(sha256Hex(body));
    expect(headers['x-amz-date']).toBe('20261125T030405Z');
    expect(headers['content-type']).toBe('image/png');
    expect(headers.host).toBeUndefined();
    // The same request signed independently gives the same Authorization header.
    const expected = signRequest({
      method: 'PUT',
      url: new URL(url),
      headers: { 'content-type': 'image/png' },
      payloadHash: sha256Hex(body),
      region: 'cn-beijing',
      credentials: { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey },
      now: NOW,
    });
    expect(headers.authorization).toBe(expected.headers.authorization);
    expect(headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20261125\/cn-beijing\/s3\/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$/);
    expect(expected.canonicalRequest.split('\n').slice(0, 4)).toEqual(['PUT', `/${KEY}`, '', 'content-type:image/png']);
  });

  it('PUT of a stream sends its bytes', async () => {
    const { impl, calls } = fakeFetch(() => new Response(null, { status: 200 }));
    await new S3Storage(cfg, impl, () => NOW).put(KEY, Readable.from([Buffer.from('ab'), Buffer.from('c')]), 'image/jpeg');
    expect(Buffer.from(calls[0].init.body as Buffer).toString()).toBe('abc');
    expect((calls[0].init.headers as Record<string, string>)['x-amz-content-sha256']).toBe(sha256Hex('abc'));
  });

  it('GET streams the object back', async () => {
    const { impl, calls } = fakeFetch(() => new Response(Buffer.from('content'), { status: 200 }));
    const stream = await new S3Storage({ ...cfg, endpoint: 'http://minio:9000', forcePathStyle: true }, impl, () => NOW).get(KEY);
    expect(Buffer.concat(await stream.toArray()).toString()).toBe('content');
    expect(calls[0].url).toBe(`http://minio:9000/shian-evidence/${KEY}`);
    expect((calls[0].init.headers as Record<string, string>).authorization).toContain('SignedHeaders=host;x-amz-content-sha256;x-amz-date');
  });

  it('an S3 error becomes S3StorageError with the status and code, not the secret', async () => {
    const { impl } = fakeFetch(() => new Response('<Error><Code>NoSuchKey</Code></Error>', { status: 404 }));
    const err = await new S3Storage(cfg, impl, () => NOW).get(KEY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(S3StorageError);
    expect(err).toMatchObject({ status: 404, s3Code: 'NoSuchKey' });
    expect(String((err as Error).message)).not.toContain(cfg.secretAccessKey);
  });

  it('refuses a key that is not yyyy/mm/uuid', async () => {
    const { impl, calls } = fakeFetch(() => new Response(null, { status: 200 }));
    await expect(new S3Storage(cfg, impl).put('../etc/passwd', Buffer.from('x'), 'image/png')).rejects.toThrow(/invalid storage key/);
    expect(calls).toHaveLength(0);
  });
});
