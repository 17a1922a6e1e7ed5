import type { Generated, Kysely, Migration } from 'kysely';
import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { idColumnType, nowIso } from '../../platform/db/database.js';
import { KIND_MIME, type FileKind } from '../../platform/files/files.js';
import { badRequest, conflict, notFound } from '../../platform/http/errors.js';
import type { Database } from '../../schema.js';
import type { Actor } from '../accounts/policy.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';
import { findPersonalData, type Finding } from '../documents/checks.js';
import { outcomeOf } from './outcomes.js';
import { getRequest, handledCase } from './service.js';

/**
 * 依申请公开答复选登 (disclosure log): a reply that provided information may be published for everyone,
 * with a public title and summary written by staff. Nothing of the applicant is copied: no name, no
 * contact, not the request's own wording; only the released files staff pick are downloadable.
 */
export interface RequestPublicationTable {
  id: Generated<number>;
  request_id: number;
  unit_id: number;
  title: string;
  summary: string;
  outcome: string;
  reply_date: string;
  /** JSON array of request_file ids (purpose released) offered for download. */
  file_ids: string;
  published_at: string;
  published_by: string;
  withdrawn_at: string | null;
}

export interface PublicationTables {
  request_publication: RequestPublicationTable;
}

export const publicationMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('request_publication')
      .addColumn('id', idColumnType(db))
      .addColumn('request_id', 'integer', (c) => c.notNull().unique().references('disclosure_request.id'))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('reply_date', 'text', (c) => c.notNull())
      .addColumn('file_ids', 'text', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('published_by', 'text', (c) => c.notNull())
      .addColumn('withdrawn_at', 'text')
      .execute();
    await db.schema.createIndex('request_publication_list_idx').on('request_publication').columns(['withdrawn_at', 'reply_date']).execute();
  },
};

/** Personal data in the public texts, plus the applicant's name wherever it appears: all block publishing. */
export function publicationFindings(texts: { title: string; summary: string }, applicantName: string): Finding[] {
  const findings = [...findPersonalData('title', texts.title), ...findPersonalData('summary', texts.summary)];
  for (const [field, text] of Object.entries(texts)) {
    const at = applicantName.length >= 2 ? text.indexOf(applicantName) : -1;
    if (at >= 0) findings.push({ kind: 'personal_name', severity: 'block', field, offset: at, length: applicantName.length, excerpt: `${text.slice(Math.max(0, at - 8), at)}【申请人姓名】${text.slice(at + applicantName.length, at + applicantName.length + 8)}`, message: '含有申请人姓名或名称，选登时须删除' });
  }
  return findings;
}

export interface PublicationInput {
  title: string;
  summary: string;
  fileIds: number[];
}

/** Publishes a reply to the disclosure log (or replaces its texts); only replies that provide information qualify. */
export async function publishToLog(ctx: AppContext, actor: Actor, requestId: number, input: PublicationInput, req: RequestInfo) {
  const row = await handledCase(ctx.db, actor, requestId);
  const reply = await ctx.db.selectFrom('request_reply').select(['outcome', 'reply_date']).where('request_id', '=', requestId).executeTakeFirst();
  if (!reply) throw conflict('not_replied', '答复后才能选登');
  if (!outcomeOf(reply.outcome)?.provides) throw conflict('not_disclosed', '只有予以公开或部分公开的答复可以选登');
  const findings = publicationFindings(input, row.applicant_name);
  if (findings.length) throw badRequest('personal_data', `选登内容含有个人信息：${findings.map((f) => `${f.field === 'title' ? '标题' : '摘要'}“${f.excerpt}”${f.message}`).join('；')}`, findings);
  const released = await ctx.db.selectFrom('request_file').select('id').where('request_id', '=', requestId).where('purpose', '=', 'released').execute();
  const allowed = new Set(released.map((f) => f.id));
  const stray = input.fileIds.filter((id) => !allowed.has(id));
  if (stray.length) throw badRequest('file_not_released', '只能选登随答复提供的文件');
  const before = await ctx.db.selectFrom('request_publication').selectAll().where('request_id', '=', requestId).executeTakeFirst();
  const values = { title: input.title, summary: input.summary, file_ids: JSON.stringify([...new Set(input.fileIds)]), outcome: reply.outcome, reply_date: reply.reply_date, published_at: nowIso(), published_by: actor.displayName, withdrawn_at: null };
  await ctx.db.transaction().execute(async (trx) => {
    if (before) await trx.updateTable('request_publication').set(values).where('id', '=', before.id).execute();
    else await trx.insertInto('request_publication').values({ ...values, request_id: requestId, unit_id: row.unit_id }).execute();
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: 'request.log_publish', entityType: 'request', entityId: requestId, before: before ? { title: before.title, summary: before.summary, withdrawn: !!before.withdrawn_at } : null, after: { title: input.title, summary: input.summary, fileIds: input.fileIds }, ip: req.ip });
  });
  return getRequest(ctx, actor, requestId);
}

