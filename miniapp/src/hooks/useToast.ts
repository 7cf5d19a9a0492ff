import { useCallback } from 'react';
import { Toast } from '@nutui/nutui-react-taro';

/** Every page renders <Toast id={PAGE_TOAST_ID} /> through PageContainer. */
export const PAGE_TOAST_ID = 'page-toast';

export function useToast(): { showToast: (content: string, icon?: 'success' | 'fail' | 'warn') => void } {
  const showToast = useCallback((content: string, icon?: 'success' | 'fail' | 'warn') => {
    Toast.show(PAGE_TOAST_ID, { content, icon, duration: 2 } as Parameters<typeof Toast.show>[1]);
  }, []);
  return { showToast };
}
