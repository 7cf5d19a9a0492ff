// 企业名录 and the official's business page: the directory's page of businesses with their 7-day
// state, one business, and the officials' lists as .xlsx. Part of the endpoint table (api.directory).
import type { EnterpriseDirectoryItem, EnterpriseDirectoryQuery, EnterpriseDto, Page, RegionDto } from '@shian/shared';
import { fetchImageSrc, queryString, request } from './client';

const enc = encodeURIComponent;

/** The lists that answer ?format=xlsx with the same filters as their JSON. */
export type ExportableList = '/api/enterprises' | '/api/daily-checks' | '/api/weekly-investigations' | '/api/monthly-reviews' | '/api/problems' | '/api/stats/appointments' | '/api/complaints';

export const directoryEndpoints = {
  /** Businesses of the caller's region with their 7-day 日管控 state, newest registration first. */
  list: (query: Omit<EnterpriseDirectoryQuery, 'format'>) =>
    request<Page<EnterpriseDirectoryItem>>({ method: 'GET', path: '/api/enterprises', query: { ...query } }),
  /** One business (officials: of their region; 404 otherwise). */
  enterprise: (id: string) => request<EnterpriseDto>({ method: 'GET', path: `/api/enterprises/${enc(id)}` }),
  /** A region and its ancestors, province first (a business's full 所在地区). */
  regionPath: (code: string) => request<RegionDto[]>({ method: 'GET', path: `/api/regions/${enc(code)}/path`, auth: false }),
  /** The business's 公示牌 (A4 PDF with its QR code) as a local src for openDocument / saveDownloaded. */
  posterSrc: (id: string) => fetchImageSrc(`/api/enterprises/${enc(id)}/poster.pdf`, '公示牌'),
  /**
   * Every row of a list under the same filters as .xlsx, as a local src for saveDownloaded: the
   * download carries the token (a blob link on H5, a temp file for openDocument on weapp).
   */
  xlsxSrc: (path: ExportableList, query: object) => {
    const { page: _page, pageSize: _size, ...filters } = query as Record<string, unknown>;
    return fetchImageSrc(`${path}?${queryString({ ...filters, format: 'xlsx' })}`, '导出文件');
  },
};
