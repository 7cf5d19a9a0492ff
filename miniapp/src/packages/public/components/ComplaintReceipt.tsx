import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { COMPLAINT_PERIODS, type PublicComplaintReceipt } from '@shian/shared';
import { useCopy } from '../../../hooks/useCopy';
import { formatShanghaiDateTime } from '../../../platform/format';
import { navigateTo } from '../../../platform/nav';
import './ComplaintReceipt.css';

/** What happens next, by law (domain.md §3). */
function statutoryNote(receipt: PublicComplaintReceipt): string {
  return receipt.kind === 'complaint'
    ? `市场监管部门将自收到投诉之日起${COMPLAINT_PERIODS.acceptance}个工作日内决定是否受理（《市场监督管理投诉举报处理暂行办法》），办理进展可凭受理编号和查询码查询。`
    : `市场监管部门将自收到举报之日起${COMPLAINT_PERIODS.check}个工作日内核查并决定是否立案，特殊情况经批准可延长${COMPLAINT_PERIODS.checkExtension}个工作日（《市场监督管理行政处罚程序规定》），办理进展可凭受理编号和查询码查询。`;
}

/** A code to keep: large, selectable, with 复制. */
function CodeRow({ label, value, className, onCopy }: { label: string; value: string; className: string; onCopy: () => void }) {
  return (
    <View className="pub-receipt__row">
      <View className="pub-receipt__label">{label}</View>
      <View className="pub-receipt__value-row">
        <Text className={`pub-receipt__value ${className}`} userSelect>
          {value}
        </Text>
        <Button size="small" fill="outline" type="primary" onClick={onCopy}>
          复制
        </Button>
      </View>
    </View>
  );
}

/**
 * The receipt after submitting: the tracking number and the query code, shown this once (the
 * server keeps only a hash of the code). Never put the code into a URL: it would stay in the history.
 */
export function ComplaintReceipt({ receipt }: { receipt: PublicComplaintReceipt }) {
  const copy = useCopy();
  return (
    <View className="pub-receipt">
      <View className="card pub-receipt__head">
        <View className="pub-receipt__icon">✓</View>
        <View className="pub-receipt__title">{`${receipt.kindLabel}已提交`}</View>
        <View className="muted">{`提交时间：${formatShanghaiDateTime(receipt.receivedAt)}`}</View>
      </View>
      <View className="card">
        <CodeRow label="受理编号" value={receipt.trackingNo} className="pub-receipt__tracking" onCopy={() => copy(receipt.trackingNo, '受理编号')} />
        <CodeRow label="查询码" value={receipt.queryCode} className="pub-receipt__code" onCopy={() => copy(receipt.queryCode, '查询码')} />
        <View className="pub-warning">查询码只显示这一次，系统不保存明文，遗失后无法找回。请现在截图或抄下受理编号和查询码。</View>
      </View>
      <View className="card pub-receipt__note">{statutoryNote(receipt)}</View>
      <View className="actions">
        <Button block type="primary" size="large" onClick={() => navigateTo('public.complaintStatus', { trackingNo: receipt.trackingNo })}>
          查询进度
        </Button>
      </View>
    </View>
  );
}
