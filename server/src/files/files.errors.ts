import { AppError, type ErrorSpec } from '../common/app-error';

export const FileErrorCodes = {
  NotMultipart: 'FILE_NOT_MULTIPART',
  Missing: 'FILE_MISSING',
  Empty: 'FILE_EMPTY',
  TooLarge: 'FILE_TOO_LARGE',
  TooMany: 'FILE_TOO_MANY',
  BadForm: 'FILE_BAD_FORM',
  TypeNotAllowed: 'FILE_TYPE_NOT_ALLOWED',
  BadKind: 'FILE_BAD_KIND',
  NoEnterprise: 'FILE_NO_ENTERPRISE',
  CadreEnterprise: 'FILE_CADRE_ENTERPRISE',
} as const;

export type FileErrorCode = (typeof FileErrorCodes)[keyof typeof FileErrorCodes];

export const FileErrors = {
  [FileErrorCodes.NotMultipart]: { status: 415, message: '请以 multipart/form-data 格式上传文件' },
  [FileErrorCodes.Missing]: { status: 400, message: '文件不能为空：请在字段 file 中上传文件' },
  [FileErrorCodes.Empty]: { status: 400, message: '文件是空的（0 字节），请重新选择' },
  [FileErrorCodes.TooLarge]: { status: 413, message: '文件过大' },
  [FileErrorCodes.TooMany]: { status: 400, message: '文件一次只能上传一个' },
  [FileErrorCodes.BadForm]: { status: 400, message: '上传的数据不完整或格式有误，请重新上传文件' },
  [FileErrorCodes.TypeNotAllowed]: { status: 415, message: '文件必须是 JPEG、PNG 或 WebP 格式的图片' },
  [FileErrorCodes.BadKind]: { status: 400, message: '文件用途（kind）必须是 photo、document、signature 或 credential 之一' },
  [FileErrorCodes.NoEnterprise]: { status: 403, message: '当前账号未绑定企业，不能上传文件' },
  [FileErrorCodes.CadreEnterprise]: { status: 400, message: '所注明的企业（enterpriseId）不是您当前包保的企业' },
} satisfies Record<FileErrorCode, ErrorSpec>;

/** 413 naming the limit: '文件过大：不能超过 10 MB'. */
export function tooLarge(maxBytes: number): AppError {
  const mb = maxBytes / (1024 * 1024);
  const limit = mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return AppError.of(FileErrors, FileErrorCodes.TooLarge, { maxBytes }, `文件过大：不能超过 ${limit}`);
}

