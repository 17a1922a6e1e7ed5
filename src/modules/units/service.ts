import type { AppContext } from '../../context.js';
import { appendAudit } from '../../platform/audit/audit.js';
import { badRequest, conflict, forbidden, notFound } from '../../platform/http/errors.js';
import { can, type Actor } from '../accounts/policy.js';
import { auditBy, type RequestInfo } from '../accounts/service.js';
import type { OfficeDto, UnitDto } from './dto.js';
import { unitRepository, type NewUnit, type UnitRow } from './repository.js';
import { childProblem, creditCodeProblem, divisionCodeProblem } from './rules.js';
import type { UnitKind, UnitLevel } from './schema.js';

export type OfficeContact = OfficeDto;

/** A unit as the API and pages show it. */
export function presentUnit(u: UnitRow): UnitDto {
  return {
    id: u.id,
    parentId: u.parent_id,
    name: u.name,
    shortName: u.short_name,
    kind: u.kind,
    level: u.level,
    divisionCode: u.division_code,
    creditCode: u.credit_code,
    sortOrder: u.sort_order,
    office: {
      name: u.office_name, address: u.office_address, hours: u.office_hours, phone: u.office_phone,
      fax: u.office_fax, email: u.office_email, postcode: u.office_postcode,
    },
    updatedAt: u.updated_at,
  };
}

export interface UnitInput {
  name: string;
  shortName: string | null;
  kind: UnitKind;
  level: UnitLevel;
  divisionCode: string | null;
  creditCode: string | null;
  sortOrder: number;
  office: OfficeContact;
}

const columns = (i: Partial<UnitInput>): Partial<NewUnit> => ({
  ...(i.name !== undefined && { name: i.name }),
  ...(i.shortName !== undefined && { short_name: i.shortName }),
  ...(i.kind !== undefined && { kind: i.kind }),
  ...(i.level !== undefined && { level: i.level }),
  ...(i.divisionCode !== undefined && { division_code: i.divisionCode }),
  ...(i.creditCode !== undefined && { credit_code: i.creditCode }),
  ...(i.sortOrder !== undefined && { sort_order: i.sortOrder }),
  ...(i.office && {
    office_name: i.office.name, office_address: i.office.address, office_hours: i.office.hours, office_phone: i.office.phone,
    office_fax: i.office.fax, office_email: i.office.email, office_postcode: i.office.postcode,
  }),
});

async function assertCodesFree(ctx: AppContext, shape: { kind: UnitKind; level: UnitLevel }, code: string | null | undefined, credit: string | null | undefined, selfId?: number) {
  const problem = divisionCodeProblem(shape, code) ?? creditCodeProblem(credit);
  if (problem) throw badRequest('invalid_code', problem);
  if (code) {
    const other = await unitRepository(ctx.db).findByDivisionCode(code);
    if (other && other.id !== selfId) throw conflict('division_code_taken', `行政区划代码 ${code} 已属于“${other.name}”`);
  }
}

/** Validates the place in the tree and records the new unit in the audit log. */
export async function createUnit(ctx: AppContext, actor: Actor, parentId: number | null, input: UnitInput, req: RequestInfo) {
  const repo = unitRepository(ctx.db);
  const parent = parentId === null ? null : await repo.findById(parentId);
  if (parentId !== null && !parent) throw badRequest('parent_not_found', '上级单位不存在');
  if (!can(actor, 'unit.create', parent?.path ?? '/')) throw forbidden('您无权在此处新增单位');
  const problem = childProblem(parent ?? null, input);
  if (problem) throw badRequest('invalid_unit_place', problem);
  await assertCodesFree(ctx, input, input.divisionCode, input.creditCode);
  const created = await ctx.db.transaction().execute(async (trx) => {
    // A full UnitInput maps to every column.
    const row = await unitRepository(trx).insert({ parent_id: parentId, ...columns(input) } as NewUnit, parent?.path ?? null);
    await appendAudit(trx, { ...auditBy(actor), unitId: row.id, action: 'unit.create', entityType: 'unit', entityId: row.id, after: presentUnit(row), ip: req.ip });
    return row;
  });
  return presentUnit(created);
}

export async function updateUnit(ctx: AppContext, actor: Actor, id: number, changes: Partial<UnitInput>, req: RequestInfo) {
  const repo = unitRepository(ctx.db);
  const before = await repo.findById(id);
  if (!before) throw notFound('单位');
  if (!can(actor, 'unit.update', before.path)) throw forbidden('您无权修改该单位');
  const shape = { kind: changes.kind ?? before.kind, level: changes.level ?? before.level };
  if (changes.kind !== undefined || changes.level !== undefined) {
    const parent = before.parent_id === null ? null : await repo.findById(before.parent_id);
    const problem = childProblem(parent ?? null, shape);
    if (problem) throw badRequest('invalid_unit_place', problem);
    if ((await repo.countChildren(id)) > 0 && (shape.kind !== before.kind || shape.level !== before.level)) {
      throw badRequest('unit_has_children', '该单位有下级单位，不能修改类型或层级');
    }
  }
  await assertCodesFree(ctx, shape, changes.divisionCode ?? before.division_code, changes.creditCode ?? before.credit_code, id);
  const after = await ctx.db.transaction().execute(async (trx) => {
    const row = await unitRepository(trx).update(id, columns(changes));
    await appendAudit(trx, { ...auditBy(actor), unitId: id, action: 'unit.update', entityType: 'unit', entityId: id, before: presentUnit(before), after: presentUnit(row), ip: req.ip });
    return row;
  });
  return presentUnit(after);
}

/** Only an empty unit (no sub-units, no accounts) can be removed; history stays in the audit log. */
export async function deleteUnit(ctx: AppContext, actor: Actor, id: number, req: RequestInfo) {
  const repo = unitRepository(ctx.db);
  const unit = await repo.findById(id);
  if (!unit) throw notFound('单位');
  // A disclosure office may not delete its own government.
  if (!can(actor, 'unit.delete', unit.path) || (unit.path === actor.governmentPath && !actor.roles.includes('sysadmin'))) throw forbidden('您无权删除该单位');
  if ((await repo.countChildren(id)) > 0) throw conflict('unit_has_children', '该单位下还有下级单位，不能删除');
  if ((await repo.countUsers(id)) > 0) throw conflict('unit_has_users', '该单位下还有用户账号，不能删除');
  await ctx.db.transaction().execute(async (trx) => {
    await unitRepository(trx).remove(id);
    await appendAudit(trx, { ...auditBy(actor), unitId: id, action: 'unit.delete', entityType: 'unit', entityId: id, before: presentUnit(unit), ip: req.ip });
  });
}
