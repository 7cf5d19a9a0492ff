// 包保 (issue #6): the cadre's home, supervision visits, commitment letters, and the officials'
// cadres, assignments, coverage gaps, statistics and settings. Part of the endpoint table (api.supervision).
import {
  IDEMPOTENCY_HEADER,
  type AssignmentCreateRequest,
  type AssignmentCreatedDto,
  type AssignmentDto,
  type AssignmentImportReport,
  type AssignmentListQuery,
  type CadreCreateRequest,
  type CadreCreatedDto,
  type CadreDto,
  type CadreHomeDto,
  type CadreListQuery,
  type CadreUpdateRequest,
  type CommitmentCreateRequest,
  type CommitmentDto,
  type CommitmentListQuery,
  type CoverageGapPage,
  type CoverageGapQuery,
  type LevelOverrideRequest,
  type Page,
  type SupervisionFrequenciesRequest,
  type SupervisionReminderDto,
  type SupervisionSettingsDto,
  type SupervisionStatsDto,
  type SupervisionStatsQuery,
  type SupervisionVisitCreateRequest,
  type SupervisionVisitDto,
  type SupervisionVisitListQuery,
} from '@shian/shared';
import type { LocalPhoto } from '../platform/photo';
import { fetchImageSrc, request, upload } from './client';

const enc = encodeURIComponent;
const flag = (v: boolean | undefined) => (v === undefined ? undefined : String(v));

export const supervisionEndpoints = {
  /** The cadre's businesses with their state, this cycle's progress and the end-of-cycle reminder. */
  home: () => request<CadreHomeDto>({ method: 'GET', path: '/api/cadres/me/home' }),
  cadres: {
    list: ({ active, ...query }: CadreListQuery) =>
      request<Page<CadreDto>>({ method: 'GET', path: '/api/cadres', query: { ...query, active: flag(active) } }),
    get: (id: string) => request<CadreDto>({ method: 'GET', path: `/api/cadres/${enc(id)}` }),
    /** The answer carries the initial password, shown once. */
    create: (body: CadreCreateRequest) => request<CadreCreatedDto>({ method: 'POST', path: '/api/cadres', body }),
    update: (id: string, body: CadreUpdateRequest) => request<CadreDto>({ method: 'PATCH', path: `/api/cadres/${enc(id)}`, body }),
  },
  assignments: {
    list: (query: AssignmentListQuery) => request<Page<AssignmentDto>>({ method: 'GET', path: '/api/assignments', query: { ...query } }),
    /** All or none: a refusal answers 400 with AssignmentRefusal[] as details. */
    create: (body: AssignmentCreateRequest) => request<AssignmentCreatedDto>({ method: 'POST', path: '/api/assignments', body }),
    end: (enterpriseId: string, reason: string) =>
      request<void>({ method: 'DELETE', path: `/api/assignments/${enc(enterpriseId)}`, body: { reason } }),
    gaps: (query: CoverageGapQuery) => request<CoverageGapPage>({ method: 'GET', path: '/api/assignments/gaps', query: { ...query } }),
    importTemplateSrc: () => fetchImageSrc('/api/assignments/import/template', '导入模板'),
    import: (workbook: LocalPhoto) => upload<AssignmentImportReport>({ path: '/api/assignments/import', photo: workbook, fields: {} }),
  },
  commitments: {
    /** A later one for the same year is a new version. */
    create: (body: CommitmentCreateRequest, idempotencyKey: string) =>
      request<CommitmentDto>({ method: 'POST', path: '/api/commitments', body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
    /** Officials: each cadre's latest of the year. */
    list: ({ missing, ...query }: CommitmentListQuery) =>
      request<Page<CommitmentDto>>({ method: 'GET', path: '/api/commitments', query: { ...query, missing: flag(missing) } }),
    /** The cadre's own, every version of every year, newest first. */
    mine: () => request<CommitmentDto[]>({ method: 'GET', path: '/api/commitments/mine' }),
  },
  visits: {
    create: (body: SupervisionVisitCreateRequest, idempotencyKey: string) =>
      request<SupervisionVisitDto>({ method: 'POST', path: '/api/supervision-visits', body, headers: { [IDEMPOTENCY_HEADER]: idempotencyKey } }),
    list: (query: SupervisionVisitListQuery) =>
      request<Page<SupervisionVisitDto>>({ method: 'GET', path: '/api/supervision-visits', query: { ...query } }),
    get: (id: string) => request<SupervisionVisitDto>({ method: 'GET', path: `/api/supervision-visits/${enc(id)}` }),
  },
  stats: (query: SupervisionStatsQuery) => request<SupervisionStatsDto>({ method: 'GET', path: '/api/stats/supervision', query: { ...query } }),
  reminders: (regionCode?: string) =>
    request<SupervisionReminderDto[]>({ method: 'GET', path: '/api/stats/supervision/reminders', query: { regionCode } }),
  settings: {
    get: () => request<SupervisionSettingsDto>({ method: 'GET', path: '/api/supervision/settings' }),
    frequencies: (body: SupervisionFrequenciesRequest) =>
      request<SupervisionSettingsDto>({ method: 'PUT', path: '/api/supervision/settings/frequencies', body }),
    levelOverride: (body: LevelOverrideRequest) =>
      request<SupervisionSettingsDto>({ method: 'PUT', path: '/api/supervision/settings/level-overrides', body }),
  },
};
