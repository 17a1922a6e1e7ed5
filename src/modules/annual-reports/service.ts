import type { Kysely, Selectable } from 'kysely';
import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import type { Database } from '../../schema.js';
import { can, inScope, scopeOf, type Actor } from '../accounts/policy.js';
import { scopeCondition } from '../accounts/scope-sql.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';
import { normativeDocuments } from '../documents/repository.js';
import { appealFacts, caseFacts } from '../requests/statistics.js';
import { unitRepository } from '../units/repository.js';
import { emptyTable4, TABLE2_2019_SIZE, type FormatVersion, type Table2 } from './format.js';
import { checkReport, table3Layout, type Violation } from './rules.js';
import type { AnnualReportTable } from './schema.js';
import { tallyNormative, tallyTable3, tallyTable4, type CellSources } from './tally.js';

type ReportRow = Selectable<AnnualReportTable>;

export const REPORT_STATUS_LABELS: Record<ReportRow['status'], string> = { draft: '草稿', submitted: '待审核', published: '已发布' };

export interface ReportTables {
  /** The 2021 figures, or the 22 numbers of the 2019 layout (typed in). */
  table2: Table2 | number[];
  table3: number[][];
  table4: number[];
  /** Last year's R25 for the carry-over rule, when there is a last year. */
  previousR25: number[] | null;
}

/** Statutory publication deadline (条例第四十九条): departments by 31 January, governments by 31 March. */
export const reportDeadline = (kind: 'government' | 'department', year: number) => `${year + 1}-${kind === 'government' ? '03-31' : '01-31'}`;

/** Tables 2–4 for units and a year, from the records, with what is behind every cell. */
export async function computeTables(db: Kysely<Database>, scope: number[], year: number): Promise<{ tables: Omit<ReportTables, 'previousR25'>; sources: CellSources }> {
  const end = `${year}-12-31`;
  const [cases, appeals, docs, figures] = await Promise.all([
    caseFacts(db, scope, end), appealFacts(db, scope, `${year}-01-01`, end), normativeDocuments(db, scope, end),
    scope.length ? db.selectFrom('annual_figure').selectAll().where('unit_id', 'in', scope).where('year', '=', year).execute() : Promise.resolve([]),
  ]);
  const t3 = tallyTable3(cases, year);
  const t4 = tallyTable4(appeals, year);
  const t2 = tallyNormative(docs, year);
  const sum = (k: 'licensing' | 'penalty' | 'enforcement' | 'fees') => figures.reduce((a, f) => a + Number(f[k]), 0);
  return {
    tables: { table3: t3.table, table4: t4.table, table2: { ...t2.figures, licensing: sum('licensing'), penalty: sum('penalty'), enforcement: sum('enforcement'), fees: Math.round(sum('fees') * 100) / 100 } },
    sources: { ...t3.sources, ...t4.sources, ...t2.sources },
  };
}

const parseScope = (r: ReportRow) => JSON.parse(r.scope) as number[];

/** The tables a report shows: frozen when published, typed in when entered, else computed now. */
export async function tablesOf(db: Kysely<Database>, report: ReportRow): Promise<ReportTables> {
  if (report.snapshot) return JSON.parse(report.snapshot) as ReportTables;
  const previousR25 = await carriedForwardBefore(db, report);
  if (report.entered) return { ...(JSON.parse(report.entered) as Omit<ReportTables, 'previousR25'>), previousR25 };
  return { ...(await computeTables(db, parseScope(report), report.year)).tables, previousR25 };
}

/** Last year's R25: from last year's report of the unit when there is one, else computed over the same units. */
async function carriedForwardBefore(db: Kysely<Database>, report: ReportRow): Promise<number[] | null> {
  const last = await db.selectFrom('annual_report').selectAll().where('unit_id', '=', report.unit_id).where('year', '=', report.year - 1).executeTakeFirst();
  if (last?.snapshot || last?.entered) {
    const t = JSON.parse((last.snapshot ?? last.entered)!) as { table3: number[][] };
    return t.table3[table3Layout(last.format).carryRow - 1] ?? null;
  }
  if (last) return (await computeTables(db, parseScope(last), last.year)).tables.table3[24]!;
  const cases = await caseFacts(db, parseScope(report), `${report.year - 1}-12-31`);
  return cases.length ? tallyTable3(cases, report.year - 1).table[24]! : null;
}

