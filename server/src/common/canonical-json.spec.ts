import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('ignores key order at every depth', () => {
    const a = { businessDate: '2026-11-25', items: [{ code: 'D01', result: 'pass' }], remarks: 'x' };
    const b = { remarks: 'x', items: [{ result: 'pass', code: 'D01' }], businessDate: '2026-11-25' };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
  });

  it('keeps array order (a different order is a different request)', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('tells different values apart', () => {
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
    expect(canonicalJson({ a: true })).not.toBe(canonicalJson({ a: false }));
  });

  it('drops undefined properties, as JSON does', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('produces valid JSON equal to the input', () => {
    const v = { z: [1, { y: 'é"\\', x: null }], a: { c: 2, b: 1 } };
    expect(JSON.parse(canonicalJson(v))).toEqual(v);
    expect(canonicalJson(v)).toBe('{"a":{"b":1,"c":2},"z":[1,{"x":null,"y":"é\\"\\\\"}]}');
  });
});

describe('canonicalJson stays byte-for-byte what records were hashed over', () => {
  it('matches the first implementation on a record-shaped value', () => {
    // Written out by hand from the first implementation's output: a change here breaks every stored hash.
    const record = { type: 'daily_check', items: [{ result: 'fail', code: 'CY-D01', problem: '“过期”\n', photoIds: ['b', 'a'] }], remarks: null, late: false, version: 1, zeroRisk: undefined };
    expect(canonicalJson(record)).toBe('{"items":[{"code":"CY-D01","photoIds":["b","a"],"problem":"“过期”\\n","result":"fail"}],"late":false,"remarks":null,"type":"daily_check","version":1}');
  });

  it('sorts keys by UTF-16 code units (upper case before lower case, digits first)', () => {
    expect(canonicalJson({ b: 1, B: 2, '1': 3, 中: 4 })).toBe('{"1":3,"B":2,"b":1,"中":4}');
  });
});
