import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { sanitizeBody, textToHtml } from '../../platform/html/sanitize.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import type { Database } from '../../schema.js';
import { can, type Action, type Actor } from '../accounts/policy.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';
import { unitRepository } from '../units/repository.js';
import { findPersonalData, findSensitiveWords, htmlToText, internalLinks, type Finding } from './checks.js';
import type { DocumentDto, DocumentInput, PublicDocumentDto } from './dto.js';
import { documentRepository, type DocumentRow } from './repository.js';
import { syncSearchIndex } from './search.js';
import { catalogueRepository } from '../catalogues/repository.js';
import { assertItemKeysOfUnit } from '../catalogues/service.js';
import { copyAttachments, listAttachments, moveAttachments } from './attachments.js';
import { canTransition, disclosureProblem, formatIndexNo, normaliseDocNo, reviewStep, STATUS_PROBLEM, unitCodeFor, type Transition } from './rules.js';

type Row = DocumentRow & { unit_name: string; unit_path: string };
type Review = Awaited<ReturnType<ReturnType<typeof documentRepository>['reviews']>>[number];

export function presentDocument(d: Row, reviews: Review[] = []): DocumentDto {
  return {
    id: d.id, unitId: d.unit_id, unitName: d.unit_name, indexNo: d.index_no, title: d.title, docNo: d.doc_no, writtenDate: d.written_date,
    publisher: d.publisher, topic: d.topic, genre: d.genre, normativeKind: d.normative_kind, keywords: d.keywords, summary: d.summary, validity: d.validity, validityDate: d.validity_date, replacedById: d.replaced_by_id,
    fivePublic: d.five_public, art20Item: d.art20_item, disclosure: d.disclosure, withholdGround: d.withhold_ground, withholdReason: d.withhold_reason,
    bodyHtml: d.body_html, status: d.status, publishAt: d.publish_at, publishedAt: d.published_at, authorId: d.author_id, reviewSteps: d.review_steps,
    findings: JSON.parse(d.findings) as Finding[], reviews: reviews.map((r) => ({ reviewerName: r.reviewer_name, decision: r.decision, note: r.note, at: r.at })),
    withdrawnReason: d.withdrawn_reason, version: d.version, changeNote: d.change_note, revisionOf: d.revision_of, disclosureRule: d.disclosure_rule === 1, createdAt: d.created_at, updatedAt: d.updated_at,
  };
}

export function presentPublic(d: Row): PublicDocumentDto {
  return {
    id: d.id, unitId: d.unit_id, unitName: d.unit_name, indexNo: d.index_no, title: d.title, docNo: d.doc_no, writtenDate: d.written_date,
    publisher: d.publisher, topic: d.topic, genre: d.genre, normativeKind: d.normative_kind, keywords: d.keywords, summary: d.summary, validity: d.validity, validityDate: d.validity_date, replacedById: d.replaced_by_id,
    fivePublic: d.five_public, art20Item: d.art20_item, bodyHtml: d.body_html, publishedAt: d.published_at, version: d.version, changeNote: d.change_note,
  };
}

/** What the audit log keeps of a document: metadata and status, not the whole body. */
const snapshot = (d: DocumentRow | undefined) =>
  d && { indexNo: d.index_no, title: d.title, docNo: d.doc_no, status: d.status, disclosure: d.disclosure, withholdGround: d.withhold_ground, validity: d.validity, art20Item: d.art20_item, version: d.version, bodyLength: d.body_text.length };

async function load(db: Kysely<Database>, actor: Actor, id: number, action: Action): Promise<Row> {
  const doc = await documentRepository(db).findById(id);
  if (!doc) throw notFound('文件');
  if (!can(actor, action, doc.unit_path)) throw forbidden('您无权处理其他单位的文件');
  return doc;
}

function assertTransition(doc: DocumentRow, t: Transition) {
  if (!canTransition(doc.status, t)) throw conflict('invalid_status', STATUS_PROBLEM[t]);
}

