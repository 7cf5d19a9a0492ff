import { useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/**
 * Calls `onShownAgain` when the page is shown again after another page covered it (coming back).
 * Not "every show but the first": a component mounted once its page's data arrived misses the
 * page's first show, and would skip the return.
 */
export function useShownAgain(onShownAgain: () => void): void {
  const hidden = useRef(false);
  useDidHide(() => {
    hidden.current = true;
  });
  useDidShow(() => {
    if (!hidden.current) return;
    hidden.current = false;
    onShownAgain();
  });
}
