import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { AttachedFileDto } from '@shian/shared';
import { api, errorMessage } from '../api';
import { openDocument, releasePhoto } from '../platform/photo';
import { RecordPhotos } from './RecordPhotos';
import './CredentialFiles.css';

/** A PDF behind the API: fetched with the token up front, so a tap opens it at once. */
function PdfLink({ file }: { file: AttachedFileDto }) {
  const [src, setSrc] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    let loaded: string | null = null;
    api.files
      .documentSrc(file.id)
      .then((s) => {
        loaded = s;
        if (alive) setSrc(s);
        else releasePhoto({ src: s, size: 0 });
      })
      .catch((e: unknown) => {
        if (alive) setError(errorMessage(e));
      });
    return () => {
      alive = false;
      if (loaded) releasePhoto({ src: loaded, size: 0 });
    };
  }, [file.id]);

  return (
    <View className="cred-files__pdf" onClick={() => (src ? openDocument(src) : undefined)}>
      <Text className="cred-files__pdf-badge">PDF</Text>
      <Text className="cred-files__pdf-name">{file.originalName || 'PDF 文件'}</Text>
      <Text className={error ? 'cred-files__pdf-error' : 'link'}>{error ?? (src ? '打开' : '加载中…')}</Text>
    </View>
  );
}

/** A credential's attachments: pictures inline, whole (tap to enlarge), PDFs as links that open them. */
export function CredentialFiles({ files }: { files: readonly AttachedFileDto[] }) {
  const images = files.filter((f) => f.mime.startsWith('image/')).map((f) => f.id);
  const documents = files.filter((f) => !f.mime.startsWith('image/'));
  return (
    <View className="cred-files">
      <RecordPhotos ids={images} large />
      {documents.map((f) => (
        <PdfLink key={f.id} file={f} />
      ))}
    </View>
  );
}