async function loadReport(db: Kysely<Database>, actor: Actor | null, id: number, action: 'document.read' | 'document.edit' | 'document.publish') {
  const row = await db.selectFrom('annual_report').innerJoin('unit', 'unit.id', 'annual_report.unit_id').selectAll('annual_report')
    .select(['unit.name as unit_name', 'unit.path as unit_path', 'unit.kind as unit_kind']).where('annual_report.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('年度报告');
  if (actor && !can(actor, action, row.unit_path)) throw forbidden('您无权查看或修改其他单位的年度报告');
  return row;
}

export const reportTitle = (unitName: string, year: number) => `${unitName}${year}年政府信息公开工作年度报告`;

/** The report as staff see it: texts, tables, the rule violations, and a per-unit breakdown of a roll-up. */
export async function getReport(ctx: AppContext, actor: Actor, id: number) {
  const row = await loadReport(ctx.db, actor, id, 'document.read');
  const tables = await tablesOf(ctx.db, row);
  const violations = checkReport({ format: row.format, ...tables });
  const scope = parseScope(row);
  const names = new Map((scope.length ? await ctx.db.selectFrom('unit').select(['id', 'name']).where('id', 'in', scope).execute() : []).map((u) => [u.id, u.name]));
  const previous = await ctx.db.selectFrom('annual_report').select(['section1', 'section5', 'section6']).where('unit_id', '=', row.unit_id).where('year', '=', row.year - 1).executeTakeFirst();
  return {
    id: row.id, unitId: row.unit_id, unitName: row.unit_name, unitKind: row.unit_kind, year: row.year, format: row.format, title: reportTitle(row.unit_name, row.year),
    scope: scope.map((u) => ({ id: u, name: names.get(u) ?? '' })), section1: row.section1, section5: row.section5, section6: row.section6,
    status: row.status, statusLabel: REPORT_STATUS_LABELS[row.status], source: row.snapshot ? 'snapshot' as const : row.entered ? 'entered' as const : 'computed' as const,
    tables, violations, deadline: reportDeadline(row.unit_kind, row.year), publishedAt: row.published_at, submittedBy: row.submitted_by, publishedBy: row.published_by,
    previousSections: previous ?? null,
    breakdown: scope.length > 1 && !row.entered && !row.snapshot ? await breakdown(ctx.db, scope, row.year, names) : [],
  };
}

/** 分单位情况: the main Table 3 figures of every unit a roll-up covers. */
async function breakdown(db: Kysely<Database>, scope: number[], year: number, names: Map<number, string>) {
  const cases = await caseFacts(db, scope, `${year}-12-31`);
  return scope.map((unitId) => {
    const t = tallyTable3(cases.filter((c) => c.unitId === unitId), year).table;
    return { unitId, unitName: names.get(unitId) ?? '', received: t[0]![6]!, carried: t[1]![6]!, handled: t[23]![6]!, carriedForward: t[24]![6]! };
  });
}

/** Which units a report may cover: the unit itself and units below it. */
async function checkScope(db: Kysely<Database>, unitPath: string, scope: number[]) {
  if (!scope.length) throw badRequest('empty_scope', '报告至少应包含本单位');
  const units = await db.selectFrom('unit').select(['id', 'path']).where('id', 'in', scope).execute();
  if (units.length !== new Set(scope).size || units.some((u) => !u.path.startsWith(unitPath))) throw badRequest('invalid_scope', '报告只能汇总本单位及其下属单位的数据');
}

export interface NewReportInput {
  unitId: number;
  year: number;
  format: FormatVersion;
  scope?: number[] | undefined;
}

/** 生成年度报告: a draft with last year's texts as a start and, for a roll-up, last year's coverage. */
export async function createReport(ctx: AppContext, actor: Actor, input: NewReportInput, req: RequestInfo) {
  const unit = await unitRepository(ctx.db).findById(input.unitId);
  if (!unit) throw badRequest('unit_not_found', '单位不存在');
  if (!can(actor, 'document.edit', unit.path)) throw forbidden('您无权为该单位编写年度报告');
  const existing = await ctx.db.selectFrom('annual_report').select('id').where('unit_id', '=', unit.id).where('year', '=', input.year).executeTakeFirst();
  if (existing) throw conflict('report_exists', `${unit.name}${input.year}年的年度报告已经存在`);
  const last = await ctx.db.selectFrom('annual_report').selectAll().where('unit_id', '=', unit.id).where('year', '=', input.year - 1).executeTakeFirst();
  const scope = input.scope ?? (last ? parseScope(last) : [unit.id]);
  await checkScope(ctx.db, unit.path, scope);
  if (input.format === '2019' && input.year > 2020) throw badRequest('format_year', '2019 年试行格式只用于 2019、2020 年度的报告');
  const now = nowIso();
  const { id } = await ctx.db.transaction().execute(async (trx) => {
    const created = await trx.insertInto('annual_report').values({
      unit_id: unit.id, year: input.year, format: input.format, scope: JSON.stringify(scope), section1: last?.section1 ?? '', section5: last?.section5 ?? '', section6: last?.section6 ?? '',
      entered: input.format === '2019' ? JSON.stringify(emptyEntered('2019')) : null, snapshot: null, status: 'draft', author_id: actor.userId, submitted_by: null, published_by: null, published_at: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await appendAudit(trx, { ...auditBy(actor), unitId: unit.id, action: 'annual_report.create', entityType: 'annual_report', entityId: created.id, after: { year: input.year, format: input.format, scope }, ip: req.ip });
    return created;
  });
  return getReport(ctx, actor, id);
}

function emptyEntered(format: FormatVersion): Omit<ReportTables, 'previousR25'> {
  return {
    table2: format === '2019' ? Array.from({ length: TABLE2_2019_SIZE }, () => 0) : { rule: { issued: 0, repealed: 0, valid: 0 }, normative: { issued: 0, repealed: 0, valid: 0 }, licensing: 0, penalty: 0, enforcement: 0, fees: 0 },
    table3: Array.from({ length: table3Layout(format).rows }, () => [0, 0, 0, 0, 0, 0, 0]), table4: emptyTable4(),
  };
}

export interface ReportChanges {
  section1?: string | undefined;
  section5?: string | undefined;
  section6?: string | undefined;
  scope?: number[] | undefined;
  /** Typed-in tables (older years), or null to go back to computing them. */
  entered?: Omit<ReportTables, 'previousR25'> | null | undefined;
}

/** 保存: texts and coverage; the rules run on every save and their findings come back with the report. */
export async function updateReport(ctx: AppContext, actor: Actor, id: number, changes: ReportChanges, req: RequestInfo) {
  const row = await loadReport(ctx.db, actor, id, 'document.edit');
  if (row.status === 'published') throw conflict('report_published', '已发布的年度报告不能修改，请先撤回');
  if (changes.scope) await checkScope(ctx.db, row.unit_path, changes.scope);
  if (changes.entered === null && row.format === '2019') throw badRequest('format_entered', '2019 年试行格式的报告须手工填写表格');
  if (changes.entered && changes.entered.table3.length !== table3Layout(row.format).rows) throw badRequest('table3_rows', `表三应有 ${table3Layout(row.format).rows} 行`);
  if (changes.entered && Array.isArray(changes.entered.table2) !== (row.format === '2019')) throw badRequest('table2_format', row.format === '2019' ? `2019 年格式的表二为 ${TABLE2_2019_SIZE} 个数字` : '2021 年格式的表二应按规章、行政规范性文件等分项填写');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('annual_report').set({
      ...(changes.section1 !== undefined && { section1: changes.section1 }), ...(changes.section5 !== undefined && { section5: changes.section5 }), ...(changes.section6 !== undefined && { section6: changes.section6 }),
      ...(changes.scope && { scope: JSON.stringify(changes.scope) }), ...(changes.entered !== undefined && { entered: changes.entered ? JSON.stringify(changes.entered) : null }),
      status: 'draft', updated_at: nowIso(),
    }).where('id', '=', id).execute();
    await appendAudit(trx, {
      ...auditBy(actor), unitId: row.unit_id, action: 'annual_report.update', entityType: 'annual_report', entityId: id,
      before: { section1: row.section1, section5: row.section5, section6: row.section6, scope: parseScope(row), entered: row.entered ? JSON.parse(row.entered) : null, status: row.status },
      after: { ...changes }, ip: req.ip,
    });
  });
  return getReport(ctx, actor, id);
}

function assertPublishable(report: { violations: Violation[]; section1: string }) {
  if (report.violations.length) throw conflict('report_inconsistent', `报告数据不符合勾稽关系，不能提交或发布：${report.violations.map((v) => v.message).join('；')}`);
  if (!report.section1.trim()) throw badRequest('section_missing', '请填写“一、总体情况”');
}

/** 提交审核: only a consistent report with its overview written. */
export async function submitReport(ctx: AppContext, actor: Actor, id: number, req: RequestInfo) {
  const row = await loadReport(ctx.db, actor, id, 'document.edit');
  if (row.status !== 'draft') throw conflict('invalid_status', `该报告当前为“${REPORT_STATUS_LABELS[row.status]}”，不能提交`);
  assertPublishable(await getReport(ctx, actor, id));
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('annual_report').set({ status: 'submitted', submitted_by: actor.displayName, updated_at: nowIso() }).where('id', '=', id).execute();
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: 'annual_report.submit', entityType: 'annual_report', entityId: id, before: { status: row.status }, after: { status: 'submitted' }, ip: req.ip });
  });
  return getReport(ctx, actor, id);
}

