// Passwords people choose when they sign up (registration, accepting an invitation). Logins only
// check the password; this rule applies where one is set.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;

/** Why a new password is not acceptable (Chinese), or null: 8–64 characters with a letter and a digit. */
export function newPasswordProblem(password: string): string | null {
  if (typeof password !== 'string') return '密码必须是字符串';
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) return `密码长度应为${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH}位`;
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return null;
}
