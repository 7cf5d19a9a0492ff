// H5: a file input (Taro.chooseMedia ignores sizeType in browsers), compression on a canvas to
// ≤ 1600 px on the long side as JPEG 0.8, and XMLHttpRequest for the upload — fetch cannot report
// upload progress. Photos are Blobs behind object URLs; PDFs (credentials) go as picked.
import type { ChooseOptions, LocalPhoto, UploadRequest, UploadResponse } from './photo';

export type { ChooseOptions, LocalPhoto, UploadRequest, UploadResponse } from './photo';

export const MAX_PHOTO_SIDE: number = 1600;
export const JPEG_QUALITY: number = 0.8;

const PDF_MIME = 'application/pdf';
const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function pickFiles(max: number, documents: boolean, spreadsheet = false): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    // image/* offers the camera and the album on phones.
    input.accept = spreadsheet ? XLSX_ACCEPT : documents ? `image/*,${PDF_MIME}` : 'image/*';
    input.multiple = max > 1;
    input.style.display = 'none';
    const done = (files: File[]) => {
      input.remove();
      resolve(files.slice(0, max));
    };
    input.addEventListener('change', () => done(Array.from(input.files ?? [])));
    input.addEventListener('cancel', () => done([]));
    document.body.appendChild(input);
    input.click();
  });
}

function loadImage(file: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => {
      URL.revokeObjectURL(url);
      resolve(img);
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('无法读取该图片，请换一张照片'));
    };
    img.src = url;
  });
}

/** Scales to ≤ MAX_PHOTO_SIDE on the long side and re-encodes as JPEG (browsers apply EXIF orientation). */
async function compress(file: Blob): Promise<Blob> {
  const img = await loadImage(file);
  const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
  const w = Math.max(1, Math.round(img.naturalWidth * scale));
  const h = Math.max(1, Math.round(img.naturalHeight * scale));
  const canvas = document.createElement('canvas');
  canvas.width = w;
  canvas.height = h;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('浏览器不支持图片压缩，请更换浏览器');
  // JPEG has no transparency: a white background rather than black for PNGs.
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(img, 0, 0, w, h);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('图片压缩失败，请重试'))), 'image/jpeg', JPEG_QUALITY);
  });
}

function isPdf(file: File): boolean {
  return file.type === PDF_MIME || /\.pdf$/i.test(file.name);
}

export async function choosePhotos(max: number, options: ChooseOptions = {}): Promise<LocalPhoto[]> {
  if (max <= 0) return [];
  const documents = options.documents === true;
  if (options.spreadsheet) {
    // A workbook goes as picked; the server reads it and says what is wrong with it.
    const files = await pickFiles(max, false, true);
    return files.map((file) => ({ src: URL.createObjectURL(file), size: file.size, blob: file, name: file.name }));
  }
  const files = await pickFiles(max, documents);
  const out: LocalPhoto[] = [];
  for (const file of files) {
    // The server reads the content, not this claim; a PDF is sent as picked.
    if (documents && isPdf(file)) {
      out.push({ src: URL.createObjectURL(file), size: file.size, blob: file, pdf: true, name: file.name });
      continue;
    }
    const blob = await compress(file);
    out.push({ src: URL.createObjectURL(blob), size: blob.size, blob });
  }
  return out;
}

export function uploadPhoto(req: UploadRequest): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const blob = req.photo.blob;
    if (!blob) {
      reject(new Error('照片已失效，请重新选择'));
      return;
    }
    const form = new FormData();
    // Fields before the file, so the server reads kind first (it accepts either order).
    for (const [k, v] of Object.entries(req.fields)) if (v !== undefined) form.append(k, v);
    form.append(req.field, blob, req.photo.name ?? (req.photo.pdf ? 'document.pdf' : 'photo.jpg'));
    const xhr = new XMLHttpRequest();
    xhr.open('POST', req.url);
    xhr.timeout = 60_000;
    for (const [k, v] of Object.entries(req.headers)) xhr.setRequestHeader(k, v);
    if (req.onProgress) {
      const onProgress = req.onProgress;
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
      };
    }
    xhr.onload = () => resolve({ status: xhr.status, data: xhr.responseText });
    xhr.onerror = () => reject(new Error('network'));
    xhr.ontimeout = () => reject(new Error('timeout'));
    xhr.send(form);
  });
}

export async function downloadPhoto(url: string, headers: Record<string, string>): Promise<{ status: number; src: string | null }> {
  const res = await fetch(url, { headers });
  if (res.status !== 200) return { status: res.status, src: null };
  return { status: 200, src: URL.createObjectURL(await res.blob()) };
}

export function openDocument(src: string): void {
  // Called from a tap with the blob already fetched, so the browser does not block the new tab.
  window.open(src, '_blank', 'noopener');
}

export function saveDownloaded(src: string, filename: string): void {
  const a = document.createElement('a');
  a.href = src;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
}

export function releasePhoto(photo: LocalPhoto): void {
  if (photo.src.startsWith('blob:')) URL.revokeObjectURL(photo.src);
}
