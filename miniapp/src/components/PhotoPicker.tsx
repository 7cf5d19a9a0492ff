import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { FileDto, FileKind } from '@shian/shared';
import { api, errorMessage } from '../api';
import { choosePhotos, openDocument, releasePhoto, type LocalPhoto } from '../platform/photo';
import './PhotoPicker.css';

export type PhotoStatus = 'uploading' | 'done' | 'error';

/** One photo in the picker: picked locally, uploaded at once, its server id once done. */
export interface PickedPhoto {
  key: string;
  local: LocalPhoto;
  status: PhotoStatus;
  /** 0–100 while uploading. */
  progress: number;
  file?: FileDto;
  /** The server id: the uploaded file's, or one restored from a draft. */
  fileId?: string;
  error?: string;
}

/** The ids to submit with a record, in the order shown. */
export function uploadedFileIds(photos: readonly PickedPhoto[]): string[] {
  return photos.flatMap((p) => {
    const id = p.fileId ?? p.file?.id;
    return p.status === 'done' && id ? [id] : [];
  });
}

/** Whether the record may be submitted: nothing still uploading or failed. */
export function photosSettled(photos: readonly PickedPhoto[]): boolean {
  return photos.every((p) => p.status === 'done');
}

export interface PhotoPickerProps {
  /** At most this many photos (default 9). */
  max?: number;
  kind?: FileKind;
  /** Accept PDF documents as well as photos (credentials): shown as document tiles. */
  documents?: boolean;
  /** After submit: no adding or removing. */
  disabled?: boolean;
  /** An official's upload for one business (a cadre's visit photos): the business the files belong to. */
  enterpriseId?: string;
  /** Photos uploaded earlier (e.g. kept in a draft): shown as done, loaded from the server. Read on mount. */
  initialFileIds?: readonly string[];
  /** Called on every change (added, progress, uploaded, failed, removed). */
  onChange?: (photos: PickedPhoto[]) => void;
  /** Upload elsewhere than the files API (the public's complaint photos, without an account): resolves to the id to submit. */
  upload?: (photo: LocalPhoto, onProgress: (percent: number) => void) => Promise<{ id: string }>;
}

let counter = 0;
const nextKey = () => `photo-${Date.now()}-${(counter += 1)}`;