/** Runs every pre-publication check on the stored document. */
export async function checkDocument(db: Kysely<Database>, doc: DocumentRow): Promise<Finding[]> {
  const repo = documentRepository(db);
  const words = (await repo.sensitiveWords()).map((w) => ({ word: w.word, suggestion: w.suggestion, severity: w.severity }));
  const fields: Array<[string, string]> = [['title', doc.title], ['body', doc.body_text], ['summary', doc.summary ?? ''], ['keywords', doc.keywords ?? '']];
  const findings: Finding[] = fields.flatMap(([f, text]) => [...findPersonalData(f, text), ...findSensitiveWords(f, text, words)]);
  const links = internalLinks(doc.body_html);
  const docIds = links.map((l) => /^\/xxgk\/documents\/(\d+)$/.exec(l)?.[1]).filter((x): x is string => !!x).map(Number);
  const existing = await repo.existingDocumentIds(docIds);
  for (const link of links) {
    const m = /^\/xxgk\/documents\/(\d+)$/.exec(link);
    const known = m ? existing.has(Number(m[1])) : /^\/(xxgk(\/.*)?|search.*|)$/.test(link);
    if (!known) {
      const at = doc.body_html.indexOf(link);
      findings.push({ kind: 'broken_link', severity: 'warn', field: 'body', offset: at, length: link.length, excerpt: link, message: `站内链接 ${link} 指向的页面不存在或未公开` });
    }
  }
  const missing: Array<[keyof DocumentRow, string, 'block' | 'warn']> = [['topic', '主题分类', 'block'], ['genre', '体裁', 'block'], ['art20_item', '条例第二十条事项', 'warn'], ['summary', '内容概述', 'warn']];
  for (const [key, label, severity] of missing) {
    if (doc.disclosure !== 'proactive' && key !== 'topic' && key !== 'genre') continue;
    if (doc[key] === null || doc[key] === '') findings.push({ kind: 'missing_field', severity, field: String(key), offset: -1, length: 0, excerpt: '', message: `未填写${label}` });
  }
  if (!doc.body_text.trim()) findings.push({ kind: 'missing_field', severity: 'block', field: 'body', offset: -1, length: 0, excerpt: '', message: '正文为空' });
  return findings;
}

function columnsFrom(input: DocumentInput, unitName: string) {
  const problem = disclosureProblem(input.disclosure, input.withholdGround, input.withholdReason);
  if (problem) throw badRequest('invalid_disclosure', problem);
  const html = sanitizeBody(input.bodyHtml ?? textToHtml(input.bodyText ?? ''));
  return {
    unit_id: input.unitId, title: input.title, doc_no: input.docNo, doc_no_norm: input.docNo ? normaliseDocNo(input.docNo) : null,
    written_date: input.writtenDate, publisher: input.publisher ?? unitName, topic: input.topic, genre: input.genre, normative_kind: input.normativeKind, keywords: input.keywords,
    summary: input.summary, validity: input.validity, validity_date: input.validityDate, replaced_by_id: input.replacedById, five_public: input.fivePublic, art20_item: input.art20Item,
    disclosure: input.disclosure, withhold_ground: input.disclosure === 'proactive' ? null : input.withholdGround,
    withhold_reason: input.disclosure === 'proactive' ? null : input.withholdReason, body_html: html, body_text: htmlToText(html), change_note: input.changeNote, disclosure_rule: input.disclosureRule ? 1 : 0,
  };
}

async function detail(db: Kysely<Database>, id: number) {
  const repo = documentRepository(db);
  return { ...presentDocument((await repo.findById(id))!, await repo.reviews(id)), catalogueItemKeys: await catalogueRepository(db).documentLinks(id), attachments: await listAttachments(db, id) };
}

export async function getDocument(ctx: AppContext, actor: Actor, id: number) {
  await load(ctx.db, actor, id, 'document.read');
  return detail(ctx.db, id);
}

