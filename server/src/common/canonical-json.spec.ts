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
