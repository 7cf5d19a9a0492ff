import { useCallback, useState } from 'react';

type Errors<F extends string> = Partial<Record<F, string>>;

/**
 * When a long form shows each field's problem: once the field was left (blur) or a submit was
 * tried, and the server's own message for a field until that field changes. `problems` is the
 * form's current check, recomputed on every render, so a corrected field clears at once.
 */
export function useFieldErrors<F extends string>(problems: Errors<F>) {
  const [touched, setTouched] = useState<Partial<Record<F, true>>>({});
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Errors<F>>({});

  const errorOf = (field: F): string | null => server[field] ?? (submitted || touched[field] ? (problems[field] ?? null) : null);

  const touch = useCallback((field: F) => setTouched((t) => (t[field] ? t : { ...t, [field]: true })), []);

  /** The field was edited: the server's message about its old value no longer applies. */
  const edited = useCallback(
    (field: F) =>
      setServer((s) => {
        if (!s[field]) return s;
        const next = { ...s };
        delete next[field];
        return next;
      }),
    [],
  );

  return { errorOf, touch, edited, submitted, setSubmitted, setServer };
}
