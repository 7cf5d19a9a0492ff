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
