import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { extractText, KIND_MIME, sniffFile, type FileKind } from '../../platform/files/files.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import type { Database } from '../../schema.js';
import { can, type Actor } from '../accounts/policy.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';
import { syncSearchIndex } from './search.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

export const AttachmentDto = z.object({ id: z.number(), fileName: z.string(), kind: z.string(), size: z.number(), url: z.string() });
export type AttachmentDto = z.infer<typeof AttachmentDto>;

/** Download address; the name is only for the browser's save dialog. */
export const attachmentUrl = (id: number, fileName: string) => `/files/${id}/${encodeURIComponent(fileName)}`;

export async function listAttachments(db: Kysely<Database>, documentId: number): Promise<AttachmentDto[]> {
  const rows = await db.selectFrom('attachment').select(['id', 'file_name', 'kind', 'size']).where('document_id', '=', documentId).orderBy('sort_order').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, kind: r.kind, size: r.size, url: attachmentUrl(r.id, r.file_name) }));
}

async function editableDocument(db: Kysely<Database>, actor: Actor, documentId: number) {
  const doc = await db.selectFrom('document').innerJoin('unit', 'unit.id', 'document.unit_id').select(['document.id', 'document.status', 'document.unit_id', 'unit.path']).where('document.id', '=', documentId).executeTakeFirst();
  if (!doc) throw notFound('文件');
  if (!can(actor, 'document.edit', doc.path)) throw forbidden('您无权修改其他单位的文件');
  if (doc.status !== 'draft') throw conflict('invalid_status', '只有草稿可以增删附件');
  return doc;
}

/** Adds an attachment after checking its type by content and its size; PDF and Word text becomes searchable. */
export async function addAttachment(ctx: AppContext, actor: Actor, documentId: number, fileName: string, data: Buffer, req: RequestInfo): Promise<AttachmentDto[]> {
  const doc = await editableDocument(ctx.db, actor, documentId);
  const name = fileName.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 120).trim();
  if (!name) throw badRequest('invalid_file_name', '文件名无效');
  if (data.length === 0) throw badRequest('empty_file', '文件为空');
  if (data.length > MAX_ATTACHMENT_BYTES) throw new AppError(413, 'file_too_large', `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  const kind: FileKind | null = sniffFile(data, name);
  if (!kind) throw new AppError(415, 'unsupported_file_type', '只接受 PDF、Word（doc/docx）、Excel（xls/xlsx）和图片（png/jpg/gif）附件，且文件内容须与扩展名一致');
  const count = await ctx.db.selectFrom('attachment').select((eb) => eb.fn.countAll<number>().as('n')).where('document_id', '=', documentId).executeTakeFirstOrThrow();
  if (count.n >= MAX_ATTACHMENTS) throw badRequest('too_many_attachments', `每个文件最多 ${MAX_ATTACHMENTS} 个附件`);
  const text = await extractText(data, kind);
  const sha256 = ctx.files.save(data);
  await ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('attachment').values({ document_id: documentId, file_name: name, kind, size: data.length, sha256, text, sort_order: count.n + 1, created_at: nowIso() }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { ...auditBy(actor), unitId: doc.unit_id, action: 'document.attach', entityType: 'document', entityId: documentId, after: { attachment: id, fileName: name, kind, size: data.length, sha256 }, ip: req.ip });
  });
  return listAttachments(ctx.db, documentId);
}

export async function removeAttachment(ctx: AppContext, actor: Actor, attachmentId: number, req: RequestInfo): Promise<AttachmentDto[]> {
  const att = await ctx.db.selectFrom('attachment').selectAll().where('id', '=', attachmentId).executeTakeFirst();
  if (!att) throw notFound('附件');
  const doc = await editableDocument(ctx.db, actor, att.document_id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('attachment').where('id', '=', attachmentId).execute();
    await appendAudit(trx, { ...auditBy(actor), unitId: doc.unit_id, action: 'document.detach', entityType: 'document', entityId: att.document_id, before: { attachment: att.id, fileName: att.file_name, sha256: att.sha256 }, ip: req.ip });
  });
  return listAttachments(ctx.db, att.document_id);
}

/** Copies attachment rows to another document (a revision draft shares the stored files). */
export async function copyAttachments(db: Kysely<Database>, from: number, to: number) {
  const rows = await db.selectFrom('attachment').selectAll().where('document_id', '=', from).execute();
  for (const { id: _id, ...r } of rows) await db.insertInto('attachment').values({ ...r, document_id: to }).execute();
}

/** A revision's attachments replace the original's when it is published. */
export async function moveAttachments(db: Kysely<Database>, from: number, to: number) {
  await db.deleteFrom('attachment').where('document_id', '=', to).execute();
  await db.updateTable('attachment').set({ document_id: to }).where('document_id', '=', from).execute();
  await syncSearchIndex(db, to);
}

/** The attachment if the reader may download it: public for public documents, else staff of the unit. */
export async function downloadable(ctx: AppContext, actor: Actor | null, attachmentId: number) {
  const att = await ctx.db.selectFrom('attachment').innerJoin('document', 'document.id', 'attachment.document_id').innerJoin('unit', 'unit.id', 'document.unit_id')
    .select(['attachment.id', 'attachment.file_name', 'attachment.kind', 'attachment.size', 'attachment.sha256', 'document.status', 'document.disclosure', 'unit.path'])
    .where('attachment.id', '=', attachmentId).executeTakeFirst();
  if (!att) return null;
  const isPublic = att.status === 'published' && att.disclosure === 'proactive';
  if (!isPublic && !can(actor, 'document.read', att.path)) return null;
  return { ...att, mime: KIND_MIME[att.kind as FileKind] ?? 'application/octet-stream', isPublic };
}
