import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  CADRE_LEVEL_LABELS,
  CADRE_LEVELS,
  DEFAULT_GRADE_CADRE_LEVEL,
  Grade,
  Role,
  SUPERVISION_FREQUENCIES,
  type CadreLevel,
  type SupervisionFrequency,
} from '@shian/shared';
import { api, errorMessage } from '../../../../api';
import { PageContainer } from '../../../../components/PageContainer';
import { RegionPicker, type RegionValue } from '../../../../components/RegionPicker';
import { useAsync } from '../../../../hooks/useAsync';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { Chips } from '../../components/SupervisionParts';
import '../../official.css';

const GRADES = [Grade.A, Grade.B, Grade.C, Grade.D];
const GRADE_LABELS: Record<Grade, string> = { [Grade.A]: 'A级', [Grade.B]: 'B级', [Grade.C]: 'C级', [Grade.D]: 'D级' };
const FREQUENCY_LABELS: Record<SupervisionFrequency, string> = { quarter: '每季度', half_year: '每半年', year: '每年' };

/** 包保设置: how often each grade is visited (an admin sets it for the whole system) and the region's own grade → level rule. */
export default function SupervisionSettingsPage() {
  const { session } = useSession();
  const { showToast } = useToast();
  const settings = useAsync(() => api.supervision.settings.get(), [], { enabled: !!session });
  const [region, setRegion] = useState<RegionValue | null>(null);
  const [grade, setGrade] = useState<Grade | undefined>();
  const [level, setLevel] = useState<CadreLevel | undefined>();
  const [saving, setSaving] = useState(false);
  const data = settings.data;
  const admin = session?.user.role === Role.Admin;

  async function save(run: () => Promise<unknown>, done: string) {
    if (saving) return;
    setSaving(true);
    try {
      await run();
      showToast(done, 'success');
      await settings.reload();
    } catch (e) {
      showToast(errorMessage(e), 'fail');
    } finally {
      setSaving(false);
    }
  }

  if (!session) return <PageContainer loading />;
  const root = session.user.regionCode ? { code: session.user.regionCode, name: session.user.regionName ?? session.user.regionCode } : undefined;
  const overrideRegion = region?.code ?? root?.code ?? '';
  return (
    <PageContainer loading={settings.loading && !data} error={data ? null : settings.error} onRetry={() => void settings.reload()}>
      {data ? (
        <View>
          <View className="section-title">督导频次</View>
          <View className="card">
            <View className="muted">{admin ? '各风险等级企业的督导周期，全系统适用。' : '各风险等级企业的督导周期，由系统管理员设置。'}</View>
            {GRADES.map((g) =>
              admin ? (
                <Chips
                  key={g}
                  label={GRADE_LABELS[g]}
                  value={data.frequencies[g]}
                  options={SUPERVISION_FREQUENCIES}
                  labels={FREQUENCY_LABELS}
                  all={false}
                  onChange={(f) => f && f !== data.frequencies[g] && void save(() => api.supervision.settings.frequencies({ frequencies: { [g]: f } }), `${GRADE_LABELS[g]}企业改为${FREQUENCY_LABELS[f]}督导`)}
                />
              ) : (
                <View key={g} className="sup-row sup-row__head">
                  <Text>{`${GRADE_LABELS[g]}企业`}</Text>
                  <Text>{FREQUENCY_LABELS[data.frequencies[g]]}</Text>
                </View>
              ),
            )}
          </View>

          <View className="section-title">包保层级</View>
          <View className="card">
            <View className="muted">{`默认：${GRADES.map((g) => `${g}级→${CADRE_LEVEL_LABELS[DEFAULT_GRADE_CADRE_LEVEL[g]]}`).join('，')}。下级区划可另行规定，以最近一级的规定为准。`}</View>
            {data.levelOverrides.length === 0 ? <View className="sup-form-row muted">本辖区未另行规定</View> : null}
            {data.levelOverrides.map((o) => (
              <View key={`${o.regionCode}-${o.grade}`} className="sup-row">
                <View className="sup-row__head">
                  <Text>{`${o.regionCode} · ${o.grade}级 → ${CADRE_LEVEL_LABELS[o.level]}`}</Text>
                  <Text className="link" onClick={() => void save(() => api.supervision.settings.levelOverride({ regionCode: o.regionCode, grade: o.grade, level: null }), '已恢复默认')}>
                    恢复默认
                  </Text>
                </View>
              </View>
            ))}
          </View>
          {admin ? null : (
            <View className="card">
              <View className="card__title">另行规定</View>
              <View className="sup-form-row">
                <RegionPicker value={region} onChange={setRegion} root={root} anyLevel placeholder={`区划（默认${root?.name ?? '本辖区'}）`} title="选择区划" />
              </View>
              <Chips label="等级" value={grade} options={GRADES} labels={GRADE_LABELS} all={false} onChange={setGrade} />
              <Chips label="层级" value={level} options={CADRE_LEVELS} labels={CADRE_LEVEL_LABELS} all={false} onChange={setLevel} />
              <View className="actions">
                <Button
                  block
                  type="primary"
                  disabled={!grade || !level || !overrideRegion}
                  loading={saving}
                  onClick={() => grade && level && void save(() => api.supervision.settings.levelOverride({ regionCode: overrideRegion, grade, level }), '已保存')}
                >
                  保存
                </Button>
              </View>
            </View>
          )}
        </View>
      ) : null}
    </PageContainer>
  );
}
