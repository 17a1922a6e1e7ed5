import type { Kysely } from 'kysely';
import { createUserUnchecked } from './modules/accounts/service.js';
import type { Role } from './modules/accounts/policy.js';
import { unitRepository, type NewUnit } from './modules/units/repository.js';
import { CITY, CITY_DEPARTMENTS, COUNTIES, townshipGovernmentName } from './modules/units/sanming.js';
import type { Database } from './schema.js';
import { seedDemoContent } from './demo-content.js';

/** Password of every demo account (shown in the README); demo accounts exist only with demo data. */
export const DEMO_PASSWORD = 'Demo@Sanming2026';

export const DEMO_ACCOUNTS: Array<{ username: string; displayName: string; unit: string; roles: Role[] }> = [
  { username: 'admin', displayName: '系统管理员', unit: '三明市人民政府', roles: ['sysadmin'] },
  { username: 'sm.gkb', displayName: '市政务公开办', unit: '三明市人民政府办公室', roles: ['disclosure_office'] },
  { username: 'sm.leader', displayName: '市政府领导', unit: '三明市人民政府', roles: ['leader'] },
  { username: 'jyj.admin', displayName: '市教育局管理员', unit: '三明市教育局', roles: ['unit_admin'] },
  { username: 'jyj.editor', displayName: '市教育局编辑', unit: '三明市教育局', roles: ['editor'] },
  { username: 'jyj.reviewer', displayName: '市教育局审核', unit: '三明市教育局', roles: ['reviewer'] },
  { username: 'jyj.handler', displayName: '市教育局依申请承办', unit: '三明市教育局', roles: ['request_handler'] },
  { username: 'fgw.editor', displayName: '市发改委编辑', unit: '三明市发展和改革委员会', roles: ['editor'] },
  { username: 'syq.gkb', displayName: '三元区政务公开办', unit: '三元区人民政府办公室', roles: ['disclosure_office'] },
];

const office = (name: string, extra: Partial<NewUnit> = {}): Partial<NewUnit> => ({
  office_name: name,
  office_hours: '工作日 上午 8:00—12:00，下午 14:30—17:30（演示）',
  ...extra,
});

function unit(name: string, shortName: string | null, kind: NewUnit['kind'], level: NewUnit['level'], order: number, extra: Partial<NewUnit> = {}): NewUnit {
  return {
    parent_id: null, name, short_name: shortName, kind, level, division_code: null, credit_code: null, sort_order: order,
    office_name: null, office_address: null, office_hours: null, office_phone: null, office_fax: null, office_email: null, office_postcode: null,
    ...extra,
  };
}

/**
 * Fills an empty database with Sanming's units and the demo accounts. Returns false (and does
 * nothing) when units already exist.
 */
export async function seedDemo(db: Kysely<Database>, onProgress?: (message: string) => void, options: { content?: boolean } = {}): Promise<boolean> {
  const existing = await db.selectFrom('unit').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    const repo = unitRepository(trx);
    const add = async (u: NewUnit, parent: { id: number; path: string } | null) => repo.insert({ ...u, parent_id: parent?.id ?? null }, parent?.path ?? null);
    const city = await add(unit(CITY.name, CITY.shortName, 'government', 'city', 0, {
      division_code: CITY.code,
      ...office('三明市人民政府办公室（政务公开办）', { office_address: '福建省三明市（演示地址）', office_phone: '0598-0000000', office_email: 'gongkai@sanming.example.cn', office_postcode: '365000' }),
    }), null);
    for (const [i, [short, full]] of CITY_DEPARTMENTS.entries()) {
      await add(unit(full, short, 'department', 'city', i + 1, office(`${full}办公室`)), city);
    }
    for (const [i, county] of COUNTIES.entries()) {
      const gov = await add(unit(`${county.name}人民政府`, county.name, 'government', 'county', 100 + i, {
        division_code: county.code, ...office(`${county.name}人民政府办公室（政务公开办）`),
      }), city);
      await add(unit(`${county.name}人民政府办公室`, `${county.name}政府办`, 'department', 'county', 0, office(`${county.name}人民政府办公室`)), gov);
      for (const [j, t] of county.townships.entries()) {
        await add(unit(townshipGovernmentName(t), t, 'government', 'township', 100 + j, office(`${t}党政办`)), gov);
      }
    }
  });
  onProgress?.('已导入三明市单位（市、11 个县（市、区）及其乡镇街道、33 个联席会议成员单位）');
  const units = await db.selectFrom('unit').select(['id', 'name']).execute();
  const byName = new Map(units.map((u) => [u.name, u.id]));
  for (const account of DEMO_ACCOUNTS) {
    const unitId = byName.get(account.unit);
    if (!unitId) throw new Error(`demo unit missing: ${account.unit}`);
    await createUserUnchecked(db, { username: account.username, displayName: account.displayName, unitId, roles: account.roles, password: DEMO_PASSWORD });
  }
  onProgress?.(`已创建 ${DEMO_ACCOUNTS.length} 个演示账号（密码 ${DEMO_PASSWORD}）`);
  if (options.content !== false) {
    const content = await seedDemoContent(db);
    onProgress?.(`已发布 ${content.documents} 份演示文件和市教育局演示标准目录`);
  }
  return true;
}