/** Thumbnails with add (up to max), remove before submit, and each photo's upload state in Chinese. */
export function PhotoPicker({ max = 9, kind = 'photo', documents = false, disabled = false, enterpriseId, initialFileIds, onChange, upload }: PhotoPickerProps) {
  const [photos, setPhotos] = useState<PickedPhoto[]>(() =>
    (initialFileIds ?? []).slice(0, max).map((id) => ({ key: nextKey(), local: { src: '', size: 0 }, status: 'done', progress: 100, fileId: id })),
  );
  const [pickError, setPickError] = useState<string | null>(null);
  const mounted = useRef(true);
  const latest = useRef<PickedPhoto[]>([]);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    latest.current = photos;
    onChangeRef.current?.(photos);
  }, [photos]);

  // Restored photos: fetch each one's content to show it.
  useEffect(() => {
    for (const p of latest.current) {
      if (!p.fileId || p.local.src) continue;
      api.files
        .imageSrc(p.fileId)
        .then((src) => {
          if (!mounted.current) {
            releasePhoto({ src, size: 0 });
            return;
          }
          setPhotos((list) => list.map((q) => (q.key === p.key ? { ...q, local: { src, size: 0 } } : q)));
        })
        .catch(() => undefined);
    }
  }, []);

  useEffect(
    () => () => {
      mounted.current = false;
      latest.current.forEach((p) => releasePhoto(p.local));
    },
    [],
  );

  const patch = useCallback((key: string, change: Partial<PickedPhoto>) => {
    if (!mounted.current) return;
    setPhotos((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
  }, []);

  const startUpload = useCallback(
    (photo: PickedPhoto) => {
      patch(photo.key, { status: 'uploading', progress: 0, error: undefined });
      const onProgress = (progress: number) => patch(photo.key, { progress });
      const sent: Promise<{ fileId: string; file?: FileDto }> = upload
        ? upload(photo.local, onProgress).then(({ id }) => ({ fileId: id }))
        : api.files.upload(photo.local, { kind, enterpriseId, onProgress }).then((file) => ({ fileId: file.id, file }));
      sent
        .then((done) => patch(photo.key, { status: 'done', progress: 100, ...done }))
        .catch((e: unknown) => patch(photo.key, { status: 'error', error: errorMessage(e) }));
    },
    [kind, enterpriseId, upload, patch],
  );

  const add = useCallback(async () => {
    setPickError(null);
    const room = max - latest.current.length;
    if (room <= 0) return;
    let picked: LocalPhoto[];
    try {
      picked = await choosePhotos(room, { documents });
    } catch (e) {
      setPickError(errorMessage(e));
      return;
    }
    if (!mounted.current || picked.length === 0) return;
    const added = picked.slice(0, Math.max(0, max - latest.current.length)).map<PickedPhoto>((local) => ({ key: nextKey(), local, status: 'uploading', progress: 0 }));
    picked.slice(added.length).forEach(releasePhoto);
    setPhotos((list) => [...list, ...added]);
    added.forEach(startUpload);
  }, [max, documents, startUpload]);

  const remove = useCallback((key: string) => {
    setPhotos((list) => {
      const gone = list.find((p) => p.key === key);
      if (gone) releasePhoto(gone.local);
      return list.filter((p) => p.key !== key);
    });
  }, []);

  const open = useCallback(
    (photo: PickedPhoto) => {
      if (photo.status === 'error') {
        if (!disabled) startUpload(photo);
        return;
      }
      if (photo.local.pdf) {
        openDocument(photo.local.src);
        return;
      }
      const urls = latest.current.filter((p) => !p.local.pdf && p.local.src).map((p) => p.local.src);
      void Taro.previewImage({ urls, current: photo.local.src }).catch(() => undefined);
    },
    [disabled, startUpload],
  );

  const uploading = photos.filter((p) => p.status === 'uploading').length;
  const failed = photos.filter((p) => p.status === 'error').length;
  const unit = documents ? '个文件' : '张照片';

  return (
    <View className="photo-picker">
      <View className="photo-picker__grid">
        {photos.map((p) => (
          <View key={p.key} className={`photo-picker__item photo-picker__item--${p.status}`} onClick={() => open(p)}>
            {p.local.pdf ? (
              <View className="photo-picker__doc">
                <Text className="photo-picker__doc-badge">PDF</Text>
                <Text className="photo-picker__doc-name">{p.local.name ?? 'PDF 文件'}</Text>
              </View>
            ) : p.local.src ? (
              <Image className="photo-picker__thumb" src={p.local.src} mode="aspectFill" />
            ) : null}
            {p.status === 'uploading' && (
              <View className="photo-picker__overlay">
                <Text className="photo-picker__overlay-text">{`上传中 ${p.progress}%`}</Text>
                <View className="photo-picker__bar">
                  <View className="photo-picker__bar-fill" style={{ width: `${p.progress}%` }} />
                </View>
              </View>
            )}
            {p.status === 'error' && (
              <View className="photo-picker__overlay photo-picker__overlay--error">
                <Text className="photo-picker__overlay-text">{disabled ? '上传失败' : '上传失败，点击重试'}</Text>
              </View>
            )}
            {!disabled && (
              <View
                className="photo-picker__remove"
                aria-label="删除照片"
                onClick={(e) => {
                  e.stopPropagation();
                  remove(p.key);
                }}
              >
                ×
              </View>
            )}
          </View>
        ))}
        {!disabled && photos.length < max && (
          <View className="photo-picker__add" onClick={() => void add()} aria-label="添加照片">
            <Text className="photo-picker__add-plus">+</Text>
            <Text className="photo-picker__add-text">{photos.length === 0 ? (documents ? '照片/PDF' : '拍照/上传') : `${photos.length}/${max}`}</Text>
          </View>
        )}
      </View>
      {pickError && <View className="photo-picker__message photo-picker__message--error">{pickError}</View>}
      {uploading > 0 && <View className="photo-picker__message">{`${uploading} ${unit}上传中，请稍候再提交`}</View>}
      {failed > 0 && (
        <View className="photo-picker__message photo-picker__message--error">
          {`${failed} ${unit}上传失败：${photos.find((p) => p.status === 'error')?.error ?? ''}${disabled ? '' : `（点击${documents ? '文件' : '照片'}重试，或删除）`}`}
        </View>
      )}
      {!disabled && photos.length >= max && <View className="photo-picker__message">{`最多 ${max} ${unit}`}</View>}
    </View>
  );
}
