import { useMemo, useState } from 'react';
import { View } from '@tarojs/components';
import { Button, Checkbox, Input, Radio, RadioGroup } from '@nutui/nutui-react-taro';
import {
  BUSINESS_TYPE_LABELS,
  BusinessType,
  CANTEEN_KIND_LABELS,
  CanteenKind,
  ENTERPRISE_SCALE_LABELS,
  EnterpriseScale,
  staffingRequirement,
  todayInShanghai,
  type EnterpriseRegistrationResponse,
} from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { FormField, FormSummary } from '../../../../components/FormField';
import { PageContainer } from '../../../../components/PageContainer';
import { useFieldErrors } from '../../../../hooks/useFieldErrors';
import { useToast } from '../../../../hooks/useToast';
import { reLaunch } from '../../../../platform/nav';
import { uuidV4 } from '../../../../platform/uuid';
import { PersonFields } from '../../components/PersonFields';
import { RegionPicker } from '../../../../components/RegionPicker';
import {
  EMPTY_BUSINESS,
  EMPTY_PERSON,
  businessProblems,
  dinersLabel,
  personProblems,
  profileQuestions,
  registrationFieldErrors,
  registrationRequest,
  staffingProfileOf,
  type BusinessField,
  type BusinessForm,
  type PersonField,
  type PersonForm,
} from '../../forms';
import '../../onboarding.css';

const BUSINESS_TYPES = Object.values(BusinessType);
const SCALES = Object.values(EnterpriseScale);
const CANTEEN_KINDS = Object.values(CanteenKind);

/** 已提交，等待监管部门审核: what happens next, and the way to log in. */
function Submitted({ result, regionNames }: { result: EnterpriseRegistrationResponse; regionNames: string[] }) {
  const { enterprise, principal } = result;
  return (
    <View className="card onb__done">
      <View className="onb__done-icon">✓</View>
      <View className="onb__done-title">已提交，等待监管部门审核</View>
      <View className="onb__done-name">{enterprise.name}</View>
      <View className="muted">{`所在地区：${regionNames.length ? regionNames.slice(-3).join(' ') : (enterprise.regionName ?? enterprise.regionCode)}`}</View>
      <View className="onb__done-text">
        {`请使用手机号 ${principal.phone} 和刚才设置的密码登录，查看审核进度。审核通过前可以邀请食品安全总监和食品安全员、上传资质证明，但不能提交检查记录。`}
      </View>
      <View className="actions">
        <Button block type="primary" size="large" onClick={() => reLaunch('login', { phone: principal.phone })}>
          去登录
        </Button>
      </View>
    </View>
  );
}

