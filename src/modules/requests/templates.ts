import type { Kysely, Migration } from 'kysely';
import type { Generated } from 'kysely';
import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { idColumnType, nowIso } from '../../platform/db/database.js';
import { badRequest, forbidden, notFound } from '../../platform/http/errors.js';
import type { Database } from '../../schema.js';
import { can, type Actor } from '../accounts/policy.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';
import { pathIds } from '../units/rules.js';
import { OUTCOMES, REMEDIES, type Outcome } from './outcomes.js';

/**
 * 答复文书模板: each government may reword the standard texts of its replies (the decision sentence and
 * the article cited for each outcome, the remedies paragraph, the default provision sentence). A
 * government without its own wording inherits the nearest government above it, then the built-in text.
 */
export interface ReplyTemplateTable {
  id: Generated<number>;
  /** The government (unit of kind government) the wording belongs to. */
  unit_id: number;
  key: string;
  text: string;
  updated_by: string;
  updated_at: string;
}

export interface ReplyTemplateTables {
  reply_template: ReplyTemplateTable;
}

export const replyTemplateMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('reply_template')
      .addColumn('id', idColumnType(db))
      .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('reply_template_unit_key', ['unit_id', 'key'])
      .execute();
  },
};

export const DEFAULT_PROVISION = '相关政府信息随本答复书一并提供。';

export interface TemplateKey {
  key: string;
  /** What the text is, for the editing screen. */
  label: string;
  /** The annual-report group it belongs to, or 通用 for texts on every reply. */
  group: string;
  defaultText: string;
}

/** Every editable text, in the order of the editing screen. */
export const TEMPLATE_KEYS: TemplateKey[] = [
  { key: 'remedies', label: '救济途径（每份答复书末尾）', group: '通用', defaultText: REMEDIES },
  { key: 'provision', label: '提供信息的方式（予以公开、部分公开未另行填写时）', group: '通用', defaultText: DEFAULT_PROVISION },
  ...OUTCOMES.flatMap((o): TemplateKey[] => [
    { key: `decision.${o.code}`, label: `${o.label}：决定`, group: o.group, defaultText: o.decision },
    { key: `article.${o.code}`, label: `${o.label}：依据条款`, group: o.group, defaultText: o.article },
  ]),
];
const KEYS = new Map(TEMPLATE_KEYS.map((k) => [k.key, k]));

/** The texts a reply is written with. */
export interface ReplyWording {
  remedies: string;
  provision: string;
  outcome(code: string): Outcome;
}

/** Pure: the wording from overrides ordered nearest government first. */
export function wordingFrom(overrides: Array<Map<string, string>>): ReplyWording {
  const text = (key: string) => overrides.find((m) => m.has(key))?.get(key) ?? KEYS.get(key)!.defaultText;
  return {
    remedies: text('remedies'),
    provision: text('provision'),
    outcome(code) {
      const base = OUTCOMES.find((o) => o.code === code);
      if (!base) throw new Error(`unknown outcome ${code}`);
      return { ...base, decision: text(`decision.${code}`), article: text(`article.${code}`) };
    },
  };
}

/** Overrides of the governments on a unit's path, nearest first. */
async function overridesFor(db: Kysely<Database>, unitPath: string) {
  const ids = pathIds(unitPath);
  const rows = await db.selectFrom('reply_template').select(['unit_id', 'key', 'text']).where('unit_id', 'in', ids).execute();
  return ids.reverse().map((id) => new Map(rows.filter((r) => r.unit_id === id).map((r) => [r.key, r.text])));
}

/** The wording for replies of a unit (its government's, inherited upwards, then the built-in texts). */
export async function wordingForUnit(db: Kysely<Database>, unitPath: string): Promise<ReplyWording> {
  return wordingFrom(await overridesFor(db, unitPath));
}

async function governmentUnit(ctx: AppContext, actor: Actor, unitId: number, write: boolean) {
  const unit = await ctx.db.selectFrom('unit').select(['id', 'path', 'kind', 'name']).where('id', '=', unitId).executeTakeFirst();
  if (!unit) throw notFound('单位');
  if (unit.kind !== 'government') throw badRequest('not_government', '答复文书模板按人民政府设置，请选择一级政府');
  const allowed = write ? can(actor, 'reply_template.manage', unit.path) : can(actor, 'reply_template.manage', unit.path) || can(actor, 'request.read', unit.path);
  if (!allowed) throw forbidden(write ? '您无权修改该政府的答复文书模板' : '您无权查看该政府的答复文书模板');
  return unit;
}

/** The editing screen's rows: every key with its effective text and where it comes from. */
export async function listTemplates(ctx: AppContext, actor: Actor, unitId: number) {
  const unit = await governmentUnit(ctx, actor, unitId, false);
  const overrides = await overridesFor(ctx.db, unit.path);
  const names = new Map((await ctx.db.selectFrom('unit').select(['id', 'name']).where('id', 'in', pathIds(unit.path)).execute()).map((u) => [u.id, u.name]));
  const ids = pathIds(unit.path).reverse();
  return {
    unitId: unit.id,
    unitName: unit.name,
    items: TEMPLATE_KEYS.map((k) => {
      const at = overrides.findIndex((m) => m.has(k.key));
      return {
        ...k,
        text: at >= 0 ? overrides[at]!.get(k.key)! : k.defaultText,
        source: at < 0 ? 'default' as const : at === 0 ? 'own' as const : 'inherited' as const,
        sourceName: at < 0 ? '系统默认' : names.get(ids[at]!) ?? '',
      };
    }),
  };
}

/** Sets (or, with null, removes) a government's own wording for one key. */
export async function setTemplate(ctx: AppContext, actor: Actor, unitId: number, key: string, text: string | null, req: RequestInfo) {
  const unit = await governmentUnit(ctx, actor, unitId, true);
  if (!KEYS.has(key)) throw badRequest('unknown_template_key', '没有这一项模板文字');
  const before = await ctx.db.selectFrom('reply_template').select('text').where('unit_id', '=', unit.id).where('key', '=', key).executeTakeFirst();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('reply_template').where('unit_id', '=', unit.id).where('key', '=', key).execute();
    if (text !== null) await trx.insertInto('reply_template').values({ unit_id: unit.id, key, text, updated_by: actor.displayName, updated_at: nowIso() }).execute();
    await appendAudit(trx, { ...auditBy(actor), unitId: unit.id, action: 'reply_template.set', entityType: 'reply_template', entityId: unit.id, before: { key, text: before?.text ?? null }, after: { key, text }, ip: req.ip });
  });
  return listTemplates(ctx, actor, unit.id);
}
