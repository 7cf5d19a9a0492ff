import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Picker, View } from '@tarojs/components';
import { Button, Dialog, Loading } from '@nutui/nutui-react-taro';
import { formatRate, INDICATORS, todayInShanghai, type DashboardChildRow, type DashboardDto, type DashboardFigures, type DutyCounts, type IndicatorKey } from '@shian/shared';
import { api } from '../../../../api';
import { EmptyState } from '../../../../components/EmptyState';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { useDownload } from '../../../../hooks/useDownload';
import { useWideLayout } from '../../../../hooks/useWideLayout';
import { navigateTo } from '../../../../platform/nav';
import {
  breadcrumb,
  businessCount,
  childAction,
  COUNT_COLUMNS,
  dashboardQuery,
  exportFileName,
  fractionText,
  GRADE_OPTIONS,
  GRANULARITY_LABELS,
  hasNoBusiness,
  indicatorCards,
  indicatorKeysOf,
  PERIOD_PRESETS,
  presetOf,
  presetPeriod,
  rankOptions,
  rankText,
  trendBars,
  TYPE_OPTIONS,
  type DashboardFilters,
} from './dashboard-rules';
import '../../official.css';
import './index.css';

const DEFAULT_PRESET = 'last30';

function Chip({ label, active, onClick }: { label: string; active: boolean; onClick: () => void }) {
  return (
    <View className={`dash-chip${active ? ' dash-chip--active' : ''}`} onClick={onClick}>
      {label}
    </View>
  );
}

/** The formula and regulatory source of one indicator, on tap. */
function IndicatorInfoDialog({ indicator, onClose }: { indicator: IndicatorKey; onClose: () => void }) {
  const info = INDICATORS[indicator];
  return (
    <Dialog visible title={info.label} confirmText="知道了" hideCancelButton onConfirm={onClose} onCancel={onClose} onClose={onClose}>
      <View className="dash-info">
        <View className="dash-info__label">计算公式</View>
        <View className="dash-info__text">{info.formula}</View>
        <View className="dash-info__label">依据</View>
        <View className="dash-info__text">{info.source}</View>
      </View>
    </Dialog>
  );
}

function IndicatorCards({ figures, onInfo }: { figures: DashboardFigures; onInfo: (k: IndicatorKey) => void }) {
  return (
    <View className="dash-cards">
      {indicatorCards(figures).map((c) => (
        <View key={c.key} className="dash-cards__cell">
          <View className={`dash-card dash-card--${c.key}`} onClick={() => onInfo(c.key)}>
            <View className="dash-card__label">{`${c.label} ⓘ`}</View>
            <View className={`dash-card__rate${c.empty ? ' dash-card__rate--empty' : ''}`}>{c.rate}</View>
            <View className="dash-card__fraction">{c.fraction}</View>
          </View>
        </View>
      ))}
    </View>
  );
}

function Stat({ label, value, alarm }: { label: string; value: number; alarm?: boolean }) {
  return (
    <View className="dash-stat">
      <View className={`dash-stat__value${alarm && value > 0 ? ' dash-stat__value--alarm' : ''}`}>{value}</View>
      <View className="dash-stat__label">{label}</View>
    </View>
  );
}

function DutyLine({ title, unit, counts, missedLabel, pendingLabel }: { title: string; unit: string; counts: DutyCounts; missedLabel: string; pendingLabel: string }) {
  return (
    <View className="dash-counts__line">
      <View className="dash-counts__title">
        <View>{title}</View>
        <View className="dash-counts__unit">{unit}</View>
      </View>
      <View className="dash-counts__stats">
        <Stat label="应完成" value={counts.due} />
        <Stat label="已完成" value={counts.done} />
        <Stat label="迟交" value={counts.late} />
        <Stat label={missedLabel} value={counts.missed} alarm />
        <Stat label={pendingLabel} value={counts.pending} />
      </View>
    </View>
  );
}

