// Stable error codes shared by server and client. Messages live with each server feature.
export const ErrorCodes = {
  ValidationFailed: 'VALIDATION_FAILED',
  MalformedJson: 'MALFORMED_JSON',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  TooManyRequests: 'TOO_MANY_REQUESTS',
  Internal: 'INTERNAL_ERROR',
  /** The database gave up on a write under contention (deadlock, lock wait): nothing was stored; retry. */
  Busy: 'SERVER_BUSY',
  // auth
  InvalidCredentials: 'AUTH_INVALID_CREDENTIALS',
  AccountLocked: 'AUTH_ACCOUNT_LOCKED',
  InvalidRefreshToken: 'AUTH_INVALID_REFRESH_TOKEN',
  WechatNotBound: 'AUTH_WECHAT_NOT_BOUND',
  WechatFailed: 'AUTH_WECHAT_FAILED',
  TokenExpired: 'AUTH_TOKEN_EXPIRED',
  // records
  DailyCheckExists: 'DAILY_CHECK_EXISTS',
  IdempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyKeyRequired: 'IDEMPOTENCY_KEY_REQUIRED',
  FutureBusinessDate: 'FUTURE_BUSINESS_DATE',
  NoEnterprise: 'NO_ENTERPRISE',
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];
