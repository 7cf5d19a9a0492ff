import { JsonLogger } from './logger';

describe('JsonLogger', () => {
  const capture = (level: 'debug' | 'info' | 'warn' | 'error') => {
    const lines: string[] = [];
    return { lines, logger: new JsonLogger(level, (l) => lines.push(l)) };
  };

  it('writes one JSON object per line with time, level, context and fields', () => {
    const { lines, logger } = capture('info');
    logger.log({ msg: 'request', status: 200 }, 'HTTP');
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    const o = JSON.parse(lines[0]);
    expect(o).toEqual({ time: expect.any(String), level: 'info', context: 'HTTP', msg: 'request', status: 200 });
    expect(new Date(o.time).toISOString()).toBe(o.time);
  });

  it('drops lines below the configured level', () => {
    const { lines, logger } = capture('warn');
    logger.debug('d');
    logger.log('i');
    logger.warn('w');
    logger.error('e');
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['warn', 'error']);
  });

  it('keeps a multi-line message or stack on one line', () => {
    const { lines, logger } = capture('debug');
    logger.error(new Error('boom\nsecond line'), 'Ctx');
    logger.error('failed', 'Error: x\n    at f (a.ts:1:1)', 'Ctx');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).not.toContain('\n');
    expect(JSON.parse(lines[0])).toEqual(expect.objectContaining({ level: 'error', context: 'Ctx', msg: 'boom\nsecond line', stack: expect.stringContaining('boom') }));
    expect(JSON.parse(lines[1])).toEqual(expect.objectContaining({ msg: 'failed', context: 'Ctx', stack: expect.stringContaining('a.ts:1:1') }));
  });

  it('maps verbose to debug', () => {
    const { lines, logger } = capture('debug');
    logger.verbose('v');
    expect(JSON.parse(lines[0]).level).toBe('debug');
  });
});

describe('JsonLogger scrubbing', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, logger: new JsonLogger('debug', (l) => lines.push(l)) };
  };
  // 150102 + 1990-03-07 + 001 + check character 1 (GB 11643).
  const id = '150102199003070015';

  it('never writes a field named like a secret or an ID number, at any depth', () => {
    const { lines, logger } = capture();
    logger.error({ msg: 'failed', body: { principal: { idNumber: id, password: 'Secret123' } }, refreshToken: 'rt' }, 'Ctx');
    expect(lines[0]).not.toContain(id);
    expect(lines[0]).not.toContain('Secret123');
    expect(lines[0]).not.toContain('"rt"');
    expect(JSON.parse(lines[0]).body.principal).toEqual({ idNumber: '[redacted]', password: '[redacted]' });
  });

  it('masks a valid ID number found inside any text, messages and stacks included', () => {
    const { lines, logger } = capture();
    logger.warn(`duplicate entry '${id}' for key`, 'Ctx');
    const withX = '15010219851120007X';
    logger.error(new Error(`bad ${withX.toLowerCase()}`), 'Ctx');
    for (const l of lines) {
      expect(l).not.toContain(id);
      expect(l.toUpperCase()).not.toContain(withX);
    }
    expect(JSON.parse(lines[0]).msg).toBe("duplicate entry '1501**********0015' for key");
  });

  it('never writes a complainant’s name, phone or query code (issue #7)', () => {
    const { lines, logger } = capture();
    logger.error({ msg: 'failed', body: { contactName: '王秀英', contactPhone: '13812345678', queryCode: 'K7Q2XM9A' }, complainant_phone_enc: 'v1.x' }, 'Ctx');
    for (const secret of ['王秀英', '13812345678', 'K7Q2XM9A', 'v1.x']) expect(lines[0]).not.toContain(secret);
  });

  it('leaves other long numbers alone', () => {
    const { lines, logger } = capture();
    logger.log({ msg: 'x', n: '123456789012345678', uscc: '91150102MA0000001X' }, 'Ctx');
    expect(JSON.parse(lines[0])).toEqual(expect.objectContaining({ n: '123456789012345678', uscc: '91150102MA0000001X' }));
  });
});
