import { useState } from 'react';
import { ApiError, errorMessage } from '../api';
import { useToast } from './useToast';

/** The record a form would create already exists (409): its id when the server named it. */
export interface SubmitConflict {
  existingId?: string;
}

/**
 * A form's submit state: the summary lines under the form, whether a request is under way, and
 * the conflict when the server answers with one of `conflictCodes` (the record exists already).
 */
export function useFormSubmit(conflictCodes: readonly string[]) {
  const { showToast } = useToast();
  const [summary, setSummary] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const [conflict, setConflict] = useState<SubmitConflict | null>(null);

  /**
   * Runs `send` (the request and what follows its success). A conflict is kept with the server's
   * message as the summary; a failure with field errors goes to `onFieldErrors`, which sets the
   * summary; any other (a network failure keeps the draft and its Idempotency-Key, so submitting
   * again is safe) becomes the summary. Every failure is also toasted.
   */
  async function submit(send: () => Promise<void>, onFieldErrors: (e: ApiError) => void): Promise<void> {
    setConflict(null);
    setSubmitting(true);
    try {
      await send();
    } catch (e) {
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

  return { summary, setSummary, submitting, conflict, submit };
}
