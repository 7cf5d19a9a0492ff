import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import { CADRE_LEVEL_LABELS, CADRE_LEVELS, CadreLevel, cadreRegionLength, type CadreCreatedDto, type CadreDto } from '@shian/shared';
import { api, errorLines, errorMessage } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { RegionPicker, type RegionValue } from '../../../../components/RegionPicker';
import { usePagedList } from '../../../../hooks/usePagedList';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { navigateTo } from '../../../../platform/nav';
import { PagedListBody } from '../../components/PagedListBody';
import { Chips } from '../../components/SupervisionParts';
import '../../official.css';

const PAGE_SIZE = 20;
const LEVEL_REGION_NAMES: Record<CadreLevel, string> = { [CadreLevel.City]: '市', [CadreLevel.County]: '区县', [CadreLevel.Township]: '乡镇（街道）', [CadreLevel.Village]: '村（社区）' };

interface CadreForm {
  name: string;
  phone: string;
  level?: CadreLevel;
  region: RegionValue | null;
  title: string;
}

/** 新增干部: name, phone, level, the region at that level, 职务; the answer's initial password is shown once. */
function CreateCadre({ root, onCreated }: { root?: { code: string; name: string }; onCreated: (c: CadreCreatedDto) => void }) {
  const [form, setForm] = useState<CadreForm>({ name: '', phone: '', region: null, title: '' });
  const [errors, setErrors] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const set = (patch: Partial<CadreForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setErrors([]);
  };
  // The cadre's region is at their level: a 村级 cadre's is a village; the official's own region when it is that level.
  const regionCode = form.region?.code ?? (form.level && root && root.code.length === cadreRegionLength(form.level) ? root.code : '');

  async function submit() {
    if (sending) return;
    const problems: string[] = [];
    if (!form.name.trim()) problems.push('请填写姓名');
    if (!/^1\d{10}$/.test(form.phone.trim())) problems.push('请填写 11 位手机号');
    if (!form.level) problems.push('请选择包保层级');
    else if (regionCode.length !== cadreRegionLength(form.level)) problems.push(`${CADRE_LEVEL_LABELS[form.level]}包保干部的所属区域应选到${LEVEL_REGION_NAMES[form.level]}`);
    setErrors(problems);
    if (problems.length) return;
    setSending(true);
    try {
      onCreated(await api.supervision.cadres.create({ name: form.name.trim(), phone: form.phone.trim(), level: form.level!, regionCode, title: form.title.trim() || null }));
      setForm({ name: '', phone: '', region: null, title: '' });
    } catch (e) {
      setErrors(errorLines(e));
    } finally {
      setSending(false);
    }
  }

  return (
    <View className="card">
      <View className="card__title">新增包保干部</View>
      <View className="sup-form-row">
        <Input value={form.name} placeholder="姓名" maxLength={50} onChange={(name) => set({ name })} />
      </View>
      <View className="sup-form-row">
        <Input value={form.phone} type="digit" placeholder="手机号（登录账号）" maxLength={11} onChange={(phone) => set({ phone })} />
      </View>
      <Chips label="层级" value={form.level} options={CADRE_LEVELS} labels={CADRE_LEVEL_LABELS} all={false} onChange={(level) => set({ level, region: null })} />
      {form.level && !(root && root.code.length === cadreRegionLength(form.level)) ? (
        <View className="sup-form-row">
          <RegionPicker value={form.region} onChange={(region) => set({ region })} root={root} anyLevel placeholder={`所属区域（选到${LEVEL_REGION_NAMES[form.level]}）`} title="所属区域" />
        </View>
      ) : null}
      <View className="sup-form-row">
        <Input value={form.title} placeholder="职务（选填），如：副镇长" maxLength={50} onChange={(title) => set({ title })} />
      </View>
      {errors.map((m) => (
        <View key={m} className="error-text">
          {m}
        </View>
      ))}
      <View className="actions">
        <Button block type="primary" loading={sending} onClick={() => void submit()}>
          开通账号
        </Button>
      </View>
    </View>
  );
}