/** 起草: a draft with its disclosure attribute decided at the source, and a new 索引号. */
export async function createDocument(ctx: AppContext, actor: Actor, input: DocumentInput, req: RequestInfo) {
  const unit = await unitRepository(ctx.db).findById(input.unitId);
  if (!unit) throw badRequest('unit_not_found', '所选单位不存在');
  if (!can(actor, 'document.edit', unit.path)) throw forbidden('您无权为该单位起草文件');
  const cols = columnsFrom(input, unit.name);
  await assertItemKeysOfUnit(ctx.db, unit.id, input.catalogueItemKeys ?? []);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const repo = documentRepository(trx);
    const now = new Date(Date.now() + 8 * 3600_000);
    const seq = await repo.nextSequence(unit.id, now.getUTCFullYear());
    const indexNo = formatIndexNo(ctx.config.indexNoPattern, { unitCode: unitCodeFor(unit), year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, seq });
    const { id } = await repo.insert({
      ...cols, index_no: indexNo, status: 'draft', publish_at: null, published_at: null, author_id: actor.userId,
      review_steps: ctx.config.reviewSteps, findings: '[]', withdrawn_reason: null, version: 1,
    });
    await catalogueRepository(trx).setDocumentLinks(id, input.catalogueItemKeys ?? []);
    const created = await repo.findById(id);
    await appendAudit(trx, { ...auditBy(actor), unitId: unit.id, action: 'document.create', entityType: 'document', entityId: id, after: snapshot(created), ip: req.ip });
    return id;
  });
  return detail(ctx.db, id);
}

export async function updateDocument(ctx: AppContext, actor: Actor, id: number, input: DocumentInput, req: RequestInfo) {
  const before = await load(ctx.db, actor, id, 'document.edit');
  assertTransition(before, 'edit');
  const unit = await unitRepository(ctx.db).findById(input.unitId);
  if (!unit) throw badRequest('unit_not_found', '所选单位不存在');
  if (!can(actor, 'document.edit', unit.path)) throw forbidden('您无权把文件移到该单位');
  const cols = columnsFrom(input, unit.name);
  await assertItemKeysOfUnit(ctx.db, unit.id, input.catalogueItemKeys ?? []);
  await ctx.db.transaction().execute(async (trx) => {
    const repo = documentRepository(trx);
    await repo.update(id, { ...cols, findings: '[]' });
    if (input.catalogueItemKeys) await catalogueRepository(trx).setDocumentLinks(id, input.catalogueItemKeys);
    await appendAudit(trx, { ...auditBy(actor), unitId: unit.id, action: 'document.update', entityType: 'document', entityId: id, before: snapshot(before), after: snapshot(await repo.findById(id)), ip: req.ip });
  });
  return detail(ctx.db, id);
}

/** Re-checks without changing anything (the editor's 检查 button). */
export async function recheck(ctx: AppContext, actor: Actor, id: number) {
  return checkDocument(ctx.db, await load(ctx.db, actor, id, 'document.read'));
}

async function move(ctx: AppContext, actor: Actor, doc: DocumentRow, t: Transition, action: string, changes: Parameters<ReturnType<typeof documentRepository>['update']>[1], req: RequestInfo, extra?: (trx: Kysely<Database>) => Promise<unknown>) {
  const from = (['draft', 'submitted', 'approved', 'scheduled', 'published', 'withdrawn'] as const).filter((s) => canTransition(s, t));
  await ctx.db.transaction().execute(async (trx) => {
    const repo = documentRepository(trx);
    if (!(await repo.transition(doc.id, [...from], changes))) throw conflict('invalid_status', '文件状态已被他人改变，请刷新后重试');
    await extra?.(trx);
    await syncSearchIndex(trx, doc.id);
    await appendAudit(trx, { ...auditBy(actor), unitId: doc.unit_id, action, entityType: 'document', entityId: doc.id, before: snapshot(doc), after: snapshot(await repo.findById(doc.id)), ip: req.ip });
  });
  return detail(ctx.db, doc.id);
}

/** 提交审核: the checks run and their findings go with the document to the reviewer. */
export async function submitDocument(ctx: AppContext, actor: Actor, id: number, req: RequestInfo) {
  const doc = await load(ctx.db, actor, id, 'document.edit');
  assertTransition(doc, 'submit');
  const findings = await checkDocument(ctx.db, doc);
  return move(ctx, actor, doc, 'submit', 'document.submit', { status: 'submitted', findings: JSON.stringify(findings), review_steps: ctx.config.reviewSteps }, req);
}

function assertNoBlocking(findings: Finding[]) {
  const blocking = findings.filter((f) => f.severity === 'block');
  if (blocking.length) {
    throw new AppError(409, 'blocking_findings', `发布前检查未通过，须先退回修改：${blocking.map((f) => f.message + (f.excerpt ? `（${f.excerpt}）` : '')).join('；')}`, blocking);
  }
}

