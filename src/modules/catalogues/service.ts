import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { beijingToday, type WorkdayCalendar } from '../../platform/calendar/calendar.js';
import { CalendarGapError, holidayCalendar, loadCalendar } from '../../platform/calendar/holidays.js';
import { nowIso } from '../../platform/db/database.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import type { Database } from '../../schema.js';
import { can, type Action, type Actor } from '../accounts/policy.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';
import { unitRepository } from '../units/repository.js';
import type { CatalogueDto, CatalogueItemDto, CatalogueItemInput, WatchRowDto } from './dto.js';
import type { CatalogueLevel } from './enums.js';
import { catalogueRepository, type CatalogueItemRow, type NewCatalogueItem } from './repository.js';
import { describeRule, parseTimeLimit, watchItem } from './rules.js';

export function presentItem(i: CatalogueItemRow): CatalogueItemDto {
  const rule = i.rule_kind ? { kind: i.rule_kind, amount: i.rule_amount ?? 0 } : null;
  return {
    id: i.id, itemKey: i.item_key, seq: i.seq, domainId: i.domain_id, domainName: i.domain_name, level1: i.level1, level2: i.level2, content: i.content,
    basis: i.basis, timeLimit: i.time_limit, rule, ruleText: describeRule(rule), subject: i.subject, channels: JSON.parse(i.channels) as string[],
    audience: i.audience, method: i.method, levels: JSON.parse(i.levels) as CatalogueLevel[],
  };
}

/** Columns of an item from its input; the time rule is parsed from the 公开时限 text. */
export function itemColumns(input: CatalogueItemInput): Omit<NewCatalogueItem, 'catalogue_id' | 'item_key' | 'seq'> {
  const rule = parseTimeLimit(input.timeLimit);
  return {
    domain_id: input.domainId, level1: input.level1, level2: input.level2, content: input.content, basis: input.basis, time_limit: input.timeLimit,
    rule_kind: rule?.kind ?? null, rule_amount: rule?.amount ?? null, subject: input.subject, channels: JSON.stringify(input.channels),
    audience: input.audience, method: input.method, levels: JSON.stringify(input.levels),
  };
}

async function loadCatalogue(db: Kysely<Database>, id: number) {
  const c = await catalogueRepository(db).findById(id);
  if (!c) throw notFound('目录');
  return c;
}

async function present(db: Kysely<Database>, id: number): Promise<CatalogueDto> {
  const c = await loadCatalogue(db, id);
  const items = await catalogueRepository(db).items(id);
  return { id: c.id, unitId: c.unit_id, unitName: c.unit_name, version: c.version, status: c.status, note: c.note, publishedAt: c.published_at, items: items.map(presentItem) };
}

/** A version as the public may see it (published or superseded); drafts only for staff of the unit. */
export async function getCatalogue(ctx: AppContext, actor: Actor | null, id: number) {
  const c = await loadCatalogue(ctx.db, id);
  if (c.status === 'draft' && !can(actor, 'document.read', c.unit_path)) throw notFound('目录');
  return present(ctx.db, id);
}

async function unitFor(ctx: AppContext, actor: Actor, unitId: number, action: Action) {
  const unit = await unitRepository(ctx.db).findById(unitId);
  if (!unit) throw notFound('单位');
  if (!can(actor, action, unit.path)) throw forbidden('您无权编制其他单位的目录');
  return unit;
}

const snapshotItem = (i: CatalogueItemRow | NewCatalogueItem | undefined) => i && { level1: i.level1, level2: i.level2, timeLimit: i.time_limit, subject: i.subject };

/** 编制新版本: the unit's draft, created as a copy of the current version (same item keys) when missing. */
export async function ensureDraft(ctx: AppContext, actor: Actor, unitId: number, req: RequestInfo) {
  const unit = await unitFor(ctx, actor, unitId, 'catalogue.edit');
  const existing = await catalogueRepository(ctx.db).findByStatus(unitId, 'draft');
  if (existing) return present(ctx.db, existing.id);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const repo = catalogueRepository(trx);
    const current = await repo.findByStatus(unitId, 'published');
    const version = (await repo.maxVersion(unitId)) + 1;
    const { id } = await repo.insertCatalogue(unitId, version, null);
    if (current) {
      const items = await repo.items(current.id);
      await repo.insertItems(items.map(({ id: _id, created_at: _c, domain_name: _d, catalogue_id: _cat, ...rest }) => ({ ...rest, catalogue_id: id })));
    }
    await appendAudit(trx, { ...auditBy(actor), unitId: unit.id, action: 'catalogue.draft', entityType: 'catalogue', entityId: id, after: { version, copiedFrom: current?.version ?? null }, ip: req.ip });
    return id;
  });
  return present(ctx.db, id);
}

