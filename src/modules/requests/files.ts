import type { Generated, Kysely, Migration } from 'kysely';
import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { idColumnType, nowIso } from '../../platform/db/database.js';
import { KIND_MIME, sniffFile, type FileKind } from '../../platform/files/files.js';
import { AppError, badRequest, conflict, notFound } from '../../platform/http/errors.js';
import type { Database } from '../../schema.js';
import type { Actor } from '../accounts/policy.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';
import { handledCase } from './service.js';
import { MAX_ATTACHMENT_BYTES } from '../documents/attachments.js';

/**
 * Files of a case: 'released' files are the information provided with the reply (for 部分公开, the
 * disclosable part); 'internal' files are working papers (the letter received, consultation answers).
 */
export interface RequestFileTable {
  id: Generated<number>;
  request_id: number;
  purpose: 'released' | 'internal';
  file_name: string;
  kind: string;
  size: number;
  sha256: string;
  created_at: string;
}

export interface RequestFileTables {
  request_file: RequestFileTable;
}

export const requestFilesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('request_file')
      .addColumn('id', idColumnType(db))
      .addColumn('request_id', 'integer', (c) => c.notNull().references('disclosure_request.id'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('request_file_request_idx').on('request_file').column('request_id').execute();
  },
};


export async function listRequestFiles(db: Kysely<Database>, requestId: number) {
  const rows = await db.selectFrom('request_file').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, purpose: r.purpose, fileName: r.file_name, kind: r.kind, size: r.size, url: `/api/v1/request-files/${r.id}` }));
}

export async function addRequestFile(ctx: AppContext, actor: Actor, requestId: number, purpose: 'released' | 'internal', fileName: string, data: Buffer, req: RequestInfo) {
  const row = await handledCase(ctx.db, actor, requestId);
  if (row.status === 'archived') throw conflict('invalid_status', '已归档的申请不能再添加材料');
  if (data.length === 0) throw badRequest('empty_file', '文件为空');
  if (data.length > MAX_ATTACHMENT_BYTES) throw new AppError(413, 'file_too_large', `文件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  const name = fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 120).trim() || '文件';
  const kind: FileKind | null = sniffFile(data, name);
  if (!kind) throw new AppError(415, 'unsupported_file_type', '只接受 PDF、Word、Excel 和图片文件，且文件内容须与扩展名一致');
  const sha256 = ctx.files.save(data);
  await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('request_file').values({ request_id: requestId, purpose, file_name: name, kind, size: data.length, sha256, created_at: nowIso() }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: 'request.file_add', entityType: 'request', entityId: requestId, after: { file: id, purpose, fileName: name, sha256 }, ip: req.ip });
  });
  return listRequestFiles(ctx.db, requestId);
}

/** Files of a case are for its handlers only (they may contain personal data). */
export async function requestFile(ctx: AppContext, actor: Actor, fileId: number) {
  const file = await ctx.db.selectFrom('request_file').selectAll().where('id', '=', fileId).executeTakeFirst();
  if (!file) throw notFound('文件');
  await handledCase(ctx.db, actor, file.request_id);
  return { ...file, mime: KIND_MIME[file.kind as FileKind] ?? 'application/octet-stream' };
}