/** 审核通过 (one step): never by the author; blocked while a check still fails. */
export async function approveDocument(ctx: AppContext, actor: Actor, id: number, note: string | null, req: RequestInfo) {
  const doc = await load(ctx.db, actor, id, 'document.review');
  assertTransition(doc, 'approve');
  const repo = documentRepository(ctx.db);
  const findings = await checkDocument(ctx.db, doc);
  assertNoBlocking(findings);
  // Approvals of this round: those after the last 退回.
  const reviews = await repo.reviews(id);
  const lastReject = reviews.map((r) => r.decision).lastIndexOf('reject');
  const earlier = reviews.slice(lastReject + 1).filter((r) => r.decision === 'approve').map((r) => r.reviewer_id);
  const step = reviewStep({ authorId: doc.author_id, reviewerId: actor.userId, earlierReviewers: earlier, requiredSteps: doc.review_steps });
  if (step.problem) throw forbidden(step.problem);
  return move(ctx, actor, doc, 'approve', step.complete ? 'document.approve' : 'document.review_step', { status: step.complete ? 'approved' : 'submitted', findings: JSON.stringify(findings) }, req, (trx) =>
    documentRepository(trx).addReview({ document_id: id, reviewer_id: actor.userId, reviewer_name: actor.displayName, decision: 'approve', note, at: nowIso() }),
  );
}

/** 退回修改: back to draft with the reviewer's note; earlier approvals no longer count. */
export async function rejectDocument(ctx: AppContext, actor: Actor, id: number, note: string, req: RequestInfo) {
  const doc = await load(ctx.db, actor, id, 'document.review');
  assertTransition(doc, 'reject');
  return move(ctx, actor, doc, 'reject', 'document.reject', { status: 'draft', publish_at: null }, req, (trx) =>
    documentRepository(trx).addReview({ document_id: id, reviewer_id: actor.userId, reviewer_name: actor.displayName, decision: 'reject', note, at: nowIso() }),
  );
}

/** 发布 now, or 定时发布 at a future time. A 修订稿 replaces the document it revises. */
export async function publishDocument(ctx: AppContext, actor: Actor, id: number, publishAt: string | null, req: RequestInfo) {
  const doc = await load(ctx.db, actor, id, 'document.publish');
  assertTransition(doc, 'publish');
  assertNoBlocking(await checkDocument(ctx.db, doc));
  if (doc.revision_of !== null) {
    if (publishAt) throw badRequest('revision_not_schedulable', '修订稿须立即发布，不能定时发布');
    return applyRevision(ctx, actor, doc, req);
  }
  const now = nowIso();
  if (publishAt && publishAt > now) return move(ctx, actor, doc, 'publish', 'document.schedule', { status: 'scheduled', publish_at: publishAt }, req);
  return move(ctx, actor, doc, 'publish', 'document.publish', { status: 'published', published_at: now, publish_at: null }, req);
}

/** 撤回 with a reason; the public page disappears, the record stays. */
export async function withdrawDocument(ctx: AppContext, actor: Actor, id: number, reason: string, req: RequestInfo) {
  const doc = await load(ctx.db, actor, id, 'document.publish');
  assertTransition(doc, 'withdraw');
  return move(ctx, actor, doc, 'withdraw', 'document.withdraw', { status: 'withdrawn', withdrawn_reason: reason, publish_at: null }, req);
}

/** Publishes scheduled documents whose time has come; safe to run from several processes at once. */
export async function publishDue(db: Kysely<Database>): Promise<number> {
  const now = nowIso();
  let count = 0;
  for (const doc of await documentRepository(db).dueForPublication(now)) {
    await db.transaction().execute(async (trx) => {
      if (!(await documentRepository(trx).transition(doc.id, ['scheduled'], { status: 'published', published_at: now, publish_at: null }))) return;
      await syncSearchIndex(trx, doc.id);
      await appendAudit(trx, { actorId: null, actorName: '系统（定时发布）', unitId: doc.unit_id, action: 'document.publish', entityType: 'document', entityId: doc.id, after: { title: doc.title, status: 'published' }, ip: null });
      count += 1;
    });
  }
  return count;
}

/** The word list is shared by all units: only the system administrator and the top-level disclosure office edit it. */
async function assertWordManager(db: Kysely<Database>, actor: Actor) {
  const root = (await unitRepository(db).listChildren(null))[0];
  if (!root || !can(actor, 'wordlist.manage', root.path)) throw forbidden('只有系统管理员和市级政务公开办可以维护错敏词库');
}

