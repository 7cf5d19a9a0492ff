import { queryText } from '../../platform/query';

/**
 * The business id of the public page. A link carries ?id=; on weapp a scanned 普通链接二维码
 * opens the page with ?q=<the encoded full URL of the QR code>, whose own id= is the one.
 */
export function enterpriseIdOf(params: Partial<Record<string, string>>): string {
  if (params.id) return queryText(params.id).trim();
  const url = queryText(params.q);
  const m = /[?&#]id=([^&#]+)/.exec(url);
  return m ? queryText(m[1]).trim() : '';
}
