import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { api, errorMessage } from '../api';
import { releasePhoto } from '../platform/photo';
import './RecordPhotos.css';

/**
 * Thumbnails of a record's uploaded photos (loaded with the token); a tap opens the preview. `large`: one per row, whole picture (a reviewer reading a paper).
 * `load`: where a photo comes from when it is not an uploaded file (a complaint's photos have their own endpoint).
 */
export function RecordPhotos({ ids, large = false, load = api.files.imageSrc }: { ids: readonly string[]; large?: boolean; load?: (id: string) => Promise<string> }) {
  const [srcs, setSrcs] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const key = ids.join(',');

  useEffect(() => {
    let alive = true;
    const loaded: string[] = [];
    for (const id of ids) {
      load(id)
        .then((src) => {
          loaded.push(src);
          if (alive) setSrcs((m) => ({ ...m, [id]: src }));
          else releasePhoto({ src, size: 0 });
        })
        .catch((e: unknown) => {
          if (alive) setError(errorMessage(e));
        });
    }
    return () => {
      alive = false;
      loaded.forEach((src) => releasePhoto({ src, size: 0 }));
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (ids.length === 0) return null;
  const shown = ids.map((id) => srcs[id]).filter((s): s is string => !!s);
  return (
    <View className={`record-photos${large ? ' record-photos--large' : ''}`}>
      <View className="record-photos__grid">
        {ids.map((id) =>
          srcs[id] ? (
            <Image
              key={id}
              className="record-photos__thumb"
              src={srcs[id]}
              mode={large ? 'aspectFit' : 'aspectFill'}
              onClick={() => void Taro.previewImage({ urls: shown, current: srcs[id] }).catch(() => undefined)}
            />
          ) : (
            <View key={id} className="record-photos__thumb record-photos__thumb--loading" />
          ),
        )}
      </View>
      {error ? <View className="error-text">{`照片加载失败：${error}`}</View> : null}
    </View>
  );
}