/** 审核发布: by someone other than its author; the tables are frozen as published. */
export async function publishReport(ctx: AppContext, actor: Actor, id: number, req: RequestInfo) {
  const row = await loadReport(ctx.db, actor, id, 'document.publish');
  if (row.status !== 'submitted') throw conflict('invalid_status', '报告提交审核后才能发布');
  if (row.author_id === actor.userId) throw forbidden('报告须由编写人以外的审核人员发布');
  const report = await getReport(ctx, actor, id);
  assertPublishable(report);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('annual_report').set({ status: 'published', snapshot: JSON.stringify(report.tables), published_by: actor.displayName, published_at: nowIso(), updated_at: nowIso() }).where('id', '=', id).execute();
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: 'annual_report.publish', entityType: 'annual_report', entityId: id, before: { status: row.status }, after: { status: 'published', tables: report.tables }, ip: req.ip });
  });
  return getReport(ctx, actor, id);
}

/** 撤回: back to a draft (for a correction); the public no longer sees it until it is published again. */
export async function withdrawReport(ctx: AppContext, actor: Actor, id: number, req: RequestInfo) {
  const row = await loadReport(ctx.db, actor, id, 'document.publish');
  if (row.status === 'draft') throw conflict('invalid_status', '草稿无需撤回');
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('annual_report').set({ status: 'draft', snapshot: null, published_at: null, published_by: null, updated_at: nowIso() }).where('id', '=', id).execute();
    await appendAudit(trx, { ...auditBy(actor), unitId: row.unit_id, action: 'annual_report.withdraw', entityType: 'annual_report', entityId: id, before: { status: row.status }, after: { status: 'draft' }, ip: req.ip });
  });
  return getReport(ctx, actor, id);
}

