import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './FormField.css';

export interface FormFieldProps {
  label: string;
  /** Shown with a red asterisk. */
  required?: boolean;
  /** What is wrong with the value (Chinese), shown under the control in red. */
  error?: string | null;
  /** A line of help under the control while there is no error. */
  hint?: ReactNode;
  children: ReactNode;
}

/** One labelled field of a long form (registration, joining, credentials): label above, problem below. */
export function FormField({ label, required, error, hint, children }: FormFieldProps) {
  return (
    <View className={`form-field${error ? ' form-field--error' : ''}`}>
      <View className="form-field__label">
        {label}
        {required ? <Text className="form-field__required">*</Text> : null}
      </View>
      <View className="form-field__control">{children}</View>
      {error ? <View className="form-field__error">{error}</View> : hint ? <View className="form-field__hint">{hint}</View> : null}
    </View>
  );
}

/** Under a long form: after a submit was tried, how many fields still need fixing; otherwise the last attempt's messages. */
export function FormSummary({ unresolved = 0, lines }: { unresolved?: number; lines: readonly string[] }) {
  const shown = unresolved > 0 ? [`有 ${unresolved} 处需要修改，请查看标红的提示`] : lines;
  if (shown.length === 0) return null;
  return (
    <View className="form-summary">
      {shown.map((line) => (
        <View key={line} className="form-summary__line">
          {line}
        </View>
      ))}
    </View>
  );
}
