import { CadreLevel, Role } from '@shian/shared';
import type { Caller } from './caller';
import { canSee, scopeOf } from './region-scope';

const caller = (over: Partial<Caller>): Caller => ({ id: 'u', name: 'n', role: Role.Regulator, enterpriseId: null, regionCode: null, cadreLevel: null, ...over });
const row = (regionCode: string, enterpriseId = 'e1') => ({ regionCode, enterpriseId });

describe('scopeOf / canSee', () => {
  it('admin sees everything', () => {
    const c = caller({ role: Role.Admin });
    expect(scopeOf(c)).toEqual({ kind: 'all' });
    expect(canSee(c, row('150103001001', 'other'))).toBe(true);
  });

  it('regulator and cadre see their region by prefix, not neighbouring counties', () => {
    for (const role of [Role.Regulator, Role.Cadre]) {
      const c = caller({ role, regionCode: '150102', cadreLevel: role === Role.Cadre ? CadreLevel.County : null });
      expect(scopeOf(c)).toEqual({ kind: 'region', prefix: '150102' });
      expect(canSee(c, row('150102001001'))).toBe(true);
      expect(canSee(c, row('150103001001'))).toBe(false);
      expect(canSee(c, row('150202001001'))).toBe(false);
    }
  });

  it('a city-level official sees all its counties', () => {
    const c = caller({ regionCode: '1501' });
    expect(canSee(c, row('150102001001'))).toBe(true);
    expect(canSee(c, row('150103001001'))).toBe(true);
    expect(canSee(c, row('150201001001'))).toBe(false);
  });

  it('enterprise roles see only their own enterprise, wherever it is', () => {
    for (const role of [Role.Officer, Role.Director, Role.Principal]) {
      const c = caller({ role, enterpriseId: 'e1', regionCode: '150102' });
      expect(scopeOf(c)).toEqual({ kind: 'enterprise', enterpriseId: 'e1' });
      expect(canSee(c, row('150102001001', 'e1'))).toBe(true);
      expect(canSee(c, row('150102001001', 'e2'))).toBe(false);
    }
  });

  it('an official without a region or an enterprise user without an enterprise sees nothing', () => {
    expect(scopeOf(caller({ role: Role.Regulator, regionCode: null }))).toEqual({ kind: 'none' });
    expect(canSee(caller({ role: Role.Regulator, regionCode: null }), row('150102001001'))).toBe(false);
    expect(scopeOf(caller({ role: Role.Officer, enterpriseId: null }))).toEqual({ kind: 'none' });
    expect(canSee(caller({ role: Role.Officer, enterpriseId: null }), row('150102001001', 'e1'))).toBe(false);
    // An empty-string region must not turn into "the whole country".
    expect(scopeOf(caller({ role: Role.Regulator, regionCode: '' }))).toEqual({ kind: 'none' });
  });
});
