// The storage and upload variables of config/config.ts.
import { ConfigError, loadConfig } from '../config/config';

const base = { JWT_SECRET: 'x'.repeat(40), DATA_DIR: '/tmp/shian-files-config' };
const s3 = { STORAGE: 's3', S3_BUCKET: 'shian-evidence', S3_ACCESS_KEY_ID: 'AKID', S3_SECRET_ACCESS_KEY: 'secret' };

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ ...base, ...env }, '/tmp');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('storage and upload config', () => {
  it('defaults to local storage and 10 MB uploads', () => {
    const c = loadConfig(base, '/tmp');
    expect(c.storage).toEqual({ kind: 'local' });
    expect(c.uploadMaxBytes).toBe(10 * 1024 * 1024);
  });

  it('S3 with defaults: AWS endpoint for the region, virtual-hosted style', () => {
    expect(loadConfig({ ...base, ...s3 }, '/tmp').storage).toEqual({
      kind: 's3',
      endpoint: 'https://s3.us-east-1.amazonaws.com',
      bucket: 'shian-evidence',
      region: 'us-east-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
      forcePathStyle: false,
    });
  });

  it('S3 on MinIO: endpoint with port, path style', () => {
    const c = loadConfig({ ...base, ...s3, S3_ENDPOINT: 'http://127.0.0.1:9000/', S3_REGION: 'cn-north-1', S3_FORCE_PATH_STYLE: 'true' }, '/tmp');
    expect(c.storage).toEqual(expect.objectContaining({ endpoint: 'http://127.0.0.1:9000', region: 'cn-north-1', forcePathStyle: true }));
  });

  it.each([
    [{ STORAGE: 'ftp' }, 'STORAGE'],
    [{ ...s3, S3_BUCKET: '' }, 'S3_BUCKET'],
    [{ ...s3, S3_BUCKET: 'Bad_Bucket' }, 'S3_BUCKET'],
    [{ ...s3, S3_ACCESS_KEY_ID: '' }, 'S3_ACCESS_KEY_ID'],
    [{ ...s3, S3_SECRET_ACCESS_KEY: ' ' }, 'S3_SECRET_ACCESS_KEY'],
    [{ ...s3, S3_ENDPOINT: 'not a url' }, 'S3_ENDPOINT'],
    [{ ...s3, S3_ENDPOINT: 'ftp://host' }, 'S3_ENDPOINT'],
    [{ ...s3, S3_ENDPOINT: 'https://host/bucket' }, 'S3_ENDPOINT'],
    [{ ...s3, S3_REGION: 'Cn North' }, 'S3_REGION'],
    [{ ...s3, S3_FORCE_PATH_STYLE: 'maybe' }, 'S3_FORCE_PATH_STYLE'],
    [{ UPLOAD_MAX_BYTES: '10MB' }, 'UPLOAD_MAX_BYTES'],
    [{ UPLOAD_MAX_BYTES: '100' }, 'UPLOAD_MAX_BYTES'],
    [{ UPLOAD_MAX_BYTES: String(51 * 1024 * 1024) }, 'UPLOAD_MAX_BYTES'],
  ])('%j → ConfigError naming %s', (env, variable) => {
    const err = configError(env as Record<string, string>);
    expect(err.variable).toBe(variable);
    expect(err.message).toContain(variable);
    expect(err.message).toContain('配置错误');
  });

  it('an endpoint with credentials in it is refused without echoing them', () => {
    const err = configError({ ...s3, S3_ENDPOINT: 'https://key:topsecret@minio:9000' });
    expect(err.variable).toBe('S3_ENDPOINT');
    expect(err.message).not.toContain('topsecret');
  });

  it('S3 settings are ignored with local storage', () => {
    expect(loadConfig({ ...base, S3_BUCKET: 'Bad_Bucket' }, '/tmp').storage).toEqual({ kind: 'local' });
  });
});