async function draftFor(ctx: AppContext, actor: Actor, catalogueId: number) {
  const c = await loadCatalogue(ctx.db, catalogueId);
  if (!can(actor, 'catalogue.edit', c.unit_path)) throw forbidden('您无权编制其他单位的目录');
  if (c.status !== 'draft') throw conflict('catalogue_not_draft', '只能修改编制中的目录版本；请先“编制新版本”');
  return c;
}

export async function addItem(ctx: AppContext, actor: Actor, catalogueId: number, input: CatalogueItemInput, req: RequestInfo) {
  const c = await draftFor(ctx, actor, catalogueId);
  await ctx.db.transaction().execute(async (trx) => {
    const repo = catalogueRepository(trx);
    const item = { ...itemColumns(input), catalogue_id: catalogueId, item_key: randomUUID(), seq: (await repo.maxSeq(catalogueId)) + 1 };
    await repo.insertItems([item]);
    await appendAudit(trx, { ...auditBy(actor), unitId: c.unit_id, action: 'catalogue.item_add', entityType: 'catalogue', entityId: catalogueId, after: snapshotItem(item), ip: req.ip });
  });
  return present(ctx.db, catalogueId);
}

export async function updateItem(ctx: AppContext, actor: Actor, itemId: number, input: CatalogueItemInput, req: RequestInfo) {
  const before = await catalogueRepository(ctx.db).findItem(itemId);
  if (!before) throw notFound('目录事项');
  const c = await draftFor(ctx, actor, before.catalogue_id);
  await ctx.db.transaction().execute(async (trx) => {
    await catalogueRepository(trx).updateItem(itemId, itemColumns(input));
    await appendAudit(trx, { ...auditBy(actor), unitId: c.unit_id, action: 'catalogue.item_update', entityType: 'catalogue', entityId: c.id, before: snapshotItem({ ...before, domain_name: null }), after: { level1: input.level1, level2: input.level2, timeLimit: input.timeLimit, subject: input.subject }, ip: req.ip });
  });
  return present(ctx.db, c.id);
}

export async function deleteItem(ctx: AppContext, actor: Actor, itemId: number, req: RequestInfo) {
  const before = await catalogueRepository(ctx.db).findItem(itemId);
  if (!before) throw notFound('目录事项');
  const c = await draftFor(ctx, actor, before.catalogue_id);
  await ctx.db.transaction().execute(async (trx) => {
    await catalogueRepository(trx).deleteItem(itemId);
    await appendAudit(trx, { ...auditBy(actor), unitId: c.unit_id, action: 'catalogue.item_delete', entityType: 'catalogue', entityId: c.id, before: snapshotItem({ ...before, domain_name: null }), ip: req.ip });
  });
  return present(ctx.db, c.id);
}

/** Replaces all items of a draft (the spreadsheet import, after every row passed validation). */
export async function replaceItems(ctx: AppContext, actor: Actor, catalogueId: number, inputs: CatalogueItemInput[], source: string, req: RequestInfo) {
  const c = await draftFor(ctx, actor, catalogueId);
  await ctx.db.transaction().execute(async (trx) => {
    const repo = catalogueRepository(trx);
    // Keep the key of an item that keeps its names, so linked documents stay linked.
    const old = new Map((await repo.items(catalogueId)).map((i) => [`${i.level1}\u0000${i.level2}`, i.item_key]));
    await repo.deleteItems(catalogueId);
    await repo.insertItems(inputs.map((input, i) => ({ ...itemColumns(input), catalogue_id: catalogueId, item_key: old.get(`${input.level1}\u0000${input.level2}`) ?? randomUUID(), seq: i + 1 })));
    await appendAudit(trx, { ...auditBy(actor), unitId: c.unit_id, action: 'catalogue.import', entityType: 'catalogue', entityId: catalogueId, after: { source, items: inputs.length }, ip: req.ip });
  });
  return present(ctx.db, catalogueId);
}

