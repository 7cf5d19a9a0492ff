import { useEffect, useState } from 'react';

/** From this browser width (CSS px) desk pages lay out wide tables instead of stacked cards. */
export const WIDE_LAYOUT_MIN_PX = 900;

function isWide(): boolean {
  return process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && window.innerWidth >= WIDE_LAYOUT_MIN_PX;
}

/** True in a desktop browser window ≥ 900 px wide (H5 only: a phone and the weapp always get the narrow layout); follows resizes. */
export function useWideLayout(): boolean {
  const [wide, setWide] = useState(isWide);
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    const onResize = () => setWide(isWide());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return wide;
}
