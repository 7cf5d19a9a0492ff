import { FieldCrypto, FieldDecryptionError, idNumberContext } from './field-crypto';

describe('FieldCrypto', () => {
  const key = Buffer.alloc(32, 1);
  const crypto = new FieldCrypto(key);
  const id = '150102199003070011';

  it('round-trips a value, with a fresh IV each time', () => {
    const a = crypto.encrypt(id, idNumberContext('u1'));
    const b = crypto.encrypt(id, idNumberContext('u1'));
    expect(a).toMatch(/^v1\.[A-Za-z0-9+/]+=*$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(id);
    expect(Buffer.from(a.slice(3), 'base64').toString('latin1')).not.toContain(id);
    expect(crypto.decrypt(a, idNumberContext('u1'))).toBe(id);
    expect(crypto.decrypt(b, idNumberContext('u1'))).toBe(id);
  });

  it('fits the column (varchar 100) for an 18-character number', () => {
    expect(crypto.encrypt(id, idNumberContext('u1')).length).toBeLessThanOrEqual(100);
  });

  it('refuses another owner’s ciphertext, a tampered one, or another key', () => {
    const token = crypto.encrypt(id, idNumberContext('u1'));
    expect(() => crypto.decrypt(token, idNumberContext('u2'))).toThrow(FieldDecryptionError);
    const raw = Buffer.from(token.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => crypto.decrypt(`v1.${raw.toString('base64')}`, idNumberContext('u1'))).toThrow(FieldDecryptionError);
    expect(() => new FieldCrypto(Buffer.alloc(32, 2)).decrypt(token, idNumberContext('u1'))).toThrow(FieldDecryptionError);
    expect(() => crypto.decrypt('v2.AAAA', idNumberContext('u1'))).toThrow(FieldDecryptionError);
    expect(() => crypto.decrypt('garbage', idNumberContext('u1'))).toThrow(FieldDecryptionError);
  });

  it('gives a stable keyed blind index that is not a plain hash of the number', () => {
    const h = crypto.blindIndex(id, 'users.id_number');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(crypto.blindIndex(id, 'users.id_number')).toBe(h);
    expect(crypto.blindIndex('150102199003070038', 'users.id_number')).not.toBe(h);
    expect(new FieldCrypto(Buffer.alloc(32, 2)).blindIndex(id, 'users.id_number')).not.toBe(h);
    expect(crypto.blindIndex(id, 'other.purpose')).not.toBe(h);
  });

  it('wants a 32-byte key', () => {
    expect(() => new FieldCrypto(Buffer.alloc(16))).toThrow(RangeError);
  });
});