/** Late and missed records, problems found and closed, rectification orders. */
function Counts({ figures }: { figures: DashboardFigures }) {
  const { problems, rectifications } = figures;
  return (
    <View className="card dash-counts">
      <DutyLine title="日管控" unit="企业·天" counts={figures.daily} missedLabel="漏查" pendingLabel="今日待查" />
      <DutyLine title="周排查" unit="企业·周" counts={figures.weekly} missedLabel="漏报" pendingLabel="本周待排查" />
      <DutyLine title="月调度" unit="企业·月" counts={figures.monthly} missedLabel="漏报" pendingLabel="本月待调度" />
      <View className="dash-counts__line">
        <View className="dash-counts__title">自查问题</View>
        <View className="dash-counts__stats">
          <Stat label="发现" value={problems.found} />
          <Stat label="已整改" value={problems.fixed} />
          <Stat label="未整改" value={problems.open} />
        </View>
      </View>
      <View className="dash-counts__line dash-counts__line--rect">
        <View className="dash-counts__title">整改通知</View>
        <View className="dash-counts__stats">
          <Stat label="下发" value={rectifications.issued} />
          <Stat label="已闭环" value={rectifications.closed} />
          <Stat label="未闭环" value={rectifications.unclosed} />
          <Stat label="逾期" value={rectifications.overdue} alarm />
        </View>
      </View>
    </View>
  );
}

/** 日管控完成率 per trend point as bars (plain Views, so the weapp draws it too), problems found as a thin second series. */
function TrendChart({ data }: { data: DashboardDto }) {
  const bars = trendBars(data.trend, data.granularity);
  const [picked, setPicked] = useState<number | null>(null);
  if (bars.length === 0) return null;
  const sel = bars[picked !== null && picked < bars.length ? picked : bars.length - 1];
  const hover = (i: number) => (process.env.TARO_ENV === 'h5' ? ({ onMouseEnter: () => setPicked(i) } as object) : {});
  return (
    <View className="card dash-trend">
      <View className="dash-trend__head">
        <View className="card__title">{`趋势（${GRANULARITY_LABELS[data.granularity]}）`}</View>
        <View className="dash-trend__legend">
          <View className="dash-trend__key dash-trend__key--rate" />
          <View className="dash-trend__key-label">日管控完成率</View>
          <View className="dash-trend__key dash-trend__key--problems" />
          <View className="dash-trend__key-label">发现问题数</View>
        </View>
      </View>
      <View className="dash-trend__detail">{`${sel.span}　日管控完成率 ${sel.rate}（${sel.fraction}）　发现问题 ${sel.problemsFound}`}</View>
      <View className="dash-trend__plot">
        {bars.map((b, i) => (
          <View key={b.key} className={`dash-trend__col${b === sel ? ' dash-trend__col--picked' : ''}`} onClick={() => setPicked(i)} {...hover(i)}>
            <View className={`dash-trend__bar${b.empty ? ' dash-trend__bar--empty' : ''}`} style={{ height: b.empty ? '2%' : `${b.height}%` }} />
            <View className="dash-trend__thin" style={{ height: `${b.problemsHeight}%` }} />
          </View>
        ))}
      </View>
      <View className="dash-trend__labels">
        {bars.map((b) => (
          <View key={b.key} className="dash-trend__label">
            {b.label ? <View className="dash-trend__label-text">{b.label}</View> : null}
          </View>
        ))}
      </View>
    </View>
  );
}

/** A rate with its counts; nothing under a 「—」 (the cards above explain 无可计算对象). */
function RateCell({ row, indicator, strong, inline }: { row: DashboardFigures; indicator: IndicatorKey; strong?: boolean; inline?: boolean }) {
  const f = row.indicators[indicator];
  const measured = f?.rate != null;
  return (
    <View className={`dash-rate${strong ? ' dash-rate--strong' : ''}${inline ? ' dash-rate--inline' : ''}`}>
      <View className={`dash-rate__value${measured ? '' : ' dash-rate__value--empty'}`}>{formatRate(f?.rate)}</View>
      {measured ? <View className="dash-rate__fraction">{fractionText(f)}</View> : null}
    </View>
  );
}

