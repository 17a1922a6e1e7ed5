import type { AppContext } from '../../context.js';
import { forbidden } from '../../platform/http/errors.js';
import { scopeOf, type Actor } from '../accounts/policy.js';
import { scopeCondition } from '../accounts/scope-sql.js';
import { APPEAL_KIND_LABELS, APPEAL_KINDS } from '../requests/appeals.js';
import { OUTCOMES } from '../requests/outcomes.js';
import { appealFacts, caseFacts, type AppealFact, type CaseFact } from '../requests/statistics.js';
import { reportDeadline } from './service.js';

const GROUPS = [...new Set(OUTCOMES.map((o) => o.group))];

/** Plain figures of a year's requests: per unit, per month, by outcome group, appeals by kind and result. */
export function requestFigures(cases: CaseFact[], appeals: AppealFact[], units: Array<{ id: number; name: string }>, year: number) {
  const inYear = (d: string | null) => !!d && d.startsWith(`${year}-`);
  const perUnit = units.map((u) => {
    const mine = cases.filter((c) => c.unitId === u.id);
    const answered = mine.filter((c) => inYear(c.replyDate));
    const onTime = answered.filter((c) => c.due === null || c.replyDate! <= c.due).length;
    return {
      unitId: u.id, unitName: u.name, received: mine.filter((c) => inYear(c.receiptDate)).length, answered: answered.length, onTime,
      onTimeRate: answered.length ? Math.round((onTime / answered.length) * 1000) / 10 : null, appeals: appeals.filter((a) => a.unitId === u.id).length,
    };
  }).filter((u) => u.received || u.answered || u.appeals);
  const monthly = Array.from({ length: 12 }, (_, i) => {
    const m = `${year}-${String(i + 1).padStart(2, '0')}`;
    return { month: i + 1, received: cases.filter((c) => c.receiptDate.startsWith(m)).length, answered: cases.filter((c) => c.replyDate?.startsWith(m)).length };
  });
  const outcomes = GROUPS.map((g) => ({ group: g, count: cases.filter((c) => inYear(c.replyDate) && OUTCOMES.find((o) => o.code === c.outcome)?.group === g).length }));
  const appealRows = APPEAL_KINDS.map((k) => {
    const of = appeals.filter((a) => a.kind === k);
    return { kind: k, label: APPEAL_KIND_LABELS[k], upheld: of.filter((a) => a.result === 'upheld').length, corrected: of.filter((a) => a.result === 'corrected').length, other: of.filter((a) => a.result === 'other').length, pending: of.filter((a) => a.result === 'pending').length, total: of.length };
  });
  const answered = perUnit.reduce((a, u) => a + u.answered, 0);
  const onTime = perUnit.reduce((a, u) => a + u.onTime, 0);
  return {
    totals: { received: perUnit.reduce((a, u) => a + u.received, 0), answered, onTimeRate: answered ? Math.round((onTime / answered) * 1000) / 10 : null, appeals: appeals.length },
    perUnit, monthly, outcomes, appeals: appealRows,
  };
}

/** The disclosure office's dashboard for a year: the request figures and who has not yet published a report. */
export async function dashboard(ctx: AppContext, actor: Actor, year: number) {
  const scope = scopeOf(actor, 'request.read');
  if (!scope.length) throw forbidden('您无权查看依申请公开统计');
  const units = await ctx.db.selectFrom('unit').select(['id', 'name', 'kind', 'level']).where((eb) => scopeCondition(eb, 'path', scope)).orderBy('sort_order').orderBy('id').execute();
  const ids = units.map((u) => u.id);
  const [cases, appeals, reports] = await Promise.all([
    caseFacts(ctx.db, ids, `${year}-12-31`), appealFacts(ctx.db, ids, `${year}-01-01`, `${year}-12-31`),
    ids.length ? ctx.db.selectFrom('annual_report').select(['unit_id', 'status', 'published_at']).where('year', '=', year).where('unit_id', 'in', ids).execute() : Promise.resolve([]),
  ]);
  const byUnit = new Map(reports.map((r) => [r.unit_id, r]));
  // Reports are statutory for county-level governments and up and their departments (条例第四十九条).
  const due = units.filter((u) => u.level === 'city' || u.level === 'county').map((u) => ({
    unitId: u.id, unitName: u.name, deadline: reportDeadline(u.kind, year), status: byUnit.get(u.id)?.status ?? 'none', publishedAt: byUnit.get(u.id)?.published_at ?? null,
  }));
  return {
    year, ...requestFigures(cases, appeals, units, year),
    reports: { departmentsBy: reportDeadline('department', year), governmentsBy: reportDeadline('government', year), published: due.filter((d) => d.status === 'published').length, pending: due.filter((d) => d.status !== 'published') },
  };
}
