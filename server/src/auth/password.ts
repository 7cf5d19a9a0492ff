import bcrypt from 'bcryptjs';

const ROUNDS = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, ROUNDS);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

/** Compared against when the phone is unknown, so timing doesn't reveal which phones exist. */
export const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', ROUNDS);
