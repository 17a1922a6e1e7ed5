import type { UnitKind, UnitLevel } from './schema.js';

export const LEVEL_LABELS: Record<UnitLevel, string> = { city: '市级', county: '县级', township: '乡级', village: '村级' };
export const KIND_LABELS: Record<UnitKind, string> = { government: '人民政府', department: '部门' };

const NEXT_LEVEL: Record<UnitLevel, UnitLevel | null> = { city: 'county', county: 'township', township: 'village', village: null };
const CODE_LENGTH: Record<UnitLevel, number> = { city: 6, county: 6, township: 9, village: 12 };

export interface UnitShape {
  kind: UnitKind;
  level: UnitLevel;
}

/**
 * Which units may sit under a parent: a government has departments at its own level and
 * governments one level down; departments and villages have no sub-units.
 */
export function childProblem(parent: UnitShape | null, child: UnitShape): string | null {
  if (!parent) {
    return child.kind === 'government' ? null : '顶级单位必须是人民政府';
  }
  if (parent.kind === 'department') return '部门下不能再设下级单位';
  if (child.kind === 'department') {
    if (child.level !== parent.level) return `部门的层级须与所属政府一致（${LEVEL_LABELS[parent.level]}）`;
    if (parent.level === 'village') return '村（社区）下不设部门';
    return null;
  }
  const next = NEXT_LEVEL[parent.level];
  if (!next) return '村（社区）下不能再设下级政府';
  if (child.level !== next) return `${LEVEL_LABELS[parent.level]}政府的下级政府层级应为${LEVEL_LABELS[next]}`;
  return null;
}

/** 行政区划代码 check: digits of the length the level uses; departments carry none. */
export function divisionCodeProblem(unit: UnitShape, code: string | null | undefined): string | null {
  if (code === null || code === undefined || code === '') return null;
  if (unit.kind === 'department') return '部门不设行政区划代码';
  const len = CODE_LENGTH[unit.level];
  if (!new RegExp(`^\\d{${len}}$`).test(code)) return `${LEVEL_LABELS[unit.level]}行政区划代码应为 ${len} 位数字`;
  return null;
}

/** 统一社会信用代码: 18 characters from the GB 32100 alphabet with its check character. */
export function creditCodeProblem(code: string | null | undefined): string | null {
  if (!code) return null;
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return '统一社会信用代码应为 18 位数字或大写字母';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(code[i]!) * weights[i]!;
  const check = alphabet[(31 - (sum % 31)) % 31];
  return check === code[17] ? null : '统一社会信用代码校验位不正确';
}

export const childPath = (parentPath: string | null, id: number) => `${parentPath ?? '/'}${id}/`;

/** Ids on a materialised path, root first. */
export const pathIds = (path: string) => path.split('/').filter(Boolean).map(Number);

/** The government a unit belongs to: itself when it is one, else its nearest government ancestor. */
export function governmentPathOf(unit: { kind: UnitKind; path: string }): string {
  if (unit.kind === 'government') return unit.path;
  const ids = pathIds(unit.path);
  return `/${ids.slice(0, -1).join('/')}/`;
}
