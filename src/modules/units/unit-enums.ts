/** 单位: a government (人民政府/街道办事处/村(居)委会) or a department (部门) in the administrative tree. */
export const UNIT_KINDS = ['government', 'department'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** 层级: 市 → 县(市、区) → 乡(镇)/街道 → 村(社区). */
export const UNIT_LEVELS = ['city', 'county', 'township', 'village'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];
