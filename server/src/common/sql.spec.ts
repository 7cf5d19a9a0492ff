import { QueryFailedError } from 'typeorm';
import { isUniqueViolation, toNumber } from './sql';

const qfe = (driverError: object) => new QueryFailedError('INSERT ...', [], Object.assign(new Error('x'), driverError));

describe('isUniqueViolation', () => {
  it('recognises MySQL/MariaDB and SQLite duplicate-key errors', () => {
    expect(isUniqueViolation(qfe({ code: 'ER_DUP_ENTRY', errno: 1062 }))).toBe(true);
    expect(isUniqueViolation(qfe({ errno: 1062 }))).toBe(true);
    expect(isUniqueViolation(qfe({ code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBe(true);
    expect(isUniqueViolation(qfe({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' }))).toBe(true);
  });

  it('does not mistake other failures for duplicates', () => {
    expect(isUniqueViolation(qfe({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }))).toBe(false);
    expect(isUniqueViolation(qfe({ code: 'ER_NO_REFERENCED_ROW_2', errno: 1452 }))).toBe(false);
    expect(isUniqueViolation(qfe({ code: 'ER_DATA_TOO_LONG', errno: 1406 }))).toBe(false);
    expect(isUniqueViolation(Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY' }))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});

describe('toNumber', () => {
  it('reads counts from either driver', () => {
    expect(toNumber(3)).toBe(3);
    expect(toNumber('42')).toBe(42);
    expect(toNumber('12.5')).toBe(12.5);
    expect(toNumber(null)).toBe(0);
    expect(toNumber(undefined)).toBe(0);
    expect(toNumber('abc')).toBe(0);
  });
});
