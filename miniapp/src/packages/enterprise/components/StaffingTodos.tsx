// The 三人三责 part of 我的待办: papers to renew or upload again, and failed spot exams.
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { ROLE_LABELS, type CredentialDto, type MyTodosResponse } from '@shian/shared';
import { credentialTone } from '../../../components/roster-rules';
import { navigateTo } from '../../../platform/nav';
import './StaffingTodos.css';

function CredentialTodo({ credential: c }: { credential: CredentialDto }) {
  return (
    <View className="card st__item" onClick={() => navigateTo('enterprise.credentialUpload', { userId: c.userId, kind: c.kind })}>
      <View className="st__head">
        <Text className="st__title">{`${c.holderName} · ${ROLE_LABELS[c.holderRole]}`}</Text>
        <Tag type={credentialTone(c.state)}>{c.state.label}</Tag>
      </View>
      <View className="muted">{`${c.kindLabel} · ${c.issuedOn} 起${c.validUntil ? ` · 有效期至 ${c.validUntil}` : ''}`}</View>
      {c.rejectReason ? <View className="st__reason">{`驳回原因：${c.rejectReason}`}</View> : null}
      {c.state.expiring && c.state.daysLeft !== null ? <View className="st__reason">{`还有 ${c.state.daysLeft} 天到期，请及时更新`}</View> : null}
      <View className="link st__line">{c.rejectReason ? '重新上传 ›' : '上传新的证明 ›'}</View>
    </View>
  );
}

export function StaffingTodoCards({ todos }: { todos: MyTodosResponse }) {
  const papers = [...todos.rejectedCredentials, ...todos.expiringCredentials];
  return (
    <>
      {papers.length > 0 ? <View className="section-title">{`资质证明待处理（${papers.length}）`}</View> : null}
      {papers.map((c) => (
        <CredentialTodo key={c.id} credential={c} />
      ))}
      {todos.spotExamFailures.length > 0 ? <View className="section-title">{`抽查考核不合格（${todos.spotExamFailures.length}）`}</View> : null}
      {todos.spotExamFailures.map((f) => (
        <View key={f.id} className="card st__item">
          <View className="st__head">
            <Text className="st__title">{`${f.personName} · ${ROLE_LABELS[f.personRole]}`}</Text>
            <Tag type="danger">不合格</Tag>
          </View>
          <View className="muted">{`${f.examinedOn} 监督抽查考核 · ${f.score}/${f.fullMark} 分`}</View>
          <View className="st__reason">{f.detail ?? f.title}</View>
        </View>
      ))}
    </>
  );
}
