import { copyText } from '../platform/clipboard';
import { useToast } from './useToast';

/** 复制: puts a code on the clipboard and says so (「查询码已复制」), or asks the user to write it down. */
export function useCopy(): (data: string, what: string) => void {
  const { showToast } = useToast();
  return (data, what) => {
    copyText(data)
      .then(() => showToast(`${what}已复制`, 'success'))
      .catch(() => showToast('复制失败，请手动记下', 'fail'));
  };
}