export async function withdrawFromLog(ctx: AppContext, actor: Actor, requestId: number, req: RequestInfo) {
  const row = await handledCase(ctx.db, actor, requestId);
  const entry = await ctx.db.selectFrom('request_publication').selectAll().where('request_id', '=', requestId).where('withdrawn_at', 'is', null).executeTakeFirst();
  if (!entry) throw conflict('not_published', '该答复未选登');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('request_publication').set({ withdrawn_at: nowIso() }).where('id', '=', entry.id).execute();
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: 'request.log_withdraw', entityType: 'request', entityId: requestId, before: { title: entry.title }, ip: req.ip });
  });
  return getRequest(ctx, actor, requestId);
}

/** The case's entry as its handlers see it. */
export async function publicationOf(db: Kysely<Database>, requestId: number) {
  const p = await db.selectFrom('request_publication').selectAll().where('request_id', '=', requestId).executeTakeFirst();
  return p ? { id: p.id, title: p.title, summary: p.summary, fileIds: JSON.parse(p.file_ids) as number[], publishedAt: p.published_at, publishedBy: p.published_by, withdrawn: p.withdrawn_at !== null, url: `/xxgk/request/log/${p.id}` } : null;
}

export const LOG_SORTS = ['date_desc', 'date_asc'] as const;

/** The public list: published, not withdrawn, optionally one unit (with its subtree) and a year. */
export async function listLog(db: Kysely<Database>, q: { unitId?: number | undefined; year?: number | undefined; sort?: (typeof LOG_SORTS)[number] | undefined; page: number; pageSize: number }) {
  let query = db.selectFrom('request_publication').innerJoin('unit', 'unit.id', 'request_publication.unit_id').where('request_publication.withdrawn_at', 'is', null);
  if (q.unitId) {
    const root = await db.selectFrom('unit').select('path').where('id', '=', q.unitId).executeTakeFirst();
    query = query.where('unit.path', 'like', `${root?.path ?? '/-/'}%`);
  }
  if (q.year) query = query.where('request_publication.reply_date', '>=', `${q.year}-01-01`).where('request_publication.reply_date', '<=', `${q.year}-12-31`);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.select(['request_publication.id', 'request_publication.title', 'request_publication.summary', 'request_publication.outcome', 'request_publication.reply_date', 'unit.name as unit_name', 'unit.id as unit_id'])
    .orderBy('request_publication.reply_date', q.sort === 'date_asc' ? 'asc' : 'desc').orderBy('request_publication.id', q.sort === 'date_asc' ? 'asc' : 'desc')
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute();
  return { total, items: rows.map((r) => ({ id: r.id, title: r.title, summary: r.summary, outcomeLabel: outcomeOf(r.outcome)!.group, replyDate: r.reply_date, unitName: r.unit_name, unitId: r.unit_id })) };
}

/** One public entry with its downloadable files; withdrawn or unknown entries are not found. */
export async function logEntry(db: Kysely<Database>, id: number) {
  const p = await db.selectFrom('request_publication').innerJoin('unit', 'unit.id', 'request_publication.unit_id').selectAll('request_publication').select('unit.name as unit_name')
    .where('request_publication.id', '=', id).where('request_publication.withdrawn_at', 'is', null).executeTakeFirst();
  if (!p) throw notFound('选登的答复');
  const ids = JSON.parse(p.file_ids) as number[];
  const files = ids.length ? await db.selectFrom('request_file').select(['id', 'file_name', 'size', 'kind', 'sha256']).where('id', 'in', ids).orderBy('id').execute() : [];
  return {
    id: p.id, title: p.title, summary: p.summary, outcomeLabel: outcomeOf(p.outcome)!.group, replyDate: p.reply_date, unitName: p.unit_name, publishedAt: p.published_at,
    files: files.map((f) => ({ id: f.id, fileName: f.file_name, size: f.size, kind: f.kind, sha256: f.sha256, mime: KIND_MIME[f.kind as FileKind] ?? 'application/octet-stream', url: `/xxgk/request/log/${p.id}/files/${f.id}` })),
  };
}
