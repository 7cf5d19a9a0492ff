import { useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input, Loading } from '@nutui/nutui-react-taro';
import { ROLE_LABELS, normalizeInvitationCode, parseInvitationQr, todayInShanghai, type InvitationAcceptResponse, type InvitationPreviewDto } from '@shian/shared';
import { ApiError, api, errorMessage } from '../../../../api';
import { FormField, FormSummary } from '../../../../components/FormField';
import { PageContainer } from '../../../../components/PageContainer';
import { useAsync } from '../../../../hooks/useAsync';
import { useFieldErrors } from '../../../../hooks/useFieldErrors';
import { useToast } from '../../../../hooks/useToast';
import { formatShanghaiDateTime } from '../../../../platform/format';
import { reLaunch } from '../../../../platform/nav';
import { PersonFields } from '../../components/PersonFields';
import { EMPTY_PERSON, invitationCodeProblem, personFieldErrors, personProblems, personRequest, type PersonField, type PersonForm } from '../../forms';
import '../../onboarding.css';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** The code to ask for: typed, or scanned from the principal's QR code (weapp). */
function CodeCard({ initial, error, onCode }: { initial: string; error: string | null; onCode: (code: string) => void }) {
  const [input, setInput] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);

  function look() {
    const p = invitationCodeProblem(input);
    setProblem(p);
    if (!p) onCode(normalizeInvitationCode(input) as string);
  }

  async function scan() {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] });
      const code = parseInvitationQr(result);
      if (code) onCode(code);
      else setProblem('这不是食安两责的邀请二维码');
    } catch {
      // Cancelled.
    }
  }

  return (
    <View className="card">
      <View className="card__title">输入邀请码</View>
      <View className="muted">邀请码由企业主要负责人在「人员与资质」中生成，72小时内有效，只能使用一次。</View>
      <View className="onb__code">
        <FormField label="邀请码" error={problem ?? error}>
          <View className="onb__row">
            <Input name="code" value={input} placeholder="8位邀请码" maxLength={12} onChange={(v) => setInput(v.toUpperCase())} onConfirm={look} />
            {IS_WEAPP ? (
              <Button size="small" fill="outline" onClick={() => void scan()}>
                扫码
              </Button>
            ) : null}
          </View>
        </FormField>
      </View>
      <View className="actions">
        <Button block type="primary" size="large" onClick={look}>
          查看邀请
        </Button>
      </View>
    </View>
  );
}

function Joined({ result, phone }: { result: InvitationAcceptResponse; phone: string }) {
  return (
    <View className="card onb__done">
      <View className="onb__done-icon">✓</View>
      <View className="onb__done-title">{`已加入${result.enterprise.name}`}</View>
      <View className="onb__done-name">{`${result.user.name} · ${ROLE_LABELS[result.role]}`}</View>
      <View className="muted">{`任职日期：${result.appointedOn}`}</View>
      {result.replaced ? <View className="muted">{`接替 ${result.replaced.name}`}</View> : null}
      <View className="onb__done-text">{`请使用手机号 ${phone} 和刚才设置的密码登录。`}</View>
      <View className="actions">
        <Button block type="primary" size="large" onClick={() => reLaunch('login', { phone })}>
          去登录
        </Button>
      </View>
    </View>
  );
}

function JoinForm({ code, invitation, onJoined, onOtherCode }: { code: string; invitation: InvitationPreviewDto; onJoined: (r: InvitationAcceptResponse, phone: string) => void; onOtherCode: () => void }) {
  const { showToast } = useToast();
  const [person, setPerson] = useState<PersonForm>(EMPTY_PERSON);
  const [submitting, setSubmitting] = useState(false);
  const [summary, setSummary] = useState<string[]>([]);
  const today = todayInShanghai();
  const problems = useMemo(() => personProblems(person, today), [person, today]);
  const problemCount = Object.keys(problems).length;
  const p = useFieldErrors<PersonField>(problems);

  async function submit() {
    if (submitting) return;
    p.setSubmitted(true);
    setSummary([]);
    if (problemCount > 0) return;
    setSubmitting(true);
    try {
      const body = { code, ...personRequest(person) };
      onJoined(await api.invitations.accept(body), body.phone);
    } catch (e) {
      if (e instanceof ApiError && e.fieldErrors.length > 0) {
        const split = personFieldErrors(e.fieldErrors);
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

  return (
    <View>
      <View className="card onb__invite">
        <View className="onb__invite-name">{invitation.enterpriseName}</View>
        <View className="onb__invite-role">
          邀请您担任 <Text className="onb__invite-role-name">{ROLE_LABELS[invitation.role]}</Text>
        </View>
        <View className="onb__invite-meta">{`邀请码 ${code} · 有效期至 ${formatShanghaiDateTime(invitation.expiresAt)}`}</View>
        <View className="link onb__invite-other" onClick={onOtherCode}>
          换一个邀请码
        </View>
      </View>

      <View className="section-title">您的信息</View>
      <View className="card">
        <PersonFields
          value={person}
          disabled={submitting}
          phoneHint="用于登录"
          errorOf={p.errorOf}
          onBlur={p.touch}
          onChange={(field, v) => {
            setPerson((f) => ({ ...f, [field]: v }));
            p.edited(field);
          }}
        />
      </View>
      <FormSummary unresolved={p.submitted ? problemCount : 0} lines={summary} />
      <View className="actions">
        <Button block type="primary" size="large" loading={submitting} onClick={() => void submit()}>
          加入企业
        </Button>
      </View>
    </View>
  );
}

/** 加入企业 (no login, ?code= from a link or QR): see what the code invites to, then sign up into the roster. */
export default function JoinPage() {
  const param = useRouter().params.code ?? '';
  const [code, setCode] = useState<string | null>(() => normalizeInvitationCode(param));
  const [joined, setJoined] = useState<{ result: InvitationAcceptResponse; phone: string } | null>(null);
  const preview = useAsync(() => api.invitations.preview(code as string), [code], { enabled: !!code });

  let body;
  if (joined) body = <Joined result={joined.result} phone={joined.phone} />;
  else if (code && preview.loading)
    body = (
      <View className="page__loading">
        <Loading type="spinner" />
      </View>
    );
  else if (code && preview.data && !preview.error)
    body = <JoinForm code={code} invitation={preview.data} onJoined={(result, phone) => setJoined({ result, phone })} onOtherCode={() => setCode(null)} />;
  else
    body = (
      <CodeCard
        key={code ?? ''}
        initial={code ?? param}
        error={code ? preview.error : param && !code ? invitationCodeProblem(param) : null}
        onCode={(c) => (c === code ? void preview.reload() : setCode(c))}
      />
    );

  return (
    <PageContainer className="onb">
      {body}
      {joined ? null : (
        <View className="onb__footer link" onClick={() => reLaunch('login')}>
          已有账号，去登录
        </View>
      )}
    </PageContainer>
  );
}