/** Desk layout: one row per child, a column per indicator and per key count; a rate's header ranks on it, its ⓘ explains it. */
function ChildrenTable(props: { rows: DashboardChildRow[]; indicators: IndicatorKey[]; rankBy: IndicatorKey; onOpen: (r: DashboardChildRow) => void; onRank: (k: IndicatorKey) => void; onInfo: (k: IndicatorKey) => void }) {
  const { rows, indicators, rankBy, onOpen, onRank, onInfo } = props;
  return (
    <View className="off-table__scroll">
      <View className="off-table dash-table">
        <View className="off-table__row off-table__row--head">
          <View className="off-table__cell dash-table__rank">排名</View>
          <View className="off-table__cell off-table__cell--name">名称</View>
          <View className="off-table__cell dash-table__count">企业数</View>
          {indicators.map((k) => (
            <View key={k} className={`off-table__cell dash-table__rate dash-table__sort${k === rankBy ? ' dash-table__ranked' : ''}`} onClick={() => onRank(k)}>
              {`${INDICATORS[k].label}${k === rankBy ? ' ▼' : ''}`}
              <View
                className="dash-table__info"
                onClick={(e) => {
                  e.stopPropagation();
                  onInfo(k);
                }}
              >
                ⓘ
              </View>
            </View>
          ))}
          {COUNT_COLUMNS.map((c) => (
            <View key={c.key} className="off-table__cell dash-table__count">
              {c.label}
            </View>
          ))}
        </View>
        {rows.map((r) => (
          <View key={r.code} className="off-table__row dash-child" onClick={() => onOpen(r)}>
            <View className={`off-table__cell dash-table__rank${r.rank === null ? ' dash-table__unranked' : ''}`}>{r.rank === null ? '—' : r.rank}</View>
            <View className="off-table__cell off-table__cell--name dash-child__name">{`${r.name} ›`}</View>
            <View className="off-table__cell dash-table__count">{businessCount(r)}</View>
            {indicators.map((k) => (
              <View key={k} className={`off-table__cell dash-table__rate${k === rankBy ? ' dash-table__ranked' : ''}`}>
                <RateCell row={r} indicator={k} />
              </View>
            ))}
            {COUNT_COLUMNS.map((c) => {
              const v = c.value(r);
              return (
                <View key={c.key} className={`off-table__cell dash-table__count${c.alarm && v > 0 ? ' dash-table__alarm' : ''}`}>
                  {v}
                </View>
              );
            })}
          </View>
        ))}
      </View>
    </View>
  );
}

/** Phone layout: one card per child, the ranked indicator first; a division without businesses in one line. */
function ChildrenCards({ rows, indicators, rankBy, onOpen }: { rows: DashboardChildRow[]; indicators: IndicatorKey[]; rankBy: IndicatorKey; onOpen: (r: DashboardChildRow) => void }) {
  const others = indicators.filter((k) => k !== rankBy);
  return (
    <View>
      {rows.map((r) => {
        const none = r.kind === 'region' && hasNoBusiness(r);
        return (
          <View key={r.code} className={`card dash-child dash-child-card${none ? ' dash-child-card--none' : ''}`} onClick={() => onOpen(r)}>
            <View className="dash-child-card__head">
              <View className={`dash-child-card__rank${r.rank === null ? ' dash-child-card__rank--none' : r.rank <= 3 ? ' dash-child-card__rank--top' : ''}`}>{rankText(r.rank)}</View>
              <View className="dash-child-card__name dash-child__name">{`${r.name} ›`}</View>
              {r.kind === 'region' ? <View className="dash-child-card__count">{none ? '暂无企业' : `${businessCount(r)} 家`}</View> : null}
            </View>
            {none ? null : (
              <>
                <View className="dash-child-card__main">
                  <View className="dash-child-card__main-label">{INDICATORS[rankBy].label}</View>
                  <RateCell row={r} indicator={rankBy} strong />
                </View>
                <View className="dash-child-card__grid">
                  {others.map((k) => (
                    <View key={k} className="dash-child-card__item">
                      <View className="dash-child-card__item-label">{INDICATORS[k].label}</View>
                      <RateCell row={r} indicator={k} inline />
                    </View>
                  ))}
                </View>
                <View className="dash-child-card__counts">
                  {COUNT_COLUMNS.map((c) => {
                    const v = c.value(r);
                    return <View key={c.key} className={`dash-child-card__count-item${c.alarm && v > 0 ? ' dash-child-card__count-item--alarm' : ''}`}>{`${c.label} ${v}`}</View>;
                  })}
                </View>
              </>
            )}
          </View>
        );
      })}
    </View>
  );
}