function CadreRow({ c, onDeactivate }: { c: CadreDto; onDeactivate: () => void }) {
  return (
    <View className="sup-row">
      <View className="sup-row__head">
        <Text className="sup-row__name">{c.name}</Text>
        <View className="sup-row__tags">
          <Tag type="primary">{c.levelLabel}</Tag>
          <Tag type={c.commitmentThisYear ? 'success' : 'warning'}>{c.commitmentThisYear ? '承诺书已签' : '承诺书未签'}</Tag>
          {c.active ? null : <Tag type="default">已停用</Tag>}
        </View>
      </View>
      <View className="muted">{`${c.phone}${c.title ? ` · ${c.title}` : ''} · ${c.regionName}`}</View>
      <View className="muted">{`包保企业 ${c.businesses} 家`}</View>
      {c.active ? (
        <View className="sup-row__actions">
          <Button size="small" fill="outline" onClick={onDeactivate}>
            停用
          </Button>
          <Button size="small" type="primary" onClick={() => navigateTo('official.cadreAssign', { cadreId: c.id })}>
            分配包保
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** 包保干部: the region's cadres, filtered by level and name / phone; 新增干部, 停用, 分配包保. */
export default function CadresPage() {
  const { session } = useSession();
  const { showToast } = useToast();
  const [level, setLevel] = useState<CadreLevel | undefined>();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<CadreCreatedDto | null>(null);
  const list = usePagedList((page, pageSize) => api.supervision.cadres.list({ level, q: q || undefined, page, pageSize }), [level, q], PAGE_SIZE);

  async function deactivate(c: CadreDto) {
    const { confirm } = await Taro.showModal({ title: '停用包保干部', content: `停用后${c.name}不能登录，其包保的 ${c.businesses} 家企业将变为未落实包保。确定停用？`, confirmText: '停用' });
    if (!confirm) return;
    try {
      await api.supervision.cadres.update(c.id, { active: false });
      showToast('已停用', 'success');
      await list.reload();
    } catch (e) {
      showToast(errorMessage(e), 'fail');
    }
  }

  if (!session) return <PageContainer loading />;
  const root = session.user.regionCode ? { code: session.user.regionCode, name: session.user.regionName ?? session.user.regionCode } : undefined;
  return (
    <PageContainer>
      <View className="card">
        <View className="row row--between">
          <View>
            <View className="card__title">包保干部</View>
            <View className="muted">{session.user.regionName ?? '全部地区'}</View>
          </View>
          <Button size="small" type="primary" fill={adding ? 'outline' : 'solid'} onClick={() => setAdding(!adding)}>
            {adding ? '收起' : '新增干部'}
          </Button>
        </View>
        <View className="sup-search">
          <Input value={text} placeholder="姓名或手机号" maxLength={50} clearable onChange={setText} onClear={() => { setText(''); setQ(''); }} onConfirm={() => setQ(text.trim())} />
          <Button size="small" type="primary" onClick={() => setQ(text.trim())}>
            搜索
          </Button>
        </View>
        <Chips label="层级" value={level} options={CADRE_LEVELS} labels={CADRE_LEVEL_LABELS} onChange={setLevel} />
      </View>

      {created ? (
        <View className="card">
          <View className="card__title">{`已开通：${created.cadre.name}（${created.cadre.levelLabel}）`}</View>
          <View className="sup-password">
            <View>{`登录账号：${created.cadre.phone}`}</View>
            <View>
              初始密码：<Text className="sup-password__value">{created.initialPassword}</Text>
            </View>
            <View className="muted">初始密码只显示这一次，请告知本人，登录后尽快修改。</View>
          </View>
          <View className="actions">
            <Button block fill="outline" onClick={() => setCreated(null)}>
              我已记下
            </Button>
          </View>
        </View>
      ) : null}
      {adding ? (
        <CreateCadre
          root={root}
          onCreated={(c) => {
            setCreated(c);
            setAdding(false);
            void list.reload();
          }}
        />
      ) : null}

      <PagedListBody list={list} empty={q || level ? '没有符合条件的包保干部' : '本辖区暂无包保干部'} summary={`共 ${list.total} 名包保干部`}>
        <View className="card">
          {list.items.map((c) => (
            <CadreRow key={c.id} c={c} onDeactivate={() => void deactivate(c)} />
          ))}
        </View>
      </PagedListBody>
    </PageContainer>
  );
}
