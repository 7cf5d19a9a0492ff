// WeChat: chooseMedia (camera or album, WeChat's own compression), then compressImage; upload
// with Taro.uploadFile, which reports progress. Photos stay temp file paths. PDFs (credentials)
// come from a chat (chooseMessageFile): WeChat gives a mini-program no other way to a document.
import Taro from '@tarojs/taro';
import type { ChooseOptions, LocalPhoto, UploadRequest, UploadResponse } from './photo';

export type { ChooseOptions, LocalPhoto, UploadRequest, UploadResponse } from './photo';

export const MAX_PHOTO_SIDE: number = 1600;
export const JPEG_QUALITY: number = 0.8;

const isCancel = (e: unknown): boolean => /cancel/i.test(String((e as { errMsg?: string } | null)?.errMsg ?? e));

async function choosePdfs(max: number): Promise<LocalPhoto[]> {
  try {
    const picked = await Taro.chooseMessageFile({ count: Math.min(max, 9), type: 'file', extension: ['pdf'] });
    return picked.tempFiles.slice(0, max).map((f) => ({ src: f.path, size: f.size, pdf: true, name: f.name }));
  } catch (e) {
    if (isCancel(e)) return [];
    throw new Error('无法选择文件，请稍后重试');
  }
}

async function chooseWorkbooks(max: number): Promise<LocalPhoto[]> {
  try {
    const picked = await Taro.chooseMessageFile({ count: Math.min(max, 9), type: 'file', extension: ['xlsx'] });
    return picked.tempFiles.slice(0, max).map((f) => ({ src: f.path, size: f.size, name: f.name }));
  } catch (e) {
    if (isCancel(e)) return [];
    throw new Error('无法选择文件，请稍后重试');
  }
}

export async function choosePhotos(max: number, options: ChooseOptions = {}): Promise<LocalPhoto[]> {
  if (max <= 0) return [];
  if (options.spreadsheet) return chooseWorkbooks(max);
  if (options.documents) {
    let tapIndex: number;
    try {
      ({ tapIndex } = await Taro.showActionSheet({ itemList: ['拍照或从相册选择', '从微信聊天选择 PDF 文件'] }));
    } catch {
      return [];
    }
    if (tapIndex === 1) return choosePdfs(max);
  }
  let picked: Taro.chooseMedia.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMedia({ count: Math.min(max, 9), mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] });
  } catch (e) {
    if (isCancel(e)) return [];
    throw new Error('无法打开相机或相册，请检查微信的相机和相册权限');
  }
  const out: LocalPhoto[] = [];
  for (const f of picked.tempFiles.slice(0, max)) {
    try {
      const c = await Taro.compressImage({ src: f.tempFilePath, quality: Math.round(JPEG_QUALITY * 100) });
      out.push({ src: c.tempFilePath, size: 0 });
    } catch {
      // Some images (already small, or formats compressImage refuses) go as picked.
      out.push({ src: f.tempFilePath, size: f.size });
    }
  }
  return out;
}

export function uploadPhoto(req: UploadRequest): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const task = Taro.uploadFile({
      url: req.url,
      filePath: req.photo.src,
      name: req.field,
      formData: Object.fromEntries(Object.entries(req.fields).filter(([, v]) => v !== undefined)),
      header: req.headers,
      timeout: 60_000,
      success: (res) => resolve({ status: res.statusCode, data: typeof res.data === 'string' ? res.data : JSON.stringify(res.data) }),
      fail: (e) => reject(new Error(String((e as { errMsg?: string }).errMsg ?? 'uploadFile:fail'))),
    });
    if (req.onProgress && task && typeof task.onProgressUpdate === 'function') {
      const onProgress = req.onProgress;
      task.onProgressUpdate((p) => onProgress(p.progress));
    }
  });
}

export async function downloadPhoto(url: string, headers: Record<string, string>): Promise<{ status: number; src: string | null }> {
  const res = await Taro.downloadFile({ url, header: headers });
  return { status: res.statusCode, src: res.statusCode === 200 ? res.tempFilePath : null };
}

export function openDocument(src: string): void {
  Taro.openDocument({ filePath: src, fileType: 'pdf', showMenu: true }).catch(() => {
    void Taro.showToast({ title: '无法打开该文件', icon: 'none' });
  });
}

export function saveDownloaded(src: string, filename: string): void {
  const fileType = filename.toLowerCase().endsWith('.pdf') ? 'pdf' : 'xlsx';
  Taro.openDocument({ filePath: src, fileType, showMenu: true }).catch(() => {
    void Taro.showToast({ title: '无法打开该文件', icon: 'none' });
  });
}

export function releasePhoto(_photo: LocalPhoto): void {
  // Temp files are WeChat's to clean up.
}
