import { useState } from 'react';
import { View } from '@tarojs/components';
import { Dialog, TextArea } from '@nutui/nutui-react-taro';
import { errorMessage } from '../../../api';
import './ReasonDialog.css';

export interface ReasonDialogProps {
  title: string;
  /** What the reason is about (the business, the paper). */
  subject?: string;
  /** A smaller line on who will read the text (a complaint's reply, a reveal's record). */
  note?: string;
  placeholder: string;
  /** False: the text may be left empty (default true). */
  required?: boolean;
  maxLength?: number;
  /** The confirm button (default 确认驳回). */
  confirmText?: string;
  /** Shown when confirmed without a reason (default 请填写驳回原因). */
  emptyMessage?: string;
  /** Sends the decision; a throw keeps the dialog open with the message. */
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

/** A decision with one text — 驳回 with a reason the business will read, a complaint's reply —; a throw from `onConfirm` keeps it open with the message. */
export function ReasonDialog({
  title,
  subject,
  note,
  placeholder,
  required = true,
  maxLength = 200,
  confirmText = '确认驳回',
  emptyMessage = '请填写驳回原因',
  onConfirm,
  onClose,
}: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function confirm(): Promise<void> {
    if (required && !reason.trim()) {
      setError(emptyMessage);
      throw new Error('invalid');
    }
    try {
      await onConfirm(reason.trim());
    } catch (e) {
      setError(errorMessage(e));
      throw e;
    }
  }

  return (
    <Dialog visible title={title} confirmText={confirmText} cancelText="取消" onConfirm={confirm} onCancel={onClose} onClose={onClose}>
      <View className="reason-dialog">
        {subject ? <View className="reason-dialog__subject">{subject}</View> : null}
        {note ? <View className="reason-dialog__note">{note}</View> : null}
        <TextArea
          value={reason}
          placeholder={placeholder}
          maxLength={maxLength}
          rows={3}
          onChange={(v) => {
            setReason(v);
            setError(null);
          }}
        />
        {error ? <View className="error-text">{error}</View> : null}
      </View>
    </Dialog>
  );
}
