import { useMemo, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Input, Radio, RadioGroup } from '@nutui/nutui-react-taro';
import {
  CREDENTIAL_KIND_LABELS,
  CredentialKind,
  MAX_PAGE_SIZE,
  ROLE_LABELS,
  todayInShanghai,
  type CredentialCreateRequest,
} from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { FormField, FormSummary } from '../../../../components/FormField';
import { PageContainer } from '../../../../components/PageContainer';
import { PhotoPicker, photosSettled, uploadedFileIds, type PickedPhoto } from '../../../../components/PhotoPicker';
import { CREDENTIAL_ISSUED_LABELS, CREDENTIAL_KINDS, currentCredentials } from '../../../../components/roster-rules';
import { useAsync } from '../../../../hooks/useAsync';
import { useFieldErrors } from '../../../../hooks/useFieldErrors';
import { useSession } from '../../../../hooks/useSession';
import { useToast } from '../../../../hooks/useToast';
import { navigateBackOr } from '../../../../platform/nav';
import { uuidV4 } from '../../../../platform/uuid';
import './index.css';

const MAX_FILES = 10;

type Field = 'issuedOn' | 'validUntil' | 'trainingHours' | 'assessmentScore' | 'fileIds';

interface Form {
  kind: CredentialKind;
  issuedOn: string;
  /** '' = 长期有效 */
  validUntil: string;
  trainingHours: string;
  assessmentScore: string;
}

const DECIMAL = /^\d+(\.\d{1,2})?$/;

/** What is wrong with each field before anything is sent (the server checks the same). */
function problemsOf(f: Form, photos: PickedPhoto[], today: string): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  if (f.issuedOn > today) out.issuedOn = `${CREDENTIAL_ISSUED_LABELS[f.kind]}不能晚于今天`;
  if (f.validUntil && f.validUntil < f.issuedOn) out.validUntil = `有效期至不能早于${CREDENTIAL_ISSUED_LABELS[f.kind]}`;
  if (f.kind === CredentialKind.TrainingRecord) {
    const h = f.trainingHours.trim();
    if (!h) out.trainingHours = '请填写培训学时';
    else if (!DECIMAL.test(h) || Number(h) < 0.5 || Number(h) > 1000) out.trainingHours = '培训学时应为0.5–1000的数字，最多两位小数';
  }
  if (f.kind === CredentialKind.Assessment) {
    const s = f.assessmentScore.trim();
    if (s && (!DECIMAL.test(s) || Number(s) > 1000)) out.assessmentScore = '考核成绩应为数字，最多两位小数';
  }
  if (photos.length === 0) out.fileIds = '请添加证明文件的照片或PDF';
  else if (!photosSettled(photos)) out.fileIds = '文件尚未全部上传成功';
  return out;
}

