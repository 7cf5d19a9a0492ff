import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { Button, Input, Radio, RadioGroup, TextArea } from '@nutui/nutui-react-taro';
import { COMPLAINT_LIMITS, todayInShanghai, type ComplaintKind, type PublicChallengeDto, type PublicComplaintReceipt } from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { FormField, FormSummary } from '../../../../components/FormField';
import { PageContainer } from '../../../../components/PageContainer';
import { PhotoPicker, photosSettled, uploadedFileIds, type PickedPhoto } from '../../../../components/PhotoPicker';
import { RegionPicker } from '../../../../components/RegionPicker';
import { useFieldErrors } from '../../../../hooks/useFieldErrors';
import { useToast } from '../../../../hooks/useToast';
import { queryText } from '../../../../platform/nav';
import { uuidV4 } from '../../../../platform/uuid';
import { ComplaintReceipt } from '../../components/ComplaintReceipt';
import { EnterpriseSearch } from '../../components/EnterpriseSearch';
import {
  complaintProblems,
  complaintRequest,
  earliestHappenedOn,
  emptyComplaintForm,
  splitComplaintFieldErrors,
  submissionFingerprint,
  type ComplaintField,
  type ComplaintForm,
} from '../../complaint-form';
import '../../public.css';
import './index.css';

const L = COMPLAINT_LIMITS;
const KINDS: Array<{ kind: ComplaintKind; label: string; explain: string }> = [
  { kind: 'complaint', label: '投诉', explain: '本人的消费纠纷，如就餐后身体不适、买到过期食品，要求商家处理或赔偿' },
  { kind: 'report', label: '举报', explain: '违法行为线索，如无证经营、使用来源不明的原料，请监管部门查处' },
];
const CHALLENGE_CODES = ['CHALLENGE_FAILED', 'CHALLENGE_EXPIRED'];

/** Whether the enterprise of the QR code is still being loaded, failed, or missing. */
type Prefill = 'none' | 'loading' | 'done' | 'missing' | 'error';

