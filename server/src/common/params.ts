import { ParseUUIDPipe } from '@nestjs/common';
import { ErrorCodes } from '@shian/shared';
import { AppError } from './app-error';

/** A UUID path parameter; a malformed one is a 400 naming the field, not a 500 or a DB lookup. */
export function uuidParam(label: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    version: undefined,
    exceptionFactory: () => new AppError(ErrorCodes.ValidationFailed, 400, `${label}格式无效`, [{ field: 'id', message: `${label}格式无效` }]),
  });
}
