import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { ScopeEntry } from './policy.js';

/**
 * SQL form of a permission scope over a column holding unit paths: lists show exactly the rows
 * `inScope()` would allow one by one.
 */
export function scopeCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  pathColumn: string,
  scope: ScopeEntry[],
): Expression<SqlBool> {
  const ref = eb.ref(pathColumn as any);
  if (scope.some((e) => 'all' in e)) return eb.lit(true) as unknown as Expression<SqlBool>;
  if (scope.length === 0) return eb.lit(false) as unknown as Expression<SqlBool>;
  return eb.or(
    scope.map((e) => ('subtree' in e ? eb(ref, 'like', `${e.subtree}%`) : eb(ref, '=', (e as { unit: string }).unit))),
  );
}
