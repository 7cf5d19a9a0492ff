import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Grade, type AssignmentRefusal } from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { formatBusinessDate } from '../../../../platform/format';
import { useWorkbookImport } from '../../../../hooks/useWorkbookImport';
import { PagedListBody } from '../../components/PagedListBody';
import { ReasonDialog } from '../../components/ReasonDialog';
import { Chips } from '../../components/SupervisionParts';
import '../../official.css';

const GRADES = [Grade.A, Grade.B, Grade.C, Grade.D];
const GRADE_LABELS: Record<Grade, string> = { [Grade.A]: 'A级', [Grade.B]: 'B级', [Grade.C]: 'C级', [Grade.D]: 'D级' };

/** The refused businesses of a 400 answer, whether the details are the list or carry it. */
function refusalsOf(e: unknown): AssignmentRefusal[] {
  if (!(e instanceof ApiError) || !e.details) return [];
  const raw = Array.isArray(e.details) ? e.details : (e.details as Record<string, unknown>).refusals;
  return Array.isArray(raw) ? raw.filter((r): r is AssignmentRefusal => !!r && typeof (r as AssignmentRefusal).reason === 'string') : [];
}

/** 导入 .xlsx: the template, the file, the per-row report. */
function AssignmentImport({ onImported }: { onImported: () => void }) {
  const { file, result: report, importing: busy, downloadTemplate: template, pick, runImport } = useWorkbookImport({
    templateSrc: api.supervision.assignments.importTemplateSrc,
    templateName: '包保分配导入模板.xlsx',
    send: api.supervision.assignments.import,
  });
  async function run() {
    const r = await runImport();
    if (r?.assigned) onImported();
  }
  return (
    <View className="card">
      <View className="card__title">批量导入包保关系</View>
      <View className="muted">按模板每行填写一家企业和包保干部；有问题的行整行不导入，下方列出行号和原因。</View>
      <View className="muted">{file ? `已选择：${file.name ?? '表格文件'}` : '尚未选择文件'}</View>
      <View className="sup-row__actions">
        <Button size="small" fill="outline" onClick={() => void template()}>
          下载模板
        </Button>
        <Button size="small" fill="outline" disabled={busy} onClick={() => void pick()}>
          选择 .xlsx 文件
        </Button>
        <Button size="small" type="primary" disabled={!file} loading={busy} onClick={() => void run()}>
          导入
        </Button>
      </View>
      {report ? (
        <View>
          <View className="sup-form-row">{`共 ${report.rows} 行，分配 ${report.assigned} 家，未导入 ${new Set(report.errors.map((x) => x.row)).size} 行`}</View>
          {report.errors.map((x, i) => (
            <View key={`${x.row}-${x.field}-${i}`} className="sup-refusal">
              <View>{`第 ${x.row} 行 · ${x.field}`}</View>
              <View className="sup-refusal__why">{x.message}</View>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

/** 分配包保 of one cadre (?cadreId=): the businesses they answer for (移出 with a reason), choosing more from the region, the refusals with reasons; .xlsx import. */
export default function CadreAssignPage() {
  const { session } = useSession();
  const { showToast } = useToast();
  const cadreId = useRouter().params.cadreId ?? '';
  const cadre = useAsync(() => api.supervision.cadres.get(cadreId), [cadreId], { enabled: !!session && !!cadreId });
  const current = useAsync(() => api.supervision.assignments.list({ cadreId, pageSize: 100 }), [cadreId], { enabled: !!session && !!cadreId });
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [grade, setGrade] = useState<Grade | undefined>();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [refusals, setRefusals] = useState<AssignmentRefusal[]>([]);
  const [sending, setSending] = useState(false);
  const [ending, setEnding] = useState<{ id: string; name: string } | null>(null);
  const search = usePagedList((page, pageSize) => api.directory.list({ q: q || undefined, grade, page, pageSize }), [q, grade], 20);
  const mine = new Set((current.data?.items ?? []).map((a) => a.enterpriseId));
  const chosenIds = Object.keys(chosen);

  async function assign() {
    if (sending || chosenIds.length === 0) return;
    setSending(true);
    setRefusals([]);
    try {
      const res = await api.supervision.assignments.create({ cadreId, enterpriseIds: chosenIds });
      showToast(`已分配 ${res.assigned.length} 家企业`, 'success');
      setChosen({});
      await Promise.all([current.reload(), cadre.reload()]);
    } catch (e) {
      const r = refusalsOf(e);
      setRefusals(r);
      showToast(r.length ? `有 ${r.length} 家企业不能分配给该干部，均未分配` : errorMessage(e), 'fail');
    } finally {
      setSending(false);
    }
  }

  if (!cadreId) return <PageContainer error="请从包保干部列表选择干部" />;
  const c = cadre.data;
  return (
    <PageContainer loading={cadre.loading && !c} error={c ? null : cadre.error} onRetry={() => void cadre.reload()}>
      {c ? (
        <View>
          <View className="card">
            <View className="card__title">{`${c.name}（${c.levelLabel}）`}</View>
            <View className="muted">{`${c.regionName}${c.title ? ` · ${c.title}` : ''} · 包保企业 ${c.businesses} 家`}</View>
          </View>

          <View className="section-title">{`已包保的企业（${current.data?.total ?? '…'}）`}</View>
          <View className="card">
            {current.data && current.data.items.length === 0 ? <View className="muted">尚未分配企业</View> : null}
            {(current.data?.items ?? []).map((a) => (
              <View key={a.enterpriseId} className="sup-row">
                <View className="sup-row__head">
                  <Text className="sup-row__name">{a.enterpriseName}</Text>
                  <Text className="link" onClick={() => setEnding({ id: a.enterpriseId, name: a.enterpriseName })}>
                    移出
                  </Text>
                </View>
                <View className="muted">{`${a.grade}级 · ${a.regionName} · ${formatBusinessDate(a.assignedDate)} 分配`}</View>
              </View>
            ))}
          </View>

          <View className="section-title">分配企业</View>
          <View className="card">
            <View className="muted">{`${c.levelLabel}干部包保的企业须在其所属区域内，且风险等级对应该层级；不符合的企业会列出原因，本次均不分配。`}</View>
            <View className="sup-search">
              <Input value={text} placeholder="企业名称或统一社会信用代码" maxLength={100} clearable onChange={setText} onClear={() => { setText(''); setQ(''); }} onConfirm={() => setQ(text.trim())} />
              <Button size="small" type="primary" onClick={() => setQ(text.trim())}>
                搜索
              </Button>
            </View>
            <Chips label="等级" value={grade} options={GRADES} labels={GRADE_LABELS} onChange={setGrade} />
          </View>
          <PagedListBody list={search} empty="没有符合条件的企业" summary={`共 ${search.total} 家企业，已选 ${chosenIds.length} 家`}>
            <View className="card">
              {search.items.map((e) => {
                const on = !!chosen[e.id];
                const already = mine.has(e.id);
                return (
                  <View
                    key={e.id}
                    className="sup-check"
                    onClick={() => {
                      if (already) return;
                      setRefusals([]);
                      setChosen((all) => {
                        const next = { ...all };
                        if (next[e.id]) delete next[e.id];
                        else next[e.id] = e.name;
                        return next;
                      });
                    }}
                  >
                    <View className={`sup-check__box${already ? ' sup-check__box--fixed' : on ? ' sup-check__box--on' : ''}`}>{on || already ? '✓' : ''}</View>
                    <View className="sup-check__text">
                      <View>{e.name}</View>
                      <View className="muted">{`${e.grade ? `${e.grade}级` : '未定级'} · ${e.regionName ?? e.regionCode}${already ? ' · 已由该干部包保' : ''}`}</View>
                    </View>
                  </View>
                );
              })}
            </View>
          </PagedListBody>
          {refusals.length ? (
            <View className="card">
              <View className="card__title">以下企业不能分配</View>
              {refusals.map((r) => (
                <View key={r.enterpriseId} className="sup-refusal">
                  <View>{r.enterpriseName ?? chosen[r.enterpriseId] ?? r.enterpriseId}</View>
                  <View className="sup-refusal__why">{r.reason}</View>
                </View>
              ))}
            </View>
          ) : null}
          <View className="actions">
            <Button block type="primary" size="large" disabled={chosenIds.length === 0} loading={sending} onClick={() => void assign()}>
              {`分配所选企业（${chosenIds.length}）`}
            </Button>
          </View>

          <View className="section-title">批量导入</View>
          <AssignmentImport onImported={() => void Promise.all([current.reload(), cadre.reload()])} />

          {ending ? (
            <ReasonDialog
              title="移出包保企业"
              subject={ending.name}
              placeholder="请填写原因，如：企业已注销、改由其他干部包保"
              confirmText="确认移出"
              emptyMessage="请填写移出原因"
              onClose={() => setEnding(null)}
              onConfirm={async (reason) => {
                await api.supervision.assignments.end(ending.id, reason);
                showToast('已移出，该企业变为未落实包保', 'success');
                setEnding(null);
                await Promise.all([current.reload(), cadre.reload()]);
              }}
            />
          ) : null}
        </View>
      ) : null}
    </PageContainer>
  );
}
