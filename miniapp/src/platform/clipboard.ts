import Taro from '@tarojs/taro';

/**
 * Puts text on the system clipboard. On H5 not through Taro.setClipboardData, which also keeps the
 * text in localStorage ('taro_clipboard'): a complaint's query code is shown once and must not stay
 * behind in the browser. Rejects when the browser refuses.
 */
export async function copyText(data: string): Promise<void> {
  if (process.env.TARO_ENV !== 'h5') {
    await Taro.setClipboardData({ data });
    return;
  }
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(data);
      return;
    } catch {
      // Not allowed here (an insecure origin, no permission): the older way below.
    }
  }
  const area = document.createElement('textarea');
  area.readOnly = true;
  area.value = data;
  area.style.position = 'absolute';
  area.style.left = '-10000px';
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand('copy');
  document.body.removeChild(area);
  if (!copied) throw new Error('copy refused');
}