export async function addSensitiveWord(ctx: AppContext, actor: Actor, input: { word: string; suggestion: string | null; severity: 'block' | 'warn' }, req: RequestInfo) {
  await assertWordManager(ctx.db, actor);
  if ((await documentRepository(ctx.db).sensitiveWords()).some((w) => w.word === input.word)) throw conflict('word_exists', '该词已在词库中');
  return ctx.db.transaction().execute(async (trx) => {
    const word = await documentRepository(trx).addSensitiveWord(input);
    await appendAudit(trx, { ...auditBy(actor), action: 'wordlist.add', entityType: 'sensitive_word', entityId: word.id, after: input, ip: req.ip });
    return word;
  });
}

export async function removeSensitiveWord(ctx: AppContext, actor: Actor, id: number, req: RequestInfo) {
  await assertWordManager(ctx.db, actor);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await documentRepository(trx).removeSensitiveWord(id);
    if (!removed) throw notFound('错敏词');
    await appendAudit(trx, { ...auditBy(actor), action: 'wordlist.remove', entityType: 'sensitive_word', entityId: id, before: { word: removed.word, suggestion: removed.suggestion, severity: removed.severity }, ip: req.ip });
  });
}

/** Public fields kept in the history when a version is replaced. */
const publicSnapshot = (d: DocumentRow) => ({
  title: d.title, docNo: d.doc_no, writtenDate: d.written_date, publisher: d.publisher, topic: d.topic, genre: d.genre, keywords: d.keywords, summary: d.summary,
  validity: d.validity, validityDate: d.validity_date, fivePublic: d.five_public, art20Item: d.art20_item, bodyHtml: d.body_html, changeNote: d.change_note,
});

/** 修订: a draft copy of a published document; the public keeps seeing the current version until the revision is published. */
export async function reviseDocument(ctx: AppContext, actor: Actor, id: number, changeNote: string, req: RequestInfo) {
  const doc = await load(ctx.db, actor, id, 'document.edit');
  if (doc.status !== 'published' || doc.revision_of !== null) throw conflict('invalid_status', '只有已发布的文件可以修订');
  const repo = documentRepository(ctx.db);
  if (await repo.openRevision(id)) throw conflict('revision_exists', '该文件已有未完成的修订稿');
  const newId = await ctx.db.transaction().execute(async (trx) => {
    const r = documentRepository(trx);
    const { id: _id, created_at: _c, updated_at: _u, unit_name: _n, unit_path: _p, ...fields } = doc;
    const { id: newId } = await r.insert({
      ...fields, index_no: `${doc.index_no}（修订稿${doc.version + 1}）`, status: 'draft', publish_at: null, published_at: null, author_id: actor.userId,
      review_steps: ctx.config.reviewSteps, findings: '[]', withdrawn_reason: null, version: doc.version + 1, change_note: changeNote, revision_of: id,
    });
    const links = catalogueRepository(trx);
    await links.setDocumentLinks(newId, await links.documentLinks(id));
    await copyAttachments(trx, id, newId);
    await appendAudit(trx, { ...auditBy(actor), unitId: doc.unit_id, action: 'document.revise', entityType: 'document', entityId: id, after: { revision: newId, version: doc.version + 1, changeNote }, ip: req.ip });
    return newId;
  });
  return detail(ctx.db, newId);
}

