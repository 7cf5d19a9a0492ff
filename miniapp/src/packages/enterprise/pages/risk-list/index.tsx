import { useMemo, useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Dialog, Input, Radio, RadioGroup, TextArea } from '@nutui/nutui-react-taro';
import {
  CONTROL_CHECK_LABELS,
  CONTROL_FREQUENCIES,
  DEFAULT_OWNER,
  RISK_ITEM_TEXT_LIMITS,
  RISK_TYPES,
  Role,
  validateApplicability,
  validateCustomItem,
  type ControlFrequency,
  type EnterpriseRiskItem,
  type RiskItemAddRequest,
  type RiskListDto,
} from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { formatShanghaiDateTime } from '../../../../platform/format';
import { uuidV4 } from '../../../../platform/uuid';
import { groupByStage, riskListCounts } from '../../risk-list';
import './index.css';

/** Only the director (食品安全总监) and the principal (主要负责人) adapt the list; the server enforces it too. */
const EDITORS: readonly Role[] = [Role.Director, Role.Principal];

/** The server's messages for a refused edit, or the one message. */
function editErrorLines(e: unknown): string[] {
  if (e instanceof ApiError && e.fieldErrors.length > 0) return e.fieldErrors.map((f) => f.message);
  return [errorMessage(e)];
}

