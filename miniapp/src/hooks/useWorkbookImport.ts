import { useEffect, useState } from 'react';
import { errorMessage } from '../api';
import { choosePhotos, releasePhoto, saveDownloaded, type LocalPhoto } from '../platform/photo';
import { useToast } from './useToast';

/**
 * An officials' .xlsx import (businesses, 包保 assignments): download the template, pick one .xlsx,
 * send it; the report is the feedback (no toast over it), failures are toasted.
 */
export function useWorkbookImport<R>(opts: { templateSrc: () => Promise<string>; templateName: string; send: (file: LocalPhoto) => Promise<R> }) {
  const { showToast } = useToast();
  const [file, setFile] = useState<LocalPhoto | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [importing, setImporting] = useState(false);
  const [result, setResult] = useState<R | null>(null);

  useEffect(() => () => {
    if (file) releasePhoto(file);
  }, [file]);

  async function downloadTemplate() {
    setDownloading(true);
    try {
      const src = await opts.templateSrc();
      saveDownloaded(src, opts.templateName);
      // Give the browser time to start the download before the object URL goes.
      setTimeout(() => releasePhoto({ src, size: 0 }), 30_000);
    } catch (err) {
      showToast(errorMessage(err), 'fail');
    } finally {
      setDownloading(false);
    }
  }

  async function pick() {
    try {
      const [picked] = await choosePhotos(1, { spreadsheet: true });
      if (!picked) return;
      if (picked.name && !/\.xlsx$/i.test(picked.name)) {
        releasePhoto(picked);
        showToast('请选择 .xlsx 格式的文件', 'warn');
        return;
      }
      setFile(picked);
      setResult(null);
    } catch (err) {
      showToast(errorMessage(err), 'fail');
    }
  }

  async function runImport(): Promise<R | null> {
    if (!file) return null;
    setImporting(true);
    try {
      const r = await opts.send(file);
      setResult(r);
      return r;
    } catch (err) {
      showToast(errorMessage(err), 'fail');
      return null;
    } finally {
      setImporting(false);
    }
  }

  return { file, result, downloading, importing, downloadTemplate, pick, runImport };
}
