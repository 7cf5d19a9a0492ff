// Photos: picking, compressing and uploading differ per platform. The build picks photo.weapp.ts
// or photo.h5.ts; this file is what TypeScript sees, and photo.contract.ts checks both match it.
import type { FileKind } from '@shian/shared';

/** A photo picked on this device and not yet uploaded. Never put into Taro storage. */
export interface LocalPhoto {
  /** For <Image src>: a temporary file path on weapp, an object URL on H5. */
  src: string;
  /** Bytes after compression (0 when the platform does not say). */
  size: number;
  /** H5 only: the compressed JPEG, or the PDF as picked. */
  blob?: Blob;
  /** A PDF (credentials accept them), shown as a document tile rather than a thumbnail. */
  pdf?: boolean;
  /** The file's name as picked (PDFs, workbooks), for the tile and the upload. */
  name?: string;
}

export interface ChooseOptions {
  /** Offer PDF documents too (credential papers): H5 accepts application/pdf, weapp picks from a chat. */
  documents?: boolean;
  /** Pick an .xlsx workbook instead (企业导入), sent as picked: H5 accepts .xlsx only, weapp picks from a chat. */
  spreadsheet?: boolean;
}

export interface UploadRequest {
  url: string;
  photo: LocalPhoto;
  /** Multipart field of the file. */
  field: string;
  /** Form fields sent before the file (none for a workbook import). */
  fields: { kind?: FileKind; enterpriseId?: string };
  headers: Record<string, string>;
  /** 0–100. */
  onProgress?: (percent: number) => void;
}

/** The HTTP answer; `data` is the raw body text. Rejects only when nothing came back (network). */
export interface UploadResponse {
  status: number;
  data: string;
}

/** Longest side after compression on H5 (weapp compresses with its own rules). */
export const MAX_PHOTO_SIDE: number;
export const JPEG_QUALITY: number;

/** Lets the user take or pick up to `max` photos (compressed), or PDFs with `documents`; [] when cancelled. */
export function choosePhotos(max: number, options?: ChooseOptions): Promise<LocalPhoto[]>;
/** Sends one photo as multipart/form-data. */
export function uploadPhoto(req: UploadRequest): Promise<UploadResponse>;
/** GETs an image that needs the bearer token into something <Image src> can show. */
export function downloadPhoto(url: string, headers: Record<string, string>): Promise<{ status: number; src: string | null }>;
/** Opens a downloaded or picked PDF (downloadPhoto's src) in the platform's viewer. */
export function openDocument(src: string): void;
/** Keeps a downloaded file (downloadPhoto's src) under `filename`: a browser download on H5, WeChat's viewer (with its save menu) on weapp. */
export function saveDownloaded(src: string, filename: string): void;
/** Frees what the photo holds (the object URL on H5). */
export function releasePhoto(photo: LocalPhoto): void;