/** 资质上传 (?userId=, ?kind=): one paper of a director or officer, replacing the current one of its kind. */
export default function CredentialUploadPage() {
  const { session } = useSession();
  const { showToast } = useToast();
  const params = useRouter().params;
  const userId = params.userId ?? '';
  const enterpriseId = session?.user.enterpriseId ?? '';
  const staff = useAsync(() => api.enterprises.staff(enterpriseId), [enterpriseId], { enabled: !!enterpriseId });
  const held = useAsync(() => api.credentials.list({ userId, pageSize: MAX_PAGE_SIZE }), [userId], { enabled: !!userId && !!session });
  const today = todayInShanghai();
  const [form, setForm] = useState<Form>(() => ({
    kind: CREDENTIAL_KINDS.includes(params.kind as CredentialKind) ? (params.kind as CredentialKind) : CredentialKind.AppointmentLetter,
    issuedOn: today,
    validUntil: '',
    trainingHours: '',
    assessmentScore: '',
  }));
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [key] = useState(uuidV4);
  const [submitting, setSubmitting] = useState(false);
  const [summary, setSummary] = useState<string[]>([]);
  const problems = useMemo(() => problemsOf(form, photos, today), [form, photos, today]);
  const problemCount = Object.keys(problems).length;
  const errors = useFieldErrors<Field>(problems);

  const holder = staff.data?.current.find((m) => m.userId === userId) ?? null;
  const replaces = held.data ? (currentCredentials(held.data.items).get(userId)?.[form.kind] ?? null) : null;

  function set<K extends keyof Form>(field: K, value: Form[K]) {
    setForm((f) => ({ ...f, [field]: value }));
    if (field !== 'kind') errors.edited(field as Field);
  }

  async function submit() {
    if (submitting) return;
    errors.setSubmitted(true);
    setSummary([]);
    if (problemCount > 0) return;
    const body: CredentialCreateRequest = {
      userId,
      kind: form.kind,
      fileIds: uploadedFileIds(photos),
      issuedOn: form.issuedOn,
      validUntil: form.validUntil || null,
      ...(form.kind === CredentialKind.TrainingRecord ? { trainingHours: Number(form.trainingHours) } : {}),
      ...(form.kind === CredentialKind.Assessment && form.assessmentScore.trim() ? { assessmentScore: Number(form.assessmentScore) } : {}),
      ...(replaces ? { supersedesId: replaces.id } : {}),
    };
    setSubmitting(true);
    try {
      await api.credentials.create(body, key);
      showToast('已提交，等待监管部门审核', 'success');
      setTimeout(() => navigateBackOr('enterprise.staff'), 800);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        errors.setServer(Object.fromEntries(e.fieldErrors.map((f) => [f.field, f.message])) as Partial<Record<Field, string>>);
        setSummary(e.fieldErrors.map((f) => f.message));
      } else {
        setSummary([errorMessage(e)]);
      }
      showToast(errorMessage(e), 'fail');
      setSubmitting(false);
    }
  }

  const loadError = staff.data ? null : staff.error;
  return (
    <PageContainer loading={staff.loading && !staff.data} error={loadError} onRetry={() => void staff.reload()}>
      {staff.data ? (
        holder ? (
          <View>
            <View className="card">
              <View className="card__title">{`${holder.name} · ${ROLE_LABELS[holder.role]}`}</View>
              <View className="muted">上传任命书、培训记录或考核结果，由所在地市场监管部门核验。</View>
            </View>

            <View className="card">
              <FormField label="资质类型" required>
                <RadioGroup value={form.kind} direction="horizontal" shape="button" disabled={submitting} onChange={(v) => set('kind', String(v) as CredentialKind)}>
                  {CREDENTIAL_KINDS.map((k) => (
                    <Radio key={k} value={k} shape="button">
                      {CREDENTIAL_KIND_LABELS[k]}
                    </Radio>
                  ))}
                </RadioGroup>
              </FormField>
              {replaces ? (
                <View className="cu__replaces">{`将替换当前的${CREDENTIAL_KIND_LABELS[form.kind]}（${replaces.state.label}，${replaces.issuedOn}），原记录保留`}</View>
              ) : null}

              <FormField label={CREDENTIAL_ISSUED_LABELS[form.kind]} required error={errors.errorOf('issuedOn')}>
                <Picker mode="date" value={form.issuedOn} end={today} disabled={submitting} onChange={(e) => set('issuedOn', String(e.detail.value))}>
                  <View className="form-field__select">
                    <Text>{form.issuedOn}</Text>
                    <Text className="form-field__select-arrow">›</Text>
                  </View>
                </Picker>
              </FormField>

              <FormField label="有效期至" error={errors.errorOf('validUntil')} hint="没有有效期（如任命至解聘）的不填">
                <View className="cu__row">
                  <Picker mode="date" value={form.validUntil || form.issuedOn} start={form.issuedOn} disabled={submitting} onChange={(e) => set('validUntil', String(e.detail.value))}>
                    <View className="form-field__select">
                      {form.validUntil ? <Text>{form.validUntil}</Text> : <Text className="form-field__select-placeholder">长期有效</Text>}
                      <Text className="form-field__select-arrow">›</Text>
                    </View>
                  </Picker>
                  {form.validUntil ? (
                    <Text className="link cu__clear" onClick={() => set('validUntil', '')}>
                      长期有效
                    </Text>
                  ) : null}
                </View>
              </FormField>

              {form.kind === CredentialKind.TrainingRecord ? (
                <FormField label="培训学时" required error={errors.errorOf('trainingHours')}>
                  <Input
                    name="trainingHours"
                    type="digit"
                    value={form.trainingHours}
                    placeholder="如 16"
                    maxLength={7}
                    disabled={submitting}
                    onChange={(v) => set('trainingHours', v)}
                    onBlur={() => errors.touch('trainingHours')}
                  />
                </FormField>
              ) : null}
              {form.kind === CredentialKind.Assessment ? (
                <FormField label="考核成绩" error={errors.errorOf('assessmentScore')} hint="考核结果有分数的填写">
                  <Input
                    name="assessmentScore"
                    type="digit"
                    value={form.assessmentScore}
                    placeholder="如 92"
                    maxLength={7}
                    disabled={submitting}
                    onChange={(v) => set('assessmentScore', v)}
                    onBlur={() => errors.touch('assessmentScore')}
                  />
                </FormField>
              ) : null}

              <FormField label="证明文件" required error={errors.errorOf('fileIds')} hint={`照片或PDF，最多${MAX_FILES}个`}>
                <PhotoPicker
                  kind="credential"
                  documents
                  max={MAX_FILES}
                  disabled={submitting}
                  onChange={(list) => {
                    setPhotos(list);
                    errors.edited('fileIds');
                  }}
                />
              </FormField>
            </View>

            <FormSummary unresolved={errors.submitted ? problemCount : 0} lines={summary} />
            <View className="actions">
              <Button block type="primary" size="large" loading={submitting} onClick={() => void submit()}>
                提交审核
              </Button>
            </View>
          </View>
        ) : (
          <View className="card muted">该人员不在本企业在任的食品安全总监或食品安全员中</View>
        )
      ) : null}
    </PageContainer>
  );
}