/** 企业注册 (no login): the business and its principal's account; the regulator of its region confirms it. */
export default function RegisterPage() {
  const { showToast } = useToast();
  const [business, setBusiness] = useState<BusinessForm>(EMPTY_BUSINESS);
  const [person, setPerson] = useState<PersonForm>(EMPTY_PERSON);
  // One key per page: a retry after a lost answer replays the registration instead of refusing it as a duplicate.
  const [key] = useState(uuidV4);
  const [submitting, setSubmitting] = useState(false);
  const [summary, setSummary] = useState<string[]>([]);
  const [result, setResult] = useState<EnterpriseRegistrationResponse | null>(null);
  const today = todayInShanghai();
  const bProblems = useMemo(() => businessProblems(business), [business]);
  const pProblems = useMemo(() => personProblems(person, today), [person, today]);
  const problemCount = Object.keys(bProblems).length + Object.keys(pProblems).length;
  const b = useFieldErrors<BusinessField>(bProblems);
  const p = useFieldErrors<PersonField>(pProblems);
  const asked = profileQuestions(business);
  const profile = staffingProfileOf(business);
  const requirement = profile ? staffingRequirement(profile) : null;

  function set<K extends BusinessField>(field: K, value: BusinessForm[K]) {
    setBusiness((f) => ({ ...f, [field]: value }));
    b.edited(field);
  }

  const text = (field: 'name' | 'uscc' | 'licenceNo' | 'address', placeholder: string, maxLength: number, upper = false) => (
    <Input
      name={field}
      value={business[field]}
      placeholder={placeholder}
      maxLength={maxLength}
      disabled={submitting}
      onChange={(v) => set(field, upper ? v.toUpperCase() : v)}
      onBlur={() => b.touch(field)}
    />
  );

  async function submit() {
    if (submitting) return;
    b.setSubmitted(true);
    p.setSubmitted(true);
    setSummary([]);
    if (problemCount > 0) {
      showToast('请检查填写的内容', 'fail');
      return;
    }
    setSubmitting(true);
    try {
      setResult(await api.enterprises.register(registrationRequest(business, person), key));
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        const split = registrationFieldErrors(e.fieldErrors);
        b.setServer(split.business);
        p.setServer(split.person);
        setSummary(split.other.length ? split.other : [e.message]);
      } else {
        setSummary([errorMessage(e)]);
      }
      showToast(errorMessage(e), 'fail');
    } finally {
      setSubmitting(false);
    }
  }

  if (result) {
    return (
      <PageContainer>
        <Submitted result={result} regionNames={business.regionNames} />
      </PageContainer>
    );
  }

  return (
    <PageContainer className="onb">
      <View className="card">
        <View className="card__title">企业注册</View>
        <View className="muted">填写企业信息和主要负责人账号。提交后由所在地市场监管部门审核，审核通过并核定风险等级后即可开展日管控、周排查、月调度。</View>
      </View>

      <View className="section-title">企业信息</View>
      <View className="card">
        <FormField label="企业名称" required error={b.errorOf('name')}>
          {text('name', '与营业执照一致', 200)}
        </FormField>
        <FormField label="统一社会信用代码" required error={b.errorOf('uscc')}>
          {text('uscc', '18位，见营业执照', 18, true)}
        </FormField>
        <FormField label="业态" required error={b.errorOf('businessType')}>
          <RadioGroup
            value={business.businessType ?? ''}
            direction="horizontal"
            shape="button"
            disabled={submitting}
            onChange={(v) => {
              set('businessType', String(v) as BusinessType);
              b.touch('businessType');
            }}
          >
            {BUSINESS_TYPES.map((t) => (
              <Radio key={t} value={t} shape="button">
                {BUSINESS_TYPE_LABELS[t]}
              </Radio>
            ))}
          </RadioGroup>
        </FormField>
        <FormField
          label="许可证编号"
          required
          error={b.errorOf('licenceNo')}
          hint={business.businessType === BusinessType.Production ? '食品生产许可证：SC加14位数字' : '食品经营许可证：JY加14位数字'}
        >
          {text('licenceNo', 'JY或SC开头，共16位', 16, true)}
        </FormField>
        <FormField label="所在地区" required error={b.errorOf('regionCode')}>
          <RegionPicker
            value={business.regionCode ? { code: business.regionCode, names: business.regionNames } : null}
            onChange={(r) => {
              setBusiness((f) => ({ ...f, regionCode: r.code, regionNames: r.names }));
              b.edited('regionCode');
            }}
            onClose={() => b.touch('regionCode')}
          />
        </FormField>
        <FormField label="经营地址" required error={b.errorOf('address')}>
          {text('address', '街道、门牌号', 300)}
        </FormField>
      </View>

      {business.businessType ? (
        <>
          <View className="section-title">规模与类别（据此判断是否须配备食品安全总监）</View>
          <View className="card">
            {asked.includes('canteenKind') ? (
              <FormField label="食堂类别">
                <RadioGroup value={business.canteenKind ?? ''} direction="horizontal" shape="button" onChange={(v) => set('canteenKind', String(v) as CanteenKind)}>
                  {CANTEEN_KINDS.map((k) => (
                    <Radio key={k} value={k} shape="button">
                      {CANTEEN_KIND_LABELS[k]}
                    </Radio>
                  ))}
                </RadioGroup>
              </FormField>
            ) : null}
            {asked.includes('scale') ? (
              <FormField label="企业规模">
                <RadioGroup value={business.scale ?? ''} direction="horizontal" shape="button" onChange={(v) => set('scale', String(v) as EnterpriseScale)}>
                  {SCALES.map((s) => (
                    <Radio key={s} value={s} shape="button">
                      {ENTERPRISE_SCALE_LABELS[s]}
                    </Radio>
                  ))}
                </RadioGroup>
              </FormField>
            ) : null}
            {asked.includes('chainHeadquarters') || asked.includes('centralKitchen') || asked.includes('specialFood') || asked.includes('contractorOperated') ? (
              <View className="onb__flags">
                {asked.includes('chainHeadquarters') ? (
                  <Checkbox checked={business.chainHeadquarters} onChange={(v) => set('chainHeadquarters', v)}>
                    连锁企业总部
                  </Checkbox>
                ) : null}
                {asked.includes('centralKitchen') ? (
                  <Checkbox checked={business.centralKitchen} onChange={(v) => set('centralKitchen', v)}>
                    中央厨房
                  </Checkbox>
                ) : null}
                {asked.includes('specialFood') ? (
                  <Checkbox checked={business.specialFood} onChange={(v) => set('specialFood', v)}>
                    特殊食品（保健食品、特医食品、婴幼儿配方食品）
                  </Checkbox>
                ) : null}
                {asked.includes('contractorOperated') ? (
                  <Checkbox checked={business.contractorOperated} onChange={(v) => set('contractorOperated', v)}>
                    承包经营
                  </Checkbox>
                ) : null}
              </View>
            ) : null}
            {asked.includes('dinersPerMeal') ? (
              <FormField label={dinersLabel(business.businessType)} error={b.errorOf('dinersPerMeal')}>
                <Input
                  name="dinersPerMeal"
                  type="number"
                  value={business.dinersPerMeal}
                  placeholder="请输入人数"
                  maxLength={7}
                  onChange={(v) => set('dinersPerMeal', v)}
                  onBlur={() => b.touch('dinersPerMeal')}
                />
              </FormField>
            ) : null}
            {requirement ? <View className="onb__requirement">{requirement.reason}</View> : null}
          </View>
        </>
      ) : null}

      <View className="section-title">主要负责人账号</View>
      <View className="card">
        <PersonFields
          value={person}
          disabled={submitting}
          phoneHint="用于登录，审核结果也以此查看"
          errorOf={p.errorOf}
          onBlur={p.touch}
          onChange={(field, v) => {
            setPerson((f) => ({ ...f, [field]: v }));
            p.edited(field);
          }}
        />
      </View>

      <FormSummary unresolved={b.submitted ? problemCount : 0} lines={summary} />
      <View className="actions">
        <Button block type="primary" size="large" loading={submitting} onClick={() => void submit()}>
          提交注册
        </Button>
        <Button block fill="outline" size="large" disabled={submitting} onClick={() => reLaunch('login')}>
          已有账号，去登录
        </Button>
      </View>
    </PageContainer>
  );
}
