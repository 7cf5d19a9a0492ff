import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import { FINAL_COMPLAINT_STATUSES, normaliseCode, QUERY_CODE_LENGTH, QUERY_CODE_PATTERN, TRACKING_NO_PATTERN, type PublicComplaintStatusDto } from '@shian/shared';
import { api, errorMessage } from '../../../../api';
import { FormField } from '../../../../components/FormField';
import { PageContainer } from '../../../../components/PageContainer';
import { useFieldErrors } from '../../../../hooks/useFieldErrors';
import { formatBusinessDate, formatShanghaiDateTime } from '../../../../platform/format';
import { queryText } from '../../../../platform/nav';
import '../../public.css';
import './index.css';

type QueryField = 'trackingNo' | 'code';

function queryProblems(trackingNo: string, code: string): Partial<Record<QueryField, string>> {
  const p: Partial<Record<QueryField, string>> = {};
  if (!trackingNo) p.trackingNo = '请输入受理编号';
  else if (!TRACKING_NO_PATTERN.test(normaliseCode(trackingNo))) p.trackingNo = '受理编号为TS或JB开头的16位，如 TS20261125K7Q2XM';
  if (!code) p.code = '请输入查询码';
  else if (!QUERY_CODE_PATTERN.test(normaliseCode(code))) p.code = `查询码为${QUERY_CODE_LENGTH}位字母和数字`;
  return p;
}

function StatusView({ s }: { s: PublicComplaintStatusDto }) {
  const final = FINAL_COMPLAINT_STATUSES.includes(s.status);
  return (
    <>
      <View className="card pub-status">
        <View className="pub-status__head">
          <Text className="pub-status__label">{s.statusLabel}</Text>
          <Tag type={final ? 'success' : 'primary'}>{s.kindLabel}</Tag>
        </View>
        <View className="pub-status__line">{`受理编号：${s.trackingNo}`}</View>
        <View className="pub-status__line">{`被${s.kindLabel}经营者：${s.businessName}`}</View>
        <View className="pub-status__line">{`收到日期：${formatBusinessDate(s.receivedDate)}`}</View>
      </View>
      <View className="section-title">办理记录</View>
      <View className="card pub-timeline">
        {[...s.history].reverse().map((h, i) => (
          <View key={`${h.at}-${i}`} className={`pub-timeline__step${i === 0 ? ' pub-timeline__step--latest' : ''}`}>
            <View className="pub-timeline__dot" />
            <View className="pub-timeline__body">
              <View className="pub-timeline__title">
                <Text className="pub-timeline__label">{h.label}</Text>
                <Text className="pub-timeline__time">{formatShanghaiDateTime(h.at)}</Text>
              </View>
              {h.text ? <View className="pub-timeline__text">{h.text}</View> : null}
            </View>
          </View>
        ))}
      </View>
    </>
  );
}

/** 进度查询 (?trackingNo= prefills the number; the query code is never in a URL). No login. */
export default function ComplaintStatusPage() {
  const prefill = queryText(useRouter().params.trackingNo).trim();
  const [trackingNo, setTrackingNo] = useState(prefill);
  const [code, setCode] = useState('');
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [status, setStatus] = useState<PublicComplaintStatusDto | null>(null);
  const problems = queryProblems(trackingNo.trim(), code.trim());
  const errors = useFieldErrors<QueryField>(problems);

  async function query() {
    if (loading) return;
    errors.setSubmitted(true);
    setFailure(null);
    if (Object.keys(problems).length > 0) return;
    setLoading(true);
    try {
      setStatus(await api.public.status(normaliseCode(trackingNo), normaliseCode(code)));
    } catch (e) {
      // A wrong code and an unknown number get the same message from the server.
      setStatus(null);
      setFailure(errorMessage(e));
    } finally {
      setLoading(false);
    }
  }

  function edit(field: QueryField, value: string) {
    (field === 'trackingNo' ? setTrackingNo : setCode)(value.toUpperCase());
    errors.edited(field);
    setFailure(null);
  }

  return (
    <PageContainer>
      <View className="card">
        <View className="card__title">投诉举报进度查询</View>
        <View className="muted">输入提交时获得的受理编号和查询码，查看办理进度和答复。</View>
        <View className="pub-query">
          <FormField label="受理编号" required error={errors.errorOf('trackingNo')}>
            <Input name="trackingNo" value={trackingNo} placeholder="如 TS20261125K7Q2XM" maxLength={20} clearable onChange={(v) => edit('trackingNo', v)} onBlur={() => errors.touch('trackingNo')} />
          </FormField>
          <FormField label="查询码" required error={errors.errorOf('code')}>
            <Input name="code" value={code} placeholder={`${QUERY_CODE_LENGTH}位查询码`} maxLength={12} clearable onChange={(v) => edit('code', v)} onBlur={() => errors.touch('code')} onConfirm={() => void query()} />
          </FormField>
        </View>
        {failure ? <View className="form-summary">{failure}</View> : null}
        <View className="actions">
          <Button block type="primary" size="large" loading={loading} onClick={() => void query()}>
            查询
          </Button>
        </View>
      </View>
      {status ? <StatusView s={status} /> : null}
    </PageContainer>
  );
}