/** Staff list: reports in the actor's units, filtered by year, unit and status. */
export async function listReports(ctx: AppContext, actor: Actor, q: { year?: number | undefined; unitId?: number | undefined; status?: ReportRow['status'] | undefined }) {
  const scope = scopeOf(actor, 'document.read');
  if (!scope.length) throw forbidden('您无权查看年度报告');
  let query = ctx.db.selectFrom('annual_report').innerJoin('unit', 'unit.id', 'annual_report.unit_id').where((eb) => scopeCondition(eb, 'unit.path', scope));
  if (q.year) query = query.where('annual_report.year', '=', q.year);
  if (q.unitId) query = query.where('annual_report.unit_id', '=', q.unitId);
  if (q.status) query = query.where('annual_report.status', '=', q.status);
  const rows = await query.select(['annual_report.id', 'annual_report.year', 'annual_report.status', 'annual_report.format', 'annual_report.published_at', 'annual_report.updated_at', 'unit.id as unit_id', 'unit.name as unit_name', 'unit.kind as unit_kind'])
    .orderBy('annual_report.year', 'desc').orderBy('unit.sort_order').orderBy('unit.id').execute();
  return rows.map((r) => ({
    id: r.id, year: r.year, unitId: r.unit_id, unitName: r.unit_name, title: reportTitle(r.unit_name, r.year), status: r.status, statusLabel: REPORT_STATUS_LABELS[r.status],
    format: r.format, publishedAt: r.published_at, updatedAt: r.updated_at, deadline: reportDeadline(r.unit_kind, r.year),
  }));
}

