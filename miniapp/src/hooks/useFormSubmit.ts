import { useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api';
import { QueuedError, sentResultOf, subscribeOutbox } from '../api/outbox';
import { useToast } from './useToast';

/** The record a form would create already exists (409): its id when the server named it. */
export interface SubmitConflict {
  existingId?: string;
}

/**
 * A form's submit state: the summary lines under the form, whether a request is under way, the
 * conflict when the server answers with one of `conflictCodes` (the record exists already), and
 * whether the submission waits in the queue. `onSent` gets the record, also when the queue sends
 * it while the form is still open.
 */
export function useFormSubmit<T>(conflictCodes: readonly string[], onSent: (created: T) => void) {
  const { showToast } = useToast();
  const [summary, setSummary] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [conflict, setConflict] = useState<SubmitConflict | null>(null);
  const [queued, setQueued] = useState(false);
  /** The queue entry of the last attempt, while it waits to be sent. */
  const queuedId = useRef<string | null>(null);
  const onSentRef = useRef(onSent);
  onSentRef.current = onSent;

  useEffect(
    () =>
      subscribeOutbox(() => {
        const id = queuedId.current;
        const created = id ? sentResultOf(id) : undefined;
        if (created === undefined) return;
        queuedId.current = null;
        setQueued(false);
        setSummary([]);
        onSentRef.current(created as T);
      }),
    [],
  );

  /**
   * Runs `send` (the submission through the queue); its record goes to `onSent`. A submission
   * that could not be sent now stays queued (the draft and its Idempotency-Key too, so submitting
   * again is safe) and its message becomes the summary. A conflict is kept with the server's
   * message as the summary; a failure with field errors goes to `onFieldErrors`, which sets the
   * summary; any other becomes the summary. Every failure is also toasted.
   */
  async function submit(send: () => Promise<T>, onFieldErrors: (e: ApiError) => void): Promise<void> {
    setConflict(null);
    setQueued(false);
    queuedId.current = null;
    setSubmitting(true);
    try {
      const created = await send();
      onSentRef.current(created);
    } catch (e) {
      if (e instanceof QueuedError) {
        queuedId.current = e.entryId;
        setQueued(true);
        setSummary([e.message]);
        showToast(e.message, 'warn');
        return;
      }
      if (e instanceof ApiError && conflictCodes.includes(e.code)) {
        const existingId = e.details && !Array.isArray(e.details) ? e.details.existingId : undefined;
        setConflict({ existingId: typeof existingId === 'string' ? existingId : undefined });
        setSummary([e.message]);
      } else if (e instanceof ApiError && e.fieldErrors.length > 0) {
        onFieldErrors(e);
      } else {
        setSummary([errorMessage(e)]);
      }
      showToast(errorMessage(e), 'fail');
    } finally {
      setSubmitting(false);
    }
  }

  return { summary, setSummary, submitting, conflict, queued, submit };
}
