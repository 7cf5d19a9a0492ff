import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { businessDateOf, ErrorCodes, FILE_KINDS, FileDto, FileKind, isEnterpriseRole, Role } from '@shian/shared';
import { AppError, notFound } from '../common/app-error';
import type { Caller } from '../common/caller';
import { labelForPath } from '../common/field-labels';
import { applyScope } from '../common/region-scope';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Enterprise } from '../enterprises/enterprise.entity';
import { ACCEPTED_MIMES, sniffMime } from './content-type';
import { EvidenceFile } from './evidence-file.entity';
import { FileErrorCodes, FileErrors, tooLarge } from './files.errors';
import { STORAGE_SERVICE, StorageService, storageKeyFor } from './storage/storage';

const FILE_KIND_NAMES: Record<FileKind, string> = { photo: '照片', document: '文件', signature: '签名', credential: '资质证明文件' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A client file name fit to show: no directories, no control characters, at most 255 characters. */
export function cleanOriginalName(raw: string | undefined): string | null {
  if (!raw) return null;
  // eslint-disable-next-line no-control-regex
  const base = raw.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base ? Array.from(base).slice(0, 255).join('') : null;
}

/** An upload as read from the request (multipart.ts). */
export interface IncomingUpload {
  content: Buffer;
  kind: string | undefined;
  /** The client's file name: shown to people, never used to decide anything. */
  filename: string | undefined;
  /** A cadre's upload: the business assigned to them that the file is evidence of (a supervision visit's photo). */
  enterpriseId?: string;
}

export interface FileContent {
  file: FileDto;
  stream: Readable;
}

@Injectable()
export class FilesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(STORAGE_SERVICE) private readonly storage: StorageService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Nest's Logger forwards to the app's JSON logger.
  private readonly logger = new Logger('Files');

  /**
   * Stores an enterprise user's upload for their own enterprise. The content decides the type;
   * the content is stored before the row is written, so no row ever points at nothing.
   */
  async upload(caller: Caller, upload: IncomingUpload, now = new Date()): Promise<FileDto> {
    const enterpriseId = await this.uploadTarget(caller, upload.enterpriseId);
    const kind = (upload.kind?.trim() || 'photo') as FileKind;
    if (!FILE_KINDS.includes(kind)) throw AppError.of(FileErrors, FileErrorCodes.BadKind, [{ field: 'kind', message: FileErrors[FileErrorCodes.BadKind].message }]);
    const { content } = upload;
    if (content.length === 0) throw AppError.of(FileErrors, FileErrorCodes.Empty, [{ field: 'file', message: FileErrors[FileErrorCodes.Empty].message }]);
    if (content.length > this.config.uploadMaxBytes) throw tooLarge(this.config.uploadMaxBytes);
    const mime = sniffMime(content);
    if (!mime || !ACCEPTED_MIMES[kind].includes(mime)) {
      const message = ACCEPTED_MIMES[kind].includes('application/pdf') ? '文件必须是 JPEG、PNG、WebP 格式的图片或 PDF 文档' : FileErrors[FileErrorCodes.TypeNotAllowed].message;
      throw AppError.of(FileErrors, FileErrorCodes.TypeNotAllowed, [{ field: 'file', message }], message);
    }
    const owner = enterpriseId === null ? { id: null, regionCode: caller.regionCode! } : await this.ds.getRepository(Enterprise).findOne({ where: { id: enterpriseId }, select: { id: true, regionCode: true } });
    if (!owner) throw AppError.of(FileErrors, FileErrorCodes.NoEnterprise);

    const id = randomUUID();
    const row: EvidenceFile = Object.assign(new EvidenceFile(), {
      id,
      enterpriseId: owner.id,
      regionCode: owner.regionCode,
      uploadedBy: caller.id,
      kind,
      mime,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      storageKey: storageKeyFor(id, businessDateOf(now)),
      originalName: cleanOriginalName(upload.filename),
      createdAt: now,
    });
    await this.storage.put(row.storageKey, content, mime);
    try {
      await this.ds.getRepository(EvidenceFile).insert(row);
    } catch (e) {
      // The content stays as an unreferenced object (evidence is never deleted); nothing serves it.
      this.logger.warn({ msg: 'file stored but its row was not written', fileId: id, storageKey: row.storageKey, error: (e as Error).message });
      throw e;
    }
    return this.toDto(row);
  }

  /**
   * The enterprise an upload belongs to: an enterprise user's own; for a cadre, the business named in
   * the form that is assigned to them now (their visit's evidence about it), or none: the cadre's own
   * file (a scanned 承诺书), null.
   */
  private async uploadTarget(caller: Caller, named: string | undefined): Promise<string | null> {
    if (isEnterpriseRole(caller.role) && caller.enterpriseId) return caller.enterpriseId;
    if (caller.role !== Role.Cadre || !caller.regionCode) throw AppError.of(FileErrors, FileErrorCodes.NoEnterprise);
    const id = named?.trim().toLowerCase();
    if (!id) return null;
    if (!UUID.test(id)) throw AppError.of(FileErrors, FileErrorCodes.CadreEnterprise, [{ field: 'enterpriseId', message: FileErrors[FileErrorCodes.CadreEnterprise].message }]);
    const rows = (await this.ds.query('SELECT enterprise_id FROM cadre_assignments WHERE enterprise_id = ? AND cadre_id = ?', [id, caller.id])) as unknown[];
    if (!rows.length) throw AppError.of(FileErrors, FileErrorCodes.CadreEnterprise, [{ field: 'enterpriseId', message: FileErrors[FileErrorCodes.CadreEnterprise].message }]);
    return id;
  }

  /** One file's metadata, if the caller may see its enterprise's records; else the same 404. */
  async findOne(caller: Caller, id: string): Promise<FileDto> {
    return this.toDto(await this.scoped(caller, id));
  }

  async open(caller: Caller, id: string): Promise<FileContent> {
    const row = await this.scoped(caller, id);
    return { file: this.toDto(row), stream: await this.storage.get(row.storageKey) };
  }

  /**
   * For records that reference uploads (a daily check's photo ids): every id exists, belongs to the
   * caller's enterprise and is a photo (or one of `kinds`); else a 400 naming the field and the item.
   * `refs` is a list (field 'photoIds') or field path → ids, e.g. { 'items[3].photoIds': [...] },
   * checked in one query.
   */
  async assertUsable(
    caller: Caller,
    refs: readonly string[] | Readonly<Record<string, readonly string[]>>,
    em: EntityManager = this.ds.manager,
    kinds: readonly FileKind[] = ['photo'],
  ): Promise<void> {
    const groups: Array<[string, readonly string[]]> = Array.isArray(refs) ? [['photoIds', refs as readonly string[]]] : Object.entries(refs as Record<string, readonly string[]>);
    const all = groups.flatMap(([, ids]) => ids);
    if (all.length === 0) return;
    const wanted = [...new Set(all.filter((id) => typeof id === 'string' && UUID.test(id)).map((id) => id.toLowerCase()))];
    const rows = wanted.length && caller.enterpriseId
      ? await em.getRepository(EvidenceFile).find({ where: { id: In(wanted), enterpriseId: caller.enterpriseId }, select: { id: true, kind: true } })
      : [];
    const byId = new Map(rows.map((r) => [r.id.toLowerCase(), r]));
    const problems: Array<{ field: string; message: string }> = [];
    for (const [field, ids] of groups) {
      const seen = new Set<string>();
      ids.forEach((raw, i) => {
        const path = `${field}[${i}]`;
        const key = typeof raw === 'string' ? raw.toLowerCase() : '';
        const row = byId.get(key);
        let problem: string | null = null;
        if (!row) problem = '不存在或不属于本企业，请重新上传';
        else if (!kinds.includes(row.kind)) problem = `不是${kinds.map((k) => FILE_KIND_NAMES[k]).join('或')}`;
        else if (seen.has(key)) problem = '重复';
        seen.add(key);
        if (problem) problems.push({ field: path, message: `${labelForPath(path)}${problem}` });
      });
    }
    if (problems.length) throw new AppError(ErrorCodes.ValidationFailed, 400, problems.map((p) => p.message).join('；'), problems);
  }

  private async scoped(caller: Caller, id: string): Promise<EvidenceFile> {
    const qb = this.ds.getRepository(EvidenceFile).createQueryBuilder('f').where('f.id = :id', { id });
    const row = await applyScope(qb, caller, { region: 'f.regionCode', enterprise: 'f.enterpriseId' }).getOne();
    if (!row) throw notFound('文件');
    return row;
  }

  private toDto(row: EvidenceFile): FileDto {
    return {
      id: row.id,
      kind: row.kind,
      mime: row.mime,
      size: row.sizeBytes,
      sha256: row.sha256,
      url: `/api/files/${row.id}`,
      originalName: row.originalName,
      createdAt: row.createdAt.toISOString(),
    };
  }
}
