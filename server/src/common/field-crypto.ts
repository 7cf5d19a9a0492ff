// Personal data at rest (domain.md §4: ID numbers encrypted, shown masked). One master key
// (DATA_ENCRYPTION_KEY) gives two sub-keys by HKDF: AES-256-GCM for the value, HMAC-SHA256 for a
// blind index so "is this number already on file?" needs no decryption and stores no plain number.
// Ciphertexts are 'v1.' + base64(iv ‖ tag ‖ ciphertext) and bound (AAD) to what they belong to,
// so one person's ciphertext copied onto another row does not decrypt.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { DataEncryptionConfig } from '../config/config';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class FieldDecryptionError extends Error {
  constructor() {
    super('encrypted field does not decrypt with the configured key');
    this.name = 'FieldDecryptionError';
  }
}

export class FieldCrypto {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new RangeError('the data encryption key must be 32 bytes');
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'shian field encryption v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'shian field blind index v1', 32));
  }

  /** `context` names the owner, e.g. 'users.id_number:<user id>'; decrypt must be given the same. */
  encrypt(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(token: string, context: string): string {
    const dot = token.indexOf('.');
    if (dot < 0 || token.slice(0, dot) !== VERSION) throw new FieldDecryptionError();
    const raw = Buffer.from(token.slice(dot + 1), 'base64');
    if (raw.length < IV_BYTES + TAG_BYTES) throw new FieldDecryptionError();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new FieldDecryptionError();
    }
  }

  /** Deterministic keyed hash (hex) for equality lookups; without the key it reveals nothing. */
  blindIndex(plain: string, purpose: string): string {
    return createHmac('sha256', this.macKey).update(`${purpose}\0${plain}`).digest('hex');
  }
}

let warned = false;

/** The app's FieldCrypto; warns once per process when the key is the development one. */
export function fieldCryptoFor(config: DataEncryptionConfig): FieldCrypto {
  if (config.development && !warned) {
    warned = true;
    new Logger('FieldCrypto').warn({ msg: 'DATA_ENCRYPTION_KEY is not set: personal data is encrypted with a development key derived from DATA_DIR (never use this in production)' });
  }
  return new FieldCrypto(config.key);
}

/** The ciphertext context and blind-index purpose of a user's ID number. */
export const idNumberContext = (userId: string): string => `users.id_number:${userId}`;
export const ID_NUMBER_INDEX = 'users.id_number';
