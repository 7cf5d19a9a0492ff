// Reads the one file of a multipart upload into memory, within the size limit, and the optional
// `kind` field, whatever order the client sends the parts in. HTTP only: the service decides.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../common/app-error';
import { FileErrorCodes, FileErrors, tooLarge } from './files.errors';
import type { IncomingUpload } from './files.service';

export const UPLOAD_FIELD = 'file';

/** @fastify/multipart's and busboy's errors as ours. */
function translate(e: unknown, maxBytes: number): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string } | null)?.code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return tooLarge(maxBytes);
    case 'FST_FILES_LIMIT':
      return AppError.of(FileErrors, FileErrorCodes.TooMany);
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return AppError.of(FileErrors, FileErrorCodes.NotMultipart);
    default:
      // Malformed bodies (no boundary, truncated parts, too many fields) are the client's fault.
      return AppError.of(FileErrors, FileErrorCodes.BadForm);
  }
}

export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<IncomingUpload> {
  if (!req.isMultipart()) throw AppError.of(FileErrors, FileErrorCodes.NotMultipart);
  let upload: { content: Buffer; filename: string } | null = null;
  let kind: string | undefined;
  let enterpriseId: string | undefined;
  try {
    const parts = req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024, headerPairs: 50 } });
    for await (const part of parts) {
      if (part.type === 'file') {
        if (part.fieldname !== UPLOAD_FIELD) {
          part.file.resume();
          throw AppError.of(FileErrors, FileErrorCodes.Missing, [{ field: UPLOAD_FIELD, message: `文件须放在字段 ${UPLOAD_FIELD} 中` }]);
        }
        upload = { content: await part.toBuffer(), filename: part.filename };
      } else if (part.fieldname === 'kind') {
        kind = String(part.value);
      } else if (part.fieldname === 'enterpriseId') {
        enterpriseId = String(part.value);
      }
    }
  } catch (e) {
    throw translate(e, maxBytes);
  }
  if (!upload) throw AppError.of(FileErrors, FileErrorCodes.Missing, [{ field: UPLOAD_FIELD, message: FileErrors[FileErrorCodes.Missing].message }]);
  return { content: upload.content, kind, filename: upload.filename, enterpriseId };
}
