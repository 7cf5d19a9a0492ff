// What a file is, decided by its first bytes — never by the client's file name or Content-Type.
import type { FileKind } from '@shian/shared';

export type EvidenceMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const startsWith = (buf: Buffer, bytes: number[], at = 0): boolean => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** The type the content's magic bytes say it is, or null when it is none we accept. */
export function sniffMime(buf: Buffer): EvidenceMime | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(buf, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

const IMAGES: readonly EvidenceMime[] = ['image/jpeg', 'image/png', 'image/webp'];

/** Which types each kind accepts: photos and signatures are images; documents and credentials (scans or PDFs of 任命书、培训、考核) may also be PDF. */
export const ACCEPTED_MIMES: Record<FileKind, readonly EvidenceMime[]> = {
  photo: IMAGES,
  signature: IMAGES,
  document: [...IMAGES, 'application/pdf'],
  credential: [...IMAGES, 'application/pdf'],
};

export const EXTENSIONS: Record<EvidenceMime, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
};