async function applyRevision(ctx: AppContext, actor: Actor, revision: Row, req: RequestInfo) {
  const originalId = revision.revision_of!;
  await ctx.db.transaction().execute(async (trx) => {
    const r = documentRepository(trx);
    const original = await r.findById(originalId);
    if (!original || original.status !== 'published') throw conflict('invalid_status', '被修订的文件已不在发布状态');
    const now = nowIso();
    await r.addVersion({ document_id: originalId, version: original.version, snapshot: JSON.stringify(publicSnapshot(original)), change_note: original.change_note, published_at: original.published_at, replaced_at: now });
    await r.update(originalId, {
      title: revision.title, doc_no: revision.doc_no, doc_no_norm: revision.doc_no_norm, written_date: revision.written_date, publisher: revision.publisher, topic: revision.topic,
      genre: revision.genre, normative_kind: revision.normative_kind, keywords: revision.keywords, summary: revision.summary, validity: revision.validity, validity_date: revision.validity_date, five_public: revision.five_public,
      art20_item: revision.art20_item, replaced_by_id: revision.replaced_by_id, disclosure_rule: revision.disclosure_rule, body_html: revision.body_html, body_text: revision.body_text, version: revision.version, change_note: revision.change_note, findings: revision.findings,
    });
    await r.moveReviews(revision.id, originalId);
    const links = catalogueRepository(trx);
    await links.setDocumentLinks(originalId, await links.documentLinks(revision.id));
    await links.setDocumentLinks(revision.id, []);
    await moveAttachments(trx, revision.id, originalId);
    await r.remove(revision.id);
    await syncSearchIndex(trx, originalId);
    await appendAudit(trx, { ...auditBy(actor), unitId: original.unit_id, action: 'document.revise_publish', entityType: 'document', entityId: originalId, before: snapshot(original), after: snapshot(await r.findById(originalId)), ip: req.ip });
  });
  return detail(ctx.db, originalId);
}

/** 修订历史 (staff). */
export async function documentVersions(ctx: AppContext, actor: Actor, id: number) {
  await load(ctx.db, actor, id, 'document.read');
  return (await documentRepository(ctx.db).versions(id)).map((v) => {
    const s = JSON.parse(v.snapshot) as { title: string; bodyHtml: string };
    return { version: v.version, title: s.title, changeNote: v.change_note, publishedAt: v.published_at, replacedAt: v.replaced_at, bodyHtml: s.bodyHtml };
  });
}

/**
 * 年度审查: a unit's non-public documents with this year's decision, so that each is re-assessed
 * at least once a year (条例第十八条).
 */
export async function nonPublicReview(ctx: AppContext, actor: Actor, unitId: number, year: number) {
  const unit = await unitRepository(ctx.db).findById(unitId);
  if (!unit) throw notFound('单位');
  if (!can(actor, 'document.read', unit.path)) throw forbidden('您无权查看其他单位的文件');
  const docs = await ctx.db.selectFrom('document').select(['id', 'title', 'index_no', 'disclosure', 'withhold_ground', 'withhold_reason', 'written_date', 'status'])
    .where('unit_id', '=', unitId).where('disclosure', '!=', 'proactive').where('status', 'in', ['published', 'approved', 'submitted', 'draft']).where('revision_of', 'is', null)
    .orderBy('written_date', 'desc').execute();
  const decisions = docs.length ? await ctx.db.selectFrom('document_reassessment').selectAll().where('document_id', 'in', docs.map((d) => d.id)).where('year', '=', year).orderBy('id').execute() : [];
  return docs.map((d) => {
    const last = decisions.filter((r) => r.document_id === d.id).pop();
    return {
      id: d.id, title: d.title, indexNo: d.index_no, disclosure: d.disclosure, withholdGround: d.withhold_ground, withholdReason: d.withhold_reason, writtenDate: d.written_date, status: d.status,
      reviewed: last ? { decision: last.decision, note: last.note, actorName: last.actor_name, at: last.at } : null,
    };
  });
}

/** Records a re-assessment; 'open' turns the document into proactive disclosure (and public, when it is published). */
export async function reassessDocument(ctx: AppContext, actor: Actor, id: number, decision: 'keep' | 'open', note: string | null, req: RequestInfo) {
  const doc = await load(ctx.db, actor, id, 'document.review');
  if (doc.disclosure === 'proactive') throw conflict('already_proactive', '该文件已是主动公开');
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('document_reassessment').values({ document_id: id, year, decision, note, actor_name: actor.displayName, at: nowIso() }).execute();
    if (decision === 'open') {
      await documentRepository(trx).update(id, { disclosure: 'proactive', withhold_ground: null, withhold_reason: null, ...(doc.status === 'published' ? { published_at: nowIso() } : {}) });
      await syncSearchIndex(trx, id);
    }
    await appendAudit(trx, { ...auditBy(actor), unitId: doc.unit_id, action: decision === 'open' ? 'document.reassess_open' : 'document.reassess_keep', entityType: 'document', entityId: id, before: snapshot(doc), after: { decision, note }, ip: req.ip });
  });
  return detail(ctx.db, id);
}
