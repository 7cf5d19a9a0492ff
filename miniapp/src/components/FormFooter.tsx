import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { navigateTo } from '../platform/nav';
import './FormFooter.css';

export interface FormFooterConflict {
  /** 「查看已提交的…」: opens the record already submitted (no button without it). */
  onView?: () => void;
  viewLabel: string;
  /** 「放弃草稿，返回首页」 (no button without it). */
  onDiscard?: () => void;
}

export interface FormFooterProps {
  /** What is wrong with the last attempt, one line each (nothing shown when empty). */
  summary: string[];
  submitting: boolean;
  submitLabel: string;
  onSubmit: () => void;
  /** The period / date already has a submission: its buttons replace the submit button. */
  conflict?: FormFooterConflict | null;
  /** The last attempt waits in the submission queue: offer the queue page. */
  queued?: boolean;
}

/** The bottom of a form: the summary of the last attempt's problems, then the submit button (or, after a 409, the way out). */
export function FormFooter({ summary, submitting, submitLabel, onSubmit, conflict, queued }: FormFooterProps) {
  return (
    <>
      {summary.length > 0 ? (
        <View className={`dc__summary${queued ? ' dc__summary--queued' : ''}`}>
          {summary.map((line) => (
            <View key={line} className="dc__summary-line">
              {line}
            </View>
          ))}
        </View>
      ) : null}

      <View className="actions">
        {conflict ? (
          <>
            {conflict.onView ? (
              <Button block type="primary" size="large" onClick={conflict.onView}>
                {conflict.viewLabel}
              </Button>
            ) : null}
            {conflict.onDiscard ? (
              <Button block fill="outline" size="large" onClick={conflict.onDiscard}>
                放弃草稿，返回首页
              </Button>
            ) : null}
          </>
        ) : (
          <>
            <Button block type="primary" size="large" loading={submitting} onClick={onSubmit}>
              {submitLabel}
            </Button>
            {queued ? (
              <Button block fill="outline" size="large" onClick={() => navigateTo('enterprise.outbox')}>
                查看待发送队列
              </Button>
            ) : null}
          </>
        )}
      </View>
    </>
  );
}
