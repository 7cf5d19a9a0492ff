import type { ErrorBody } from '@shian/shared';

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请稍后重试';
export const UNKNOWN_ERROR_MESSAGE = '服务暂时不可用，请稍后重试';

export type FieldError = { field: string; message: string };

/** Every failure of the API client: HTTP errors carry the server's code and Chinese message. */
export class ApiError extends Error {
  /** HTTP status; 0 for a network failure. */
  readonly status: number;
  /** Server error code (ErrorCodes), or 'NETWORK_ERROR' / 'BAD_RESPONSE' from the client. */
  readonly code: string;
  readonly details?: ErrorBody['details'];

  constructor(status: number, code: string, message: string, details?: ErrorBody['details']) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** `details` as a field list when the server sent one (400 validation errors). */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter((d): d is FieldError => !!d && typeof d.field === 'string' && typeof d.message === 'string');
  }

  static network(): ApiError {
    return new ApiError(0, 'NETWORK_ERROR', NETWORK_ERROR_MESSAGE);
  }
}

/** The message to show for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return UNKNOWN_ERROR_MESSAGE;
}

/** What a form shows under itself after a failed submit: each field's message, or the one message. */
export function errorLines(e: unknown): string[] {
  return e instanceof ApiError && e.fieldErrors.length ? e.fieldErrors.map((f) => f.message) : [errorMessage(e)];
}