function RiskItemCard(props: { item: EnterpriseRiskItem; canEdit: boolean; onToggle: (item: EnterpriseRiskItem) => void }) {
  const { item, canEdit, onToggle } = props;
  return (
    <View className={`rl__item${item.applicable ? '' : ' rl__item--na'}`} id={`risk-${item.code}`}>
      <View className="rl__item-head">
        <Text className="rl__code">{item.code}</Text>
        <Text className="rl__badge">{item.riskType}</Text>
        {item.custom ? <Text className="rl__badge rl__badge--custom">自定义</Text> : null}
        {item.applicable ? null : <Text className="rl__badge rl__badge--na">不适用</Text>}
      </View>
      <View className="rl__measure">{item.measure}</View>
      <View className="rl__line">{`风险点：${item.riskPoint}`}</View>
      <View className="rl__line">{`检查方法：${item.method}`}</View>
      {canEdit ? (
        <View className="rl__item-actions">
          <Button size="small" fill="outline" type={item.applicable ? 'default' : 'primary'} onClick={() => onToggle(item)}>
            {item.applicable ? '标记不适用' : '恢复适用'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** 标记不适用 / 恢复适用 with a reason; one Idempotency-Key per dialog, reused when retrying. */
function ApplicabilityDialog(props: { list: RiskListDto; item: EnterpriseRiskItem; onDone: (next: RiskListDto) => void; onClose: () => void; onStale: () => void }) {
  const { list, item, onDone, onClose, onStale } = props;
  const applicable = !item.applicable;
  const [key] = useState(uuidV4);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);

  async function confirm(): Promise<void> {
    const problems = validateApplicability(list.items, item.code, applicable).map((p) => p.message);
    if (!reason.trim()) problems.push(applicable ? '请填写恢复适用的原因' : '请填写不适用的原因');
    if (problems.length) {
      setErrors(problems);
      throw new Error('invalid');
    }
    try {
      const next = await api.riskLists.setApplicability(item.code, { applicable, reason: reason.trim() }, key);
      onDone(next);
    } catch (e) {
      setErrors(editErrorLines(e));
      if (e instanceof ApiError && e.status === 409) onStale();
      throw e;
    }
  }

  return (
    <Dialog
      visible
      title={`${applicable ? '恢复适用' : '标记不适用'}：${item.code}`}
      confirmText="确认"
      cancelText="取消"
      onConfirm={confirm}
      onCancel={onClose}
      onClose={onClose}
    >
      <View className="rl__dialog">
        <View className="rl__dialog-measure">{item.measure}</View>
        <View className="muted">
          {applicable ? '恢复后，该项将重新出现在检查表中。' : '标记后，该项不再出现在检查表中，清单中保留记录。'}
        </View>
        <TextArea
          className="rl__dialog-reason"
          value={reason}
          placeholder={applicable ? '请填写恢复适用的原因' : '请填写不适用的原因，如：本店不经营该类食品'}
          maxLength={200}
          rows={3}
          onChange={(v) => {
            setReason(v);
            setErrors([]);
          }}
        />
        {errors.map((m) => (
          <View key={m} className="error-text">
            {m}
          </View>
        ))}
      </View>
    </Dialog>
  );
}

type AddForm = Omit<RiskItemAddRequest, 'owner'>;
const EMPTY_FORM: AddForm = { stage: '', riskType: '', riskPoint: '', measure: '', method: '', frequency: 'daily' };

/** 新增管控项: the business's own item (code ZD-nnn assigned by the server). */
function AddItemForm(props: { list: RiskListDto; onDone: (next: RiskListDto) => void; onCancel: () => void; onStale: () => void }) {
  const { list, onDone, onCancel, onStale } = props;
  const [form, setForm] = useState<AddForm>(EMPTY_FORM);
  const [key] = useState(uuidV4);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [other, setOther] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const stages = useMemo(() => groupByStage(list.items).map((g) => g.stage), [list]);

  function set<K extends keyof AddForm>(field: K, value: AddForm[K]) {
    setForm((f) => ({ ...f, [field]: value }));
    setFieldErrors((prev) => {
      if (!prev[field]) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });
  }

  async function save() {
    if (saving) return;
    const problems = validateCustomItem(list.items, { ...form, owner: DEFAULT_OWNER[form.frequency] });
    const byField: Record<string, string> = {};
    const rest: string[] = [];
    for (const p of problems) {
      if (p.field in EMPTY_FORM && !byField[p.field]) byField[p.field] = p.message;
      else rest.push(p.message);
    }
    setFieldErrors(byField);
    setOther(rest);
    if (problems.length) return;
    setSaving(true);
    try {
      const body: RiskItemAddRequest = {
        stage: form.stage.trim(),
        riskType: form.riskType.trim(),
        riskPoint: form.riskPoint.trim(),
        measure: form.measure.trim(),
        method: form.method.trim(),
        frequency: form.frequency,
      };
      onDone(await api.riskLists.addItem(body, key));
    } catch (e) {
      // Network failures keep the form and its key: saving again cannot add the item twice.
      setOther(editErrorLines(e));
      if (e instanceof ApiError && e.status === 409) onStale();
    } finally {
      setSaving(false);
    }
  }

  const fieldError = (field: keyof AddForm) => (fieldErrors[field] ? <View className="error-text">{fieldErrors[field]}</View> : null);

  return (
    <View className="card rl__form" id="risk-add-form">
      <View className="card__title">新增管控项</View>
      <View className="muted">本企业自己识别的风险点，编号由系统生成（ZD-001 起）。</View>

      <View className="rl__label">管控频次</View>
      <RadioGroup value={form.frequency} direction="horizontal" shape="button" onChange={(v) => set('frequency', String(v) as ControlFrequency)}>
        {CONTROL_FREQUENCIES.map((f) => (
          <Radio key={f} value={f} shape="button">
            {CONTROL_CHECK_LABELS[f]}
          </Radio>
        ))}
      </RadioGroup>

      <View className="rl__label">环节</View>
      <Input value={form.stage} placeholder="如：从业人员管理" maxLength={RISK_ITEM_TEXT_LIMITS.stage} onChange={(v) => set('stage', v)} />
      <View className="rl__chips">
        {stages.map((s) => (
          <View key={s} className={`rl__chip${form.stage === s ? ' rl__chip--on' : ''}`} onClick={() => set('stage', s)}>
            {s}
          </View>
        ))}
      </View>
      {fieldError('stage')}

      <View className="rl__label">风险类型</View>
      <RadioGroup value={form.riskType} direction="horizontal" shape="button" onChange={(v) => set('riskType', String(v))}>
        {RISK_TYPES.map((t) => (
          <Radio key={t} value={t} shape="button">
            {t}
          </Radio>
        ))}
      </RadioGroup>
      {fieldError('riskType')}

      <View className="rl__label">风险点</View>
      <TextArea
        value={form.riskPoint}
        placeholder="可能出现的问题，如：外卖打包间有苍蝇"
        maxLength={RISK_ITEM_TEXT_LIMITS.riskPoint}
        rows={2}
        autoSize
        onChange={(v) => set('riskPoint', v)}
      />
      {fieldError('riskPoint')}

      <View className="rl__label">管控措施（检查内容）</View>
      <TextArea
        value={form.measure}
        placeholder="应当做到什么，将作为检查表中的题目"
        maxLength={RISK_ITEM_TEXT_LIMITS.measure}
        rows={2}
        autoSize
        onChange={(v) => set('measure', v)}
      />
      {fieldError('measure')}

      <View className="rl__label">检查方法</View>
      <Input value={form.method} placeholder="如：现场查看" maxLength={RISK_ITEM_TEXT_LIMITS.method} onChange={(v) => set('method', v)} />
      {fieldError('method')}

      {other.map((m) => (
        <View key={m} className="error-text">
          {m}
        </View>
      ))}

      <View className="actions">
        <Button block type="primary" loading={saving} onClick={() => void save()}>
          保存管控项
        </Button>
        <Button block fill="outline" disabled={saving} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

/** The business's 风险管控清单: every item by frequency and stage; the director adapts it, others read it. */
export default function RiskListPage() {
  const { session } = useSession();
  const { showToast } = useToast();
  const canEdit = !!session && EDITORS.includes(session.user.role);
  const list = useAsync(() => api.riskLists.mine(), [], { enabled: !!session, reloadOnShow: true });
  const versions = useAsync(() => api.riskLists.versions(), [], { enabled: !!session });
  const [toggling, setToggling] = useState<EnterpriseRiskItem | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const data = list.data;
  const sections = useMemo(
    () =>
      data
        ? CONTROL_FREQUENCIES.map((frequency) => ({
            frequency,
            items: data.items.filter((i) => i.frequency === frequency),
          })).map((s) => ({ ...s, groups: groupByStage(s.items), due: s.items.filter((i) => i.applicable).length }))
        : [],
    [data],
  );

  function reloadAll() {
    void list.reload();
    void versions.reload();
  }

  function saved(next: RiskListDto) {
    setToggling(null);
    setAdding(false);
    setNotice(`已生成第 ${next.version} 版：${next.changeNote}`);
    showToast(`已生成第 ${next.version} 版`, 'success');
    reloadAll();
  }

  const counts = data ? riskListCounts(data.items) : null;

  return (
    <PageContainer loading={list.loading && !data} error={data ? null : list.error} onRetry={() => void list.reload()}>
      {data && counts ? (
        <View>
          <View className="card">
            <View className="card__title">{`风险管控清单 · 第 ${data.version} 版`}</View>
            <View className="muted">{`日管控 ${counts.daily} 项 / 周排查 ${counts.weekly} 项 / 不适用 ${counts.notApplicable} 项`}</View>
            <View className="muted">{`更新于 ${formatShanghaiDateTime(data.createdAt)}：${data.changeNote}`}</View>
            {canEdit ? (
              adding ? null : (
                <View className="actions">
                  <Button block type="primary" onClick={() => setAdding(true)}>
                    新增管控项
                  </Button>
                </View>
              )
            ) : (
              <View className="rl__readonly">清单由食品安全总监或主要负责人维护；如需调整，请联系他们。</View>
            )}
          </View>

          {notice ? <View className="rl__notice">{notice}</View> : null}

          {adding ? <AddItemForm list={data} onDone={saved} onCancel={() => setAdding(false)} onStale={reloadAll} /> : null}

          {sections.map((section) => (
            <View key={section.frequency}>
              <View className="rl__frequency">{`${CONTROL_CHECK_LABELS[section.frequency]} · 适用 ${section.due} 项`}</View>
              {section.groups.map((group) => (
                <View key={group.stage}>
                  <View className="rl__stage">{group.stage}</View>
                  {group.items.map((item) => (
                    <RiskItemCard key={item.code} item={item} canEdit={canEdit} onToggle={setToggling} />
                  ))}
                </View>
              ))}
            </View>
          ))}

          <View className="rl__frequency">版本记录</View>
          <View className="card rl__versions">
            {versions.error && !versions.data ? (
              <View className="error-text" onClick={() => void versions.reload()}>
                {`${versions.error}（点击重试）`}
              </View>
            ) : null}
            {(versions.data ?? []).map((v) => (
              <View key={v.version} className="rl__version">
                <View className="rl__version-head">
                  <Text className="rl__version-no">{`第 ${v.version} 版`}</Text>
                  <Text className="muted">{formatShanghaiDateTime(v.createdAt)}</Text>
                </View>
                <View className="rl__version-note">{v.changeNote}</View>
              </View>
            ))}
          </View>

          {toggling ? (
            <ApplicabilityDialog list={data} item={toggling} onDone={saved} onClose={() => setToggling(null)} onStale={reloadAll} />
          ) : null}
        </View>
      ) : null}
    </PageContainer>
  );
}