/** What is behind one computed cell: the requests (Tables 3–4) or the documents (Table 2). */
export async function cellSources(ctx: AppContext, actor: Actor, id: number, key: string) {
  const row = await loadReport(ctx.db, actor, id, 'document.read');
  if (row.entered) return { key, kind: 'none' as const, requests: [], documents: [] };
  const { sources } = await computeTables(ctx.db, parseScope(row), row.year);
  const ids = sources[key] ?? [];
  if (key.startsWith('2:')) {
    const docs = ids.length ? await ctx.db.selectFrom('document').select(['id', 'title', 'doc_no', 'written_date', 'validity']).where('id', 'in', ids).orderBy('written_date').execute() : [];
    return { key, kind: 'documents' as const, requests: [], documents: docs.map((d) => ({ id: d.id, title: d.title, docNo: d.doc_no, writtenDate: d.written_date, validity: d.validity })) };
  }
  const readable = scopeOf(actor, 'request.read');
  if (!readable.length) throw forbidden('您无权查看依申请公开办理情况');
  const reqs = ids.length ? await ctx.db.selectFrom('disclosure_request').innerJoin('unit', 'unit.id', 'disclosure_request.unit_id').leftJoin('request_reply', 'request_reply.request_id', 'disclosure_request.id')
    .select(['disclosure_request.id', 'disclosure_request.tracking_code', 'unit.name as unit_name', 'unit.path as unit_path', 'disclosure_request.applicant_type', 'disclosure_request.receipt_date', 'request_reply.reply_date', 'request_reply.outcome'])
    .where('disclosure_request.id', 'in', [...new Set(ids)]).orderBy('disclosure_request.receipt_date').execute() : [];
  // Only the cases the actor may read (a roll-up can count units beyond the reader's reach).
  return { key, kind: 'requests' as const, documents: [], requests: reqs.filter((r) => inScope(readable, r.unit_path)).map((r) => ({ id: r.id, trackingCode: r.tracking_code, unitName: r.unit_name, applicantType: r.applicant_type, receiptDate: r.receipt_date, replyDate: r.reply_date ?? null, outcome: r.outcome ?? null })) };
}

/** The public 年报 column: published reports, newest year first. */
export async function listPublished(db: Kysely<Database>, q: { year?: number | undefined; unitId?: number | undefined }) {
  let query = db.selectFrom('annual_report').innerJoin('unit', 'unit.id', 'annual_report.unit_id').where('annual_report.status', '=', 'published');
  if (q.year) query = query.where('annual_report.year', '=', q.year);
  if (q.unitId) query = query.where('annual_report.unit_id', '=', q.unitId);
  const rows = await query.select(['annual_report.id', 'annual_report.year', 'annual_report.published_at', 'unit.id as unit_id', 'unit.name as unit_name'])
    .orderBy('annual_report.year', 'desc').orderBy('unit.sort_order').orderBy('unit.id').execute();
  return rows.map((r) => ({ id: r.id, year: r.year, unitId: r.unit_id, unitName: r.unit_name, title: reportTitle(r.unit_name, r.year), publishedAt: r.published_at }));
}

/** A published report with its frozen tables, for everyone. */
export async function publishedReport(db: Kysely<Database>, id: number) {
  const row = await loadReport(db, null, id, 'document.read');
  if (row.status !== 'published' || !row.snapshot) throw notFound('年度报告');
  return { id: row.id, year: row.year, unitName: row.unit_name, format: row.format, title: reportTitle(row.unit_name, row.year), section1: row.section1, section5: row.section5, section6: row.section6, tables: JSON.parse(row.snapshot) as ReportTables, publishedAt: row.published_at };
}

/** A report for printing or export, published or not (staff only). */
export async function printableReport(ctx: AppContext, actor: Actor, id: number) {
  const r = await getReport(ctx, actor, id);
  return { id: r.id, year: r.year, unitName: r.unitName, format: r.format, title: r.title, section1: r.section1, section5: r.section5, section6: r.section6, tables: r.tables, publishedAt: r.publishedAt };
}

export type PrintableReport = Awaited<ReturnType<typeof publishedReport>>;