/**
 * 数据看板 (?regionCode=, default the caller's region): the region's indicators for a period, late
 * and missed records, problems and rectification orders, the trend, and its divisions (below a
 * village, its businesses) ranked on one indicator — tap a division to go down, a crumb to go up.
 */
export default function DashboardPage() {
  const { session } = useSession();
  const wide = useWideLayout();
  const today = todayInShanghai();
  const initialRegion = useRouter().params.regionCode || undefined;
  const [filters, setFilters] = useState<DashboardFilters>(() => ({ regionCode: initialRegion, ...presetPeriod(DEFAULT_PRESET, today) }));
  const [info, setInfo] = useState<IndicatorKey | null>(null);
  const exporter = useDownload();
  const query = dashboardQuery(filters);
  const dash = useAsync(() => api.stats.dashboard(query), [JSON.stringify(query)], { enabled: !!session });
  const data = dash.data;
  const update = (patch: Partial<DashboardFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const preset = presetOf(filters, today);
  const typeIndex = Math.max(0, TYPE_OPTIONS.findIndex((o) => o.value === filters.type));
  const ranks = rankOptions(data);
  const rankBy = data?.rankBy ?? filters.rankBy ?? 'dailyCheckCompletion';
  const rankIndex = Math.max(0, ranks.findIndex((o) => o.key === rankBy));

  async function exportXlsx(): Promise<void> {
    if (!data) return;
    await exporter.download(() => api.stats.dashboardXlsxSrc(query), exportFileName(data));
  }

  function open(row: DashboardChildRow): void {
    const action = childAction(row);
    if (action.kind === 'drill') update({ regionCode: action.regionCode });
    else navigateTo('official.enterprise', { id: action.id });
  }

  if (!session) return <PageContainer loading />;

  const crumbs = data ? breadcrumb(data) : [];
  const filtered = !!(filters.grade || filters.type);
  const children = data?.children ?? [];
  const childIndicators = indicatorKeysOf(children.length ? children : data ? [data.total] : []);
  const childTitle = children[0]?.kind === 'enterprise' ? '企业排名' : '下级区划排名';

  return (
    <PageContainer className={`dash${wide ? ' off--wide dash--wide' : ''}`}>
      <View className="card dash-head">
        <View className="dash-head__top">
          <View>
            <View className="card__title dash-head__title">{`数据看板 · ${data?.region.name ?? session.user.regionName ?? ''}`}</View>
            <View className="muted">{`${data?.from ?? filters.from} 至 ${data?.to ?? filters.to}`}</View>
            {data ? <View className="muted dash-head__asof">{`数据截至 ${data.asOf}，今日尚未提交的不计漏查`}</View> : null}
          </View>
          <Button size="small" fill="outline" disabled={!data} loading={exporter.busy} onClick={() => void exportXlsx()}>
            导出Excel
          </Button>
        </View>

        {crumbs.length > 1 ? (
          <View className="dash-crumbs">
            {crumbs.map((c, i) => (
              <View key={c.code} className="dash-crumbs__item">
                {i > 0 ? <View className="dash-crumbs__sep">›</View> : null}
                {c.current ? (
                  <View className="dash-crumbs__current">{c.name}</View>
                ) : (
                  <View className="dash-crumbs__link" onClick={() => update({ regionCode: c.code })}>
                    {c.name}
                  </View>
                )}
              </View>
            ))}
          </View>
        ) : null}

        <View className="dash-filter">
          <View className="dash-filter__label">期间</View>
          <View className="dash-filter__chips">
            {PERIOD_PRESETS.map((p) => (
              <Chip key={p.key} label={p.label} active={preset === p.key} onClick={() => update(presetPeriod(p.key, today))} />
            ))}
            <Picker mode="date" value={filters.from} end={filters.to} onChange={(e) => update({ from: String(e.detail.value) })}>
              <View className={`dash-chip dash-chip--date${preset ? '' : ' dash-chip--active'}`}>{filters.from}</View>
            </Picker>
            <View className="dash-filter__to">至</View>
            <Picker mode="date" value={filters.to} start={filters.from} end={today} onChange={(e) => update({ to: String(e.detail.value) })}>
              <View className={`dash-chip dash-chip--date${preset ? '' : ' dash-chip--active'}`}>{filters.to}</View>
            </Picker>
          </View>
        </View>
        <View className="dash-filter">
          <View className="dash-filter__label">等级</View>
          <View className="dash-filter__chips">
            {GRADE_OPTIONS.map((g) => (
              <Chip key={g.label} label={g.label} active={filters.grade === g.value} onClick={() => update({ grade: g.value })} />
            ))}
          </View>
        </View>
        <View className="dash-filter">
          <View className="dash-filter__label">业态</View>
          <Picker mode="selector" range={TYPE_OPTIONS.map((o) => o.label)} value={typeIndex} onChange={(e) => update({ type: TYPE_OPTIONS[Number(e.detail.value)].value })}>
            <View className={`dash-chip dash-chip--select${filters.type ? ' dash-chip--active' : ''}`}>{`${TYPE_OPTIONS[typeIndex].label} ▾`}</View>
          </Picker>
        </View>
      </View>

      {dash.loading && !data ? (
        <View className="page__loading">
          <Loading type="spinner" />
          <View className="page__loading-text">加载中…</View>
        </View>
      ) : dash.error ? (
        <EmptyState kind="error" title="加载失败" description={dash.error} onRetry={() => void dash.reload()} />
      ) : data ? (
        <View className={`dash-body${dash.loading ? ' dash-body--loading' : ''}`}>
          {hasNoBusiness(data.total) ? (
            <EmptyState description={filtered ? `${data.region.name}没有符合筛选条件的企业` : `${data.region.name}暂无企业`} />
          ) : (
            <>
              <IndicatorCards figures={data.total} onInfo={setInfo} />
              <Counts figures={data.total} />
              <TrendChart key={`${data.region.code}|${data.from}|${data.to}|${data.grade ?? ''}|${data.type ?? ''}`} data={data} />
              <View className="dash-children__head">
                <View className="section-title dash-children__title">{`${childTitle}（${children.length}）`}</View>
                <Picker mode="selector" range={ranks.map((o) => o.label)} value={rankIndex} onChange={(e) => update({ rankBy: ranks[Number(e.detail.value)].key })}>
                  <View className="dash-chip dash-chip--select dash-chip--active dash-rankby">{`按${INDICATORS[rankBy].label}排名 ▾`}</View>
                </Picker>
              </View>
              {children.length === 0 ? (
                <View className="card muted">没有下级区划</View>
              ) : wide ? (
                <ChildrenTable rows={children} indicators={childIndicators} rankBy={rankBy} onOpen={open} onRank={(k) => update({ rankBy: k })} onInfo={setInfo} />
              ) : (
                <ChildrenCards rows={children} indicators={childIndicators} rankBy={rankBy} onOpen={open} />
              )}
            </>
          )}
        </View>
      ) : null}
      {info ? <IndicatorInfoDialog indicator={info} onClose={() => setInfo(null)} /> : null}
    </PageContainer>
  );
}
