import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { nowIso } from '../../platform/db/database.js';
import { AppError, forbidden } from '../../platform/http/errors.js';
import { can, scopeOf, type Actor } from '../accounts/policy.js';
import { scopeCondition } from '../accounts/scope-sql.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';

/** Table 2 figures a unit enters for a year (they come from the licensing, penalty and fee systems). */
export interface Figures {
  licensing: number;
  penalty: number;
  enforcement: number;
  /** 万元 */
  fees: number;
}

export const FIGURE_COLUMNS = ['单位名称', '行政许可', '行政处罚', '行政强制', '行政事业性收费（万元）'] as const;

/** Figures of the units the actor may edit documents for, for one year (units without figures show zeros). */
export async function listFigures(ctx: AppContext, actor: Actor, year: number) {
  const scope = scopeOf(actor, 'document.edit');
  if (!scope.length) throw forbidden('您无权填报年度报告数据');
  const units = await ctx.db.selectFrom('unit').select(['id', 'name']).where((eb) => scopeCondition(eb, 'path', scope)).where('level', 'in', ['city', 'county']).orderBy('sort_order').orderBy('id').execute();
  const rows = units.length ? await ctx.db.selectFrom('annual_figure').selectAll().where('year', '=', year).where('unit_id', 'in', units.map((u) => u.id)).execute() : [];
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  return units.map((u) => {
    const f = byUnit.get(u.id);
    return { unitId: u.id, unitName: u.name, licensing: f?.licensing ?? 0, penalty: f?.penalty ?? 0, enforcement: f?.enforcement ?? 0, fees: Number(f?.fees ?? 0), updatedBy: f?.updated_by ?? null, updatedAt: f?.updated_at ?? null };
  });
}

async function store(ctx: AppContext, actor: Actor, unitId: number, year: number, f: Figures, req: RequestInfo) {
  const before = await ctx.db.selectFrom('annual_figure').selectAll().where('unit_id', '=', unitId).where('year', '=', year).executeTakeFirst();
  await ctx.db.transaction().execute(async (trx) => {
    const values = { licensing: f.licensing, penalty: f.penalty, enforcement: f.enforcement, fees: f.fees, updated_by: actor.displayName, updated_at: nowIso() };
    if (before) await trx.updateTable('annual_figure').set(values).where('id', '=', before.id).execute();
    else await trx.insertInto('annual_figure').values({ ...values, unit_id: unitId, year }).execute();
    await appendAudit(trx, { ...auditBy(actor), unitId, action: 'annual_figure.set', entityType: 'annual_figure', entityId: unitId, before: before ? { year, licensing: before.licensing, penalty: before.penalty, enforcement: before.enforcement, fees: before.fees } : null, after: { year, ...f }, ip: req.ip });
  });
}

export async function setFigures(ctx: AppContext, actor: Actor, unitId: number, year: number, f: Figures, req: RequestInfo) {
  const unit = await ctx.db.selectFrom('unit').select(['id', 'path']).where('id', '=', unitId).executeTakeFirst();
  if (!unit || !can(actor, 'document.edit', unit.path)) throw forbidden('您无权填报该单位的年度报告数据');
  await store(ctx, actor, unitId, year, f, req);
  return listFigures(ctx, actor, year);
}

/** Parses a figures CSV (header row, then 单位名称 and four numbers); every problem is named by line and column. */
export function parseFiguresCsv(text: string): { rows: Array<{ line: number; unitName: string } & Figures>; errors: Array<{ line: number; column: string; message: string }> } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const errors: Array<{ line: number; column: string; message: string }> = [];
  const rows: Array<{ line: number; unitName: string } & Figures> = [];
  lines.slice(1).forEach((l, i) => {
    const line = i + 2;
    const cells = l.split(/[,，\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
    if (cells.length < 5) return errors.push({ line, column: '', message: `应有 ${FIGURE_COLUMNS.length} 列，实有 ${cells.length} 列` });
    const numbers = cells.slice(1, 5).map(Number);
    numbers.forEach((n, k) => {
      const whole = k < 3;
      if (!Number.isFinite(n) || n < 0 || (whole && !Number.isInteger(n))) errors.push({ line, column: FIGURE_COLUMNS[k + 1]!, message: whole ? '应为非负整数' : '应为非负数（单位：万元）' });
    });
    rows.push({ line, unitName: cells[0]!, licensing: numbers[0]!, penalty: numbers[1]!, enforcement: numbers[2]!, fees: Math.round(numbers[3]! * 100) / 100 });
  });
  return { rows, errors };
}

/** Imports figures for a year: all lines or none. */
export async function importFigures(ctx: AppContext, actor: Actor, year: number, csv: string, req: RequestInfo) {
  const { rows, errors } = parseFiguresCsv(csv);
  const units = await listFigures(ctx, actor, year);
  const byName = new Map(units.map((u) => [u.unitName, u.unitId]));
  for (const r of rows) if (!byName.has(r.unitName)) errors.push({ line: r.line, column: '单位名称', message: `没有您可以填报的单位“${r.unitName}”` });
  if (!rows.length && !errors.length) errors.push({ line: 1, column: '', message: '文件中没有数据行' });
  if (errors.length) throw new AppError(400, 'import_failed', `导入未执行，共 ${errors.length} 处问题：${errors.slice(0, 5).map((e) => `第 ${e.line} 行${e.column ? `“${e.column}”` : ''}${e.message}`).join('；')}`, errors);
  for (const r of rows) await store(ctx, actor, byName.get(r.unitName)!, year, r, req);
  return { imported: rows.length, items: await listFigures(ctx, actor, year) };
}
