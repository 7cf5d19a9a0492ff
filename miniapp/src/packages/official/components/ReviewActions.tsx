import { useState } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { errorMessage } from '../../../api';
import { useToast } from '../../../hooks/useToast';
import { ReasonDialog } from './ReasonDialog';
import '../official.css';

export interface ReviewActionsProps {
  approveLabel: string;
  /** Sends the approval (and tells the list); a throw is toasted and the card stays. */
  approve: () => Promise<void>;
  /** The reject button (default 驳回); the dialog's confirm button and empty-reason message. */
  rejectLabel?: string;
  reject: { title: string; subject: string; placeholder: string; confirmText?: string; emptyMessage?: string; send: (reason: string) => Promise<void> };
}

/** A review card's decision: approve at once, or 驳回 with a reason in a dialog. */
export function ReviewActions({ approveLabel, approve, rejectLabel = '驳回', reject }: ReviewActionsProps) {
  const { showToast } = useToast();
  const [approving, setApproving] = useState(false);
  const [rejecting, setRejecting] = useState(false);

  async function onApprove() {
    setApproving(true);
    try {
      await approve();
    } catch (e) {
      showToast(errorMessage(e), 'fail');
    } finally {
      setApproving(false);
    }
  }

  return (
    <>
      <View className="off-review__actions">
        <Button type="primary" loading={approving} onClick={() => void onApprove()}>
          {approveLabel}
        </Button>
        <Button type="danger" fill="outline" disabled={approving} onClick={() => setRejecting(true)}>
          {rejectLabel}
        </Button>
      </View>
      {rejecting ? (
        <ReasonDialog
          title={reject.title}
          subject={reject.subject}
          placeholder={reject.placeholder}
          confirmText={reject.confirmText}
          emptyMessage={reject.emptyMessage}
          onClose={() => setRejecting(false)}
          onConfirm={reject.send}
        />
      ) : null}
    </>
  );
}
