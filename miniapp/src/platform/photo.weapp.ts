// WeChat: chooseMedia (camera or album, WeChat's own compression), then compressImage; upload
// with Taro.uploadFile, which reports progress. Photos stay temp file paths.
import Taro from '@tarojs/taro';
import type { LocalPhoto, UploadRequest, UploadResponse } from './photo';

export type { LocalPhoto, UploadRequest, UploadResponse } from './photo';

export const MAX_PHOTO_SIDE: number = 1600;
export const JPEG_QUALITY: number = 0.8;

const isCancel = (e: unknown): boolean => /cancel/i.test(String((e as { errMsg?: string } | null)?.errMsg ?? e));

export async function choosePhotos(max: number): Promise<LocalPhoto[]> {
  if (max <= 0) return [];
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
      formData: req.fields,
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

export function releasePhoto(_photo: LocalPhoto): void {
  // Temp files are WeChat's to clean up.
}