/** 发布目录: the draft becomes current; the previous version stays readable as 历史版本. */
export async function publishCatalogue(ctx: AppContext, actor: Actor, catalogueId: number, req: RequestInfo) {
  const c = await loadCatalogue(ctx.db, catalogueId);
  if (!can(actor, 'catalogue.publish', c.unit_path)) throw forbidden('您无权发布该单位的目录');
  if (c.status !== 'draft') throw conflict('catalogue_not_draft', '只有编制中的版本可以发布');
  const items = await catalogueRepository(ctx.db).items(catalogueId);
  if (!items.length) throw badRequest('catalogue_empty', '目录没有事项，不能发布');
  await ctx.db.transaction().execute(async (trx) => {
    const repo = catalogueRepository(trx);
    const current = await repo.findByStatus(c.unit_id, 'published');
    if (current) await repo.setStatus(current.id, 'superseded');
    await repo.setStatus(catalogueId, 'published', nowIso());
    await appendAudit(trx, { ...auditBy(actor), unitId: c.unit_id, action: 'catalogue.publish', entityType: 'catalogue', entityId: catalogueId, after: { version: c.version, items: items.length, supersedes: current?.version ?? null }, ip: req.ip });
  });
  return present(ctx.db, catalogueId);
}

/** Checks that the keys belong to the unit's catalogues before a document is linked to them. */
export async function assertItemKeysOfUnit(db: Kysely<Database>, unitId: number, keys: string[]) {
  if (!keys.length) return;
  const known = await catalogueRepository(db).unitItemKeys(unitId);
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length) throw badRequest('unknown_catalogue_item', '所选目录事项不属于该单位的目录');
}

const beijingDate = (iso: string | null) => (iso ? new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10) : null);

/** 目录事项监测 for a unit's current catalogue. */
export async function watchCatalogue(db: Kysely<Database>, unitId: number, today = beijingToday(), calendar?: WorkdayCalendar): Promise<WatchRowDto[]> {
  const workdays = calendar ?? holidayCalendar(await loadCalendar(db));
  const repo = catalogueRepository(db);
  const current = await repo.findByStatus(unitId, 'published');
  if (!current) return [];
  const items = await repo.items(current.id);
  const links = await repo.linkedDocuments(items.map((i) => i.item_key));
  return items.map((i) => {
    const docs = links
      .filter((l) => l.item_key === i.item_key)
      .map((l) => ({ id: l.id, title: l.title, writtenDate: l.written_date, publishedDate: l.status === 'published' ? beijingDate(l.published_at) : null }));
    const rule = i.rule_kind ? { kind: i.rule_kind, amount: i.rule_amount ?? 0 } : null;
    const base = { itemId: i.id, itemKey: i.item_key, seq: i.seq, level1: i.level1, level2: i.level2, timeLimit: i.time_limit, ruleText: describeRule(rule) };
    try {
      const row = watchItem(rule, docs, today, workdays);
      return { ...base, state: row.state, document: row.document ?? null };
    } catch (err) {
      // A due date in a year whose holiday arrangement is not entered yet: say so rather than guess.
      if (err instanceof CalendarGapError) return { ...base, state: 'calendar_missing' as const, document: null };
      throw err;
    }
  });
}

/** Adds a domain beyond the 26 (shared by all units: system administrator or the top-level disclosure office). */
export async function addDomain(ctx: AppContext, actor: Actor, name: string, req: RequestInfo) {
  const root = (await unitRepository(ctx.db).listChildren(null))[0];
  if (!root || !can(actor, 'wordlist.manage', root.path)) throw forbidden('只有系统管理员和市级政务公开办可以维护领域');
  const repo = catalogueRepository(ctx.db);
  const domains = await repo.domains();
  if (domains.some((d) => d.name === name)) throw conflict('domain_exists', '该领域已存在');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('catalogue_domain').values({ name, sort_order: domains.length + 1 }).returning(['id', 'name']).executeTakeFirstOrThrow();
    await appendAudit(trx, { ...auditBy(actor), action: 'catalogue.domain_add', entityType: 'catalogue_domain', entityId: row.id, after: { name }, ip: req.ip });
    return row;
  });
}