/** 投诉举报 without an account (?enterpriseId= from a business's public page). */
export default function ComplaintPage() {
  const prefillId = queryText(useRouter().params.enterpriseId).trim();
  const { showToast } = useToast();
  const today = todayInShanghai();
  const [form, setForm] = useState<ComplaintForm>(() => emptyComplaintForm(today));
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [prefill, setPrefill] = useState<Prefill>(prefillId ? 'loading' : 'none');
  const [challenge, setChallenge] = useState<PublicChallengeDto | null>(null);
  const [challengeError, setChallengeError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [summary, setSummary] = useState<string[]>([]);
  const [receipt, setReceipt] = useState<PublicComplaintReceipt | null>(null);
  // One key per filled form: a retry of the same content (after a lost answer) replays the receipt; changed content is a new submission.
  const submission = useRef<{ key: string; fingerprint: string | null }>({ key: uuidV4(), fingerprint: null });

  const problems = useMemo(() => complaintProblems(form, today, !photosSettled(photos)), [form, today, photos]);
  const problemCount = Object.keys(problems).length;
  const errors = useFieldErrors<ComplaintField>(problems);

  function set<K extends keyof ComplaintForm>(key: K, value: ComplaintForm[K], field?: ComplaintField) {
    setForm((f) => ({ ...f, [key]: value }));
    if (field) errors.edited(field);
  }

  // The business of the QR code: shown by name and address, with 更换.
  useEffect(() => {
    if (!prefillId) return;
    api.public
      .enterprise(prefillId)
      .then((e) => {
        setForm((f) => ({ ...f, enterprise: { id: e.id, name: e.name, address: e.address } }));
        setPrefill('done');
      })
      .catch((e: unknown) => setPrefill(e instanceof ApiError && e.status === 404 ? 'missing' : 'error'));
  }, [prefillId]);

  /** A new question (one use each): on opening, on 换一题 and after every failed submission. */
  const loadChallenge = useCallback(() => {
    setChallenge(null);
    setChallengeError(null);
    setForm((f) => ({ ...f, challengeAnswer: '' }));
    api.public
      .challenge()
      .then(setChallenge)
      .catch((e: unknown) => setChallengeError(errorMessage(e)));
  }, []);
  useEffect(loadChallenge, [loadChallenge]);

  async function submit() {
    if (submitting) return;
    errors.setSubmitted(true);
    setSummary([]);
    if (problemCount > 0) {
      showToast('请检查填写的内容', 'fail');
      return;
    }
    if (!challenge) {
      showToast('验证题未加载，请点「换一题」', 'fail');
      return;
    }
    const body = complaintRequest(form, uploadedFileIds(photos), challenge.token);
    const fingerprint = submissionFingerprint(body);
    if (submission.current.fingerprint !== null && submission.current.fingerprint !== fingerprint) submission.current = { key: uuidV4(), fingerprint };
    else submission.current.fingerprint = fingerprint;
    setSubmitting(true);
    try {
      setReceipt(await api.public.submit(body, submission.current.key));
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        const split = splitComplaintFieldErrors(e.fieldErrors);
        errors.setServer(split.fields);
        setSummary(split.other.length ? split.other : [e.message]);
      } else if (e instanceof ApiError && CHALLENGE_CODES.includes(e.code)) {
        errors.setServer({ challengeAnswer: e.message });
        setSummary([e.message]);
      } else {
        setSummary([errorMessage(e)]);
      }
      showToast(errorMessage(e), 'fail');
      // The token was spent (or may have been): answer a new question.
      loadChallenge();
    } finally {
      setSubmitting(false);
    }
  }

  if (receipt) {
    return (
      <PageContainer>
        <ComplaintReceipt receipt={receipt} />
      </PageContainer>
    );
  }

  const picked = form.businessMode === 'pick' ? form.enterprise : null;

  return (
    <PageContainer className="pub-form">
      <View className="card">
        <View className="card__title">投诉举报</View>
        <View className="muted">无需注册登录。提交后获得受理编号和查询码，凭此查询办理进度和答复。</View>
      </View>

      <View className="section-title">类型</View>
      <View className="card">
        <FormField label="投诉还是举报" required error={errors.errorOf('kind')}>
          <View className="pub-kinds">
            {KINDS.map((k) => (
              <View
                key={k.kind}
                className={`pub-kind${form.kind === k.kind ? ' pub-kind--on' : ''}`}
                onClick={() => {
                  if (submitting) return;
                  set('kind', k.kind, 'kind');
                  errors.touch('kind');
                }}
              >
                <View className="pub-kind__label">{k.label}</View>
                <View className="pub-kind__explain">{k.explain}</View>
              </View>
            ))}
          </View>
        </FormField>
      </View>

      <View className="section-title">被投诉举报的经营者</View>
      <View className="card">
        {form.businessMode === 'pick' ? (
          <FormField label="企业" required error={errors.errorOf('enterpriseId')}>
            {picked ? (
              <View className="pub-picked">
                <View className="pub-picked__text">
                  <View className="pub-picked__name">{picked.name}</View>
                  <View className="pub-picked__address">{picked.address}</View>
                </View>
                {!submitting ? (
                  <Text className="link pub-picked__change" onClick={() => set('enterprise', null, 'enterpriseId')}>
                    更换
                  </Text>
                ) : null}
              </View>
            ) : prefill === 'loading' ? (
              <View className="muted">正在加载企业信息…</View>
            ) : (
              <>
                {prefill === 'missing' ? <View className="pub-notice">二维码中的企业不存在或未公示，请搜索企业名称，或填写经营者名称和地址。</View> : null}
                {prefill === 'error' ? <View className="pub-notice">企业信息加载失败，请搜索企业名称，或填写经营者名称和地址。</View> : null}
                <EnterpriseSearch
                  disabled={submitting}
                  onBlur={() => errors.touch('enterpriseId')}
                  onPick={(item) => set('enterprise', item, 'enterpriseId')}
                />
              </>
            )}
          </FormField>
        ) : (
          <>
            <FormField label="经营者名称" required error={errors.errorOf('businessName')}>
              <Input name="businessName" value={form.businessName} placeholder="店名、摊位名，或招牌上的字" maxLength={L.businessNameMaxLength} disabled={submitting} onChange={(v) => set('businessName', v, 'businessName')} onBlur={() => errors.touch('businessName')} />
            </FormField>
            <FormField label="所在区县" required error={errors.errorOf('regionCode')} hint="选到区县即可，能确定乡镇（街道）更好；由当地市场监管部门办理">
              <RegionPicker
                anyLevel
                title="选择经营者所在地区"
                placeholder="请选择省 / 市 / 区县（至少到区县）"
                value={form.region}
                onChange={(r) => set('region', r, 'regionCode')}
                onClose={() => errors.touch('regionCode')}
              />
            </FormField>
            <FormField label="经营地址" required error={errors.errorOf('businessAddress')}>
              <Input name="businessAddress" value={form.businessAddress} placeholder="街道、门牌号或明显的地标" maxLength={L.businessAddressMaxLength} disabled={submitting} onChange={(v) => set('businessAddress', v, 'businessAddress')} onBlur={() => errors.touch('businessAddress')} />
            </FormField>
          </>
        )}
        {!submitting ? (
          <View className="pub-switch">
            {form.businessMode === 'pick' ? (
              <Text className="link" onClick={() => set('businessMode', 'unregistered', 'enterpriseId')}>
                找不到？填写经营者名称和地址
              </Text>
            ) : (
              <Text className="link" onClick={() => set('businessMode', 'pick', 'businessName')}>
                搜索已登记的企业
              </Text>
            )}
          </View>
        ) : null}
      </View>

      <View className="section-title">事情经过</View>
      <View className="card">
        <FormField label="发生了什么" required error={errors.errorOf('description')} hint={`至少${L.descriptionMinLength}个字：时间、经过、涉及的食品、造成的后果`}>
          <TextArea
            value={form.description}
            placeholder="请如实描述事情经过"
            maxLength={L.descriptionMaxLength}
            showCount
            rows={5}
            disabled={submitting}
            onChange={(v) => set('description', v, 'description')}
            onBlur={() => errors.touch('description')}
          />
        </FormField>
        <FormField label="发生日期" required error={errors.errorOf('happenedOn')}>
          <Picker mode="date" value={form.happenedOn} start={earliestHappenedOn(today)} end={today} disabled={submitting} onChange={(e) => set('happenedOn', String(e.detail.value), 'happenedOn')}>
            <View className="form-field__select">
              <Text>{form.happenedOn}</Text>
              <Text className="form-field__select-arrow">›</Text>
            </View>
          </Picker>
        </FormField>
        <FormField label="发生地点" error={errors.errorOf('incidentPlace')}>
          <Input name="incidentPlace" value={form.incidentPlace} placeholder="选填，如 大厅3号桌、外卖送达地址" maxLength={L.placeMaxLength} disabled={submitting} onChange={(v) => set('incidentPlace', v, 'incidentPlace')} onBlur={() => errors.touch('incidentPlace')} />
        </FormField>
        <FormField label={`照片（选填，最多${L.maxPhotos}张）`} error={errors.errorOf('photoIds')} hint="如小票、食品、现场照片">
          <PhotoPicker
            max={L.maxPhotos}
            disabled={submitting}
            upload={api.public.uploadPhoto}
            onChange={(list) => {
              setPhotos(list);
              errors.edited('photoIds');
            }}
          />
        </FormField>
      </View>

      <View className="section-title">您的身份</View>
      <View className="card">
        <FormField label="实名或匿名" error={errors.errorOf('anonymous')}>
          <RadioGroup value={form.anonymous ? 'anonymous' : 'named'} direction="horizontal" shape="button" disabled={submitting} onChange={(v) => set('anonymous', String(v) === 'anonymous', 'anonymous')}>
            <Radio value="anonymous" shape="button">
              匿名
            </Radio>
            <Radio value="named" shape="button">
              实名
            </Radio>
          </RadioGroup>
        </FormField>
        {form.anonymous ? (
          <>
            <View className="pub-notice">匿名提交不保存您的任何身份信息，办理部门无法联系您、回访您；办理进度和答复请凭受理编号和查询码查询。</View>
            {/* 《市场监督管理投诉举报处理暂行办法》第九条: a 投诉 gives the complainant's name and contact; mediation needs them. */}
            {form.kind === 'complaint' ? (
              <View className="pub-notice pub-notice--warn">投诉需要调解时，办理部门须能联系到您（《市场监督管理投诉举报处理暂行办法》第九条）；匿名投诉可能无法调解或不予受理，建议实名。</View>
            ) : null}
          </>
        ) : (
          <>
            <View className="pub-notice">姓名和手机号加密保存，只有承办人员经登记后可以查看，用于联系您核实情况、告知处理结果，不会告知被投诉举报人。</View>
            <FormField label="姓名" error={errors.errorOf('contactName')}>
              <Input name="contactName" value={form.contactName} placeholder="选填" maxLength={L.nameMaxLength} disabled={submitting} onChange={(v) => set('contactName', v, 'contactName')} onBlur={() => errors.touch('contactName')} />
            </FormField>
            <FormField label="手机号" error={errors.errorOf('contactPhone')}>
              <Input
                name="contactPhone"
                type={process.env.TARO_ENV === 'weapp' ? 'number' : 'tel'}
                value={form.contactPhone}
                placeholder="选填，11位手机号"
                maxLength={11}
                disabled={submitting}
                onChange={(v) => set('contactPhone', v, 'contactPhone')}
                onBlur={() => errors.touch('contactPhone')}
              />
            </FormField>
          </>
        )}
      </View>

      <View className="section-title">验证</View>
      <View className="card">
        <FormField label="请回答" required error={errors.errorOf('challengeAnswer')}>
          <View className="pub-challenge">
            <Text className="pub-challenge__question">{challenge ? challenge.question : challengeError ? '验证题加载失败' : '验证题加载中…'}</Text>
            {!submitting ? (
              <Text className="link pub-challenge__refresh" onClick={loadChallenge}>
                换一题
              </Text>
            ) : null}
          </View>
          {challengeError ? <View className="error-text">{challengeError}</View> : null}
          <Input
            name="challengeAnswer"
            type="number"
            value={form.challengeAnswer}
            placeholder="请输入答案（数字）"
            maxLength={10}
            disabled={submitting || !challenge}
            onChange={(v) => set('challengeAnswer', v, 'challengeAnswer')}
            onBlur={() => errors.touch('challengeAnswer')}
          />
        </FormField>
      </View>

      <FormSummary unresolved={errors.submitted ? problemCount : 0} lines={summary} />
      <View className="actions">
        <Button block type="primary" size="large" loading={submitting} onClick={() => void submit()}>
          提交
        </Button>
      </View>
    </PageContainer>
  );
}
