import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import {
  BUSINESS_TYPE_LABELS,
  CHECK_RESULT_LABELS,
  CheckResult,
  ROLE_LABELS,
  type DailyCheckDto,
  type DailyCheckItemRecord,
  type EnterpriseDto,
  type MonthlyReviewDto,
  type WeeklyInvestigationDto,
} from '@shian/shared';
import { api } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { RecordPhotos } from '../../../../components/RecordPhotos';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { formatBusinessDate, formatMonth, formatShanghaiDateTime, formatWeek } from '../../../../platform/format';
import './index.css';

type PrintType = 'daily_check' | 'weekly_investigation' | 'monthly_review';

type Loaded =
  | { type: 'daily_check'; record: DailyCheckDto }
  | { type: 'weekly_investigation'; record: WeeklyInvestigationDto }
  | { type: 'monthly_review'; record: MonthlyReviewDto };

const TITLES: Record<PrintType, string> = {
  daily_check: '每日食品安全检查记录',
  weekly_investigation: '每周食品安全排查治理报告',
  monthly_review: '每月食品安全调度会议纪要',
};

async function load(type: string, id: string): Promise<Loaded> {
  if (!id) throw new Error('缺少记录编号');
  switch (type) {
    case 'daily_check':
      return { type, record: await api.dailyChecks.get(id) };
    case 'weekly_investigation':
      return { type, record: await api.weeklyInvestigations.get(id) };
    case 'monthly_review':
      return { type, record: await api.monthlyReviews.get(id) };
    default:
      throw new Error('记录类型无效');
  }
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="pr-info__row">
      <Text className="pr-info__label">{label}</Text>
      <Text className="pr-info__value">{children}</Text>
    </View>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="pr-section">
      <View className="pr-section__title">{title}</View>
      {children}
    </View>
  );
}

/** Every answered item in one table: 环节, what was checked, the result, and for 不符合 the problem, the measure and photos. */
function ItemsTable({ items }: { items: readonly DailyCheckItemRecord[] }) {
  return (
    <View className="pr-table">
      <View className="pr-table__row pr-table__row--head">
        <Text className="pr-table__cell pr-table__cell--no">序号</Text>
        <Text className="pr-table__cell pr-table__cell--stage">环节</Text>
        <Text className="pr-table__cell pr-table__cell--question">检查内容</Text>
        <Text className="pr-table__cell pr-table__cell--result">结果</Text>
        <Text className="pr-table__cell pr-table__cell--note">问题与措施</Text>
      </View>
      {items.map((item, i) => {
        const failed = item.result === CheckResult.Fail;
        return (
          <View key={item.code} className={`pr-table__row${failed ? ' pr-table__row--fail' : ''}`}>
            <Text className="pr-table__cell pr-table__cell--no">{i + 1}</Text>
            <Text className="pr-table__cell pr-table__cell--stage">{item.stage}</Text>
            <Text className="pr-table__cell pr-table__cell--question">{item.question || item.code}</Text>
            <Text className="pr-table__cell pr-table__cell--result">{CHECK_RESULT_LABELS[item.result] ?? item.result}</Text>
            <View className="pr-table__cell pr-table__cell--note">
              {failed ? <View>{`问题：${item.problem ?? ''}；措施：${item.measure ?? ''}；当场整改：${item.fixedOnSpot ? '是' : '否'}`}</View> : null}
              {item.photoIds?.length ? <RecordPhotos ids={item.photoIds} /> : null}
            </View>
          </View>
        );
      })}
    </View>
  );
}

function Lines({ lines, empty = '无' }: { lines: readonly string[]; empty?: string }) {
  if (!lines.length) return <View className="pr-text">{empty}</View>;
  return (
    <View>
      {lines.map((l, i) => (
        <View key={i} className="pr-text">{`${i + 1}. ${l}`}</View>
      ))}
    </View>
  );
}

function Body({ loaded }: { loaded: Loaded }) {
  switch (loaded.type) {
    case 'daily_check': {
      const c = loaded.record;
      return (
        <>
          <Section title={`检查项目（${c.items.length} 项，不符合 ${c.problemCount} 项${c.zeroRisk ? '，零风险报告' : ''}）`}>
            <ItemsTable items={c.items} />
          </Section>
          <Section title="备注">
            <View className="pr-text">{c.remarks || '无'}</View>
          </Section>
        </>
      );
    }
    case 'weekly_investigation': {
      const w = loaded.record;
      const s = w.summary;
      return (
        <>
          <Section title="本周日管控情况">
            <View className="pr-text">{`${formatBusinessDate(s.from)} 至 ${formatBusinessDate(s.to)}：已检查 ${s.days.checked} 天（迟交 ${s.days.late} 天），漏查 ${s.days.missed} 天；发现问题 ${s.problems.found} 个，已整改 ${s.problems.fixed} 个，待整改 ${s.problems.open} 个。`}</View>
          </Section>
          <Section title={`排查项目（${w.items.length} 项）`}>
            <ItemsTable items={w.items} />
          </Section>
          <Section title={`本周发现的隐患（${w.hazards.length}）`}>
            {w.hazards.length === 0 ? <View className="pr-text">无</View> : null}
            {w.hazards.map((h, i) => (
              <View key={i} className="pr-text">
                {`${i + 1}. ${h.description}`}
                {h.photoIds?.length ? <RecordPhotos ids={h.photoIds} /> : null}
              </View>
            ))}
          </Section>
          <Section title={`整改措施（${w.measures.length}）`}>
            <Lines lines={w.measures.map((m) => `${m.description}（责任人：${m.owner}，期限：${formatBusinessDate(m.deadline)}）`)} />
          </Section>
          <Section title={`处理的问题（${w.resolutions.length}）`}>
            <Lines lines={w.resolutions.map((r) => `${formatBusinessDate(r.businessDate)} ${r.description} —— ${r.resolution}`)} />
          </Section>
          <Section title="下周工作要求">
            <View className="pr-text">{w.nextWeekRequirements || '无'}</View>
          </Section>
        </>
      );
    }
    case 'monthly_review': {
      const m = loaded.record;
      const r = m.report;
      return (
        <>
          <Section title="食品安全总监汇报">
            <View className="pr-text">{`本月已检查 ${r.days.checked} 天（迟交 ${r.days.late} 天），漏查 ${r.days.missed} 天；发现问题 ${r.problems.found} 个，已整改 ${r.problems.fixed} 个，待整改 ${r.problems.open} 个；周排查 ${r.weeklyDone}/${r.weeks.length} 周。`}</View>
            <Lines lines={r.weeks.map((w) => `${formatWeek(w.week)}：${w.investigationId ? `${w.investigatorName ?? ''}排查${w.late ? '（迟交）' : ''}${w.hazards.length ? `，隐患：${w.hazards.join('；')}` : ''}` : '未排查'}`)} />
          </Section>
          <Section title="会议讨论">
            <View className="pr-text">{m.discussion || '无'}</View>
          </Section>
          <Section title="会议决定">
            <Lines lines={m.decisions} />
          </Section>
          <Section title="下月重点工作">
            <Lines lines={m.nextMonthWork} />
          </Section>
        </>
      );
    }
  }
}

