import { Input } from '@nutui/nutui-react-taro';
import { PASSWORD_MAX_LENGTH } from '@shian/shared';
import { FormField } from '../../../components/FormField';
import type { PersonField, PersonForm } from '../forms';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

export interface PersonFieldsProps {
  value: PersonForm;
  onChange: (field: PersonField, value: string) => void;
  onBlur: (field: PersonField) => void;
  errorOf: (field: PersonField) => string | null;
  disabled?: boolean;
  /** What the phone is for, under its field. */
  phoneHint?: string;
}

/** 姓名、手机号、身份证号、密码 of someone signing up (the registering principal, an invitee). */
export function PersonFields({ value, onChange, onBlur, errorOf, disabled, phoneHint }: PersonFieldsProps) {
  const input = (field: PersonField, props: { placeholder: string; maxLength: number; type?: 'text' | 'tel' | 'number' | 'idcard' | 'password' }) => (
    <Input
      name={field}
      type={props.type ?? 'text'}
      value={value[field]}
      placeholder={props.placeholder}
      maxLength={props.maxLength}
      disabled={disabled}
      onChange={(v) => onChange(field, v)}
      onBlur={() => onBlur(field)}
    />
  );
  return (
    <>
      <FormField label="姓名" required error={errorOf('name')}>
        {input('name', { placeholder: '请输入真实姓名', maxLength: 50 })}
      </FormField>
      <FormField label="手机号" required error={errorOf('phone')} hint={phoneHint}>
        {input('phone', { placeholder: '请输入11位手机号', maxLength: 11, type: IS_WEAPP ? 'number' : 'tel' })}
      </FormField>
      <FormField label="身份证号" required error={errorOf('idNumber')} hint="加密保存，仅显示前4位和后4位">
        {input('idNumber', { placeholder: '请输入18位居民身份证号', maxLength: 18, type: IS_WEAPP ? 'idcard' : 'text' })}
      </FormField>
      <FormField label="设置密码" required error={errorOf('password')} hint="8–64位，须同时包含字母和数字">
        {input('password', { placeholder: '请设置登录密码', maxLength: PASSWORD_MAX_LENGTH, type: 'password' })}
      </FormField>
      <FormField label="确认密码" required error={errorOf('password2')}>
        {input('password2', { placeholder: '请再次输入密码', maxLength: PASSWORD_MAX_LENGTH, type: 'password' })}
      </FormField>
    </>
  );
}
