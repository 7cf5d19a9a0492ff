import { useState } from 'react';
import { errorMessage } from '../api';
import { releasePhoto, saveDownloaded } from '../platform/photo';
import { useToast } from './useToast';

/**
 * A file behind the API (an .xlsx export, the 公示牌 PDF) fetched with the token and handed over:
 * the browser saves it on H5, WeChat's document viewer opens it on weapp. `busy` while it loads;
 * a failure is a toast.
 */
export function useDownload(): { busy: boolean; download: (fetchSrc: () => Promise<string>, fileName: string) => Promise<void> } {
  const { showToast } = useToast();
  const [busy, setBusy] = useState(false);
  async function download(fetchSrc: () => Promise<string>, fileName: string): Promise<void> {
    setBusy(true);
    try {
      const src = await fetchSrc();
      saveDownloaded(src, fileName);
      // Give the browser time to start the download before the object URL goes.
      setTimeout(() => releasePhoto({ src, size: 0 }), 30_000);
    } catch (err) {
      showToast(errorMessage(err), 'fail');
    } finally {
      setBusy(false);
    }
  }
  return { busy, download };
}