/** Who signed, for which period: the header rows that differ by record. */
function periodRows(loaded: Loaded): Array<[string, string]> {
  switch (loaded.type) {
    case 'daily_check':
      return [
        ['营业日期', formatBusinessDate(loaded.record.businessDate)],
        ['检查人（食品安全员）', loaded.record.officerName],
      ];
    case 'weekly_investigation':
      return [
        ['周次', formatWeek(loaded.record.week)],
        ['排查人', `${loaded.record.investigatorName}（${ROLE_LABELS[loaded.record.investigatorRole] ?? ''}）`],
      ];
    case 'monthly_review':
      return [
        ['月份', formatMonth(loaded.record.month)],
        ['会议时间、地点', `${formatBusinessDate(loaded.record.meetingDate)} · ${loaded.record.place}`],
        ['主持人（主要负责人）', loaded.record.chairName],
        ['参会人员', loaded.record.attendees.join('、')],
      ];
  }
}

function Header({ loaded, enterprise }: { loaded: Loaded; enterprise: EnterpriseDto | null }) {
  const r = loaded.record;
  return (
    <View className="pr-info">
      <Row label="企业名称">{r.enterpriseName}</Row>
      {enterprise ? (
        <>
          <Row label="统一社会信用代码">{enterprise.uscc}</Row>
          <Row label="许可证编号">{`${enterprise.licenceNo}（${BUSINESS_TYPE_LABELS[enterprise.businessType]}）`}</Row>
          <Row label="经营地址">{enterprise.address}</Row>
        </>
      ) : null}
      {periodRows(loaded).map(([label, value]) => (
        <Row key={label} label={label}>
          {value}
        </Row>
      ))}
      <Row label="签署时间">{`${formatShanghaiDateTime(r.submittedAt)}${r.late ? '（迟交）' : ''}`}</Row>
      <Row label="版本">{`第 ${r.version} 版${r.isCurrent ? '' : '（已被更正）'}${r.amendReason ? `，更正原因：${r.amendReason}` : ''}`}</Row>
    </View>
  );
}

/** A record laid out for A4 (?type=&id=): what was checked and found, who signed when, the content hash; 「打印」 on H5. */
export default function RecordPrintPage() {
  const { session } = useSession();
  const { type = '', id = '' } = useRouter().params;
  const state = useAsync(() => load(type, id), [type, id], { enabled: !!session });
  const enterpriseId = state.data?.record.enterpriseId ?? '';
  // The profile adds the licence lines; the record prints without them if it fails.
  const enterprise = useAsync(() => api.directory.enterprise(enterpriseId), [enterpriseId], { enabled: !!enterpriseId });
  const loaded = state.data;
  return (
    <PageContainer className="pr-page" loading={state.loading && !loaded} error={loaded ? null : state.error} onRetry={() => void state.reload()}>
      {loaded ? (
        <View className="pr-sheet">
          {process.env.TARO_ENV === 'h5' ? (
            <View className="pr-actions">
              <Button type="primary" onClick={() => window.print()}>
                打印
              </Button>
            </View>
          ) : null}
          <View className="pr-title">{TITLES[loaded.type]}</View>
          <Header loaded={loaded} enterprise={enterprise.data ?? null} />
          <Body loaded={loaded} />
          <View className="pr-sign">
            <Text>{`签字确认：${loaded.type === 'daily_check' ? loaded.record.officerName : loaded.type === 'weekly_investigation' ? loaded.record.investigatorName : loaded.record.chairName}（以账号在 ${formatShanghaiDateTime(loaded.record.submittedAt)} 电子签署）`}</Text>
          </View>
          <View className="pr-footer">
            <View>{`内容哈希（SHA-256）：${loaded.record.contentHash}`}</View>
            <View>{`记录编号：${loaded.record.id} · 第 ${loaded.record.version} 版 · 该哈希已链入企业记录哈希链，记录内容如有改动即无法通过校验`}</View>
          </View>
        </View>
      ) : null}
    </PageContainer>
  );
}
