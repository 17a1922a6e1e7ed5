import { createUserUnchecked } from '../src/modules/accounts/service.js';
import { unitRepository } from '../src/modules/units/repository.js';
import { fail, openForCli, parseArgs } from './cli.js';

/**
 * `npm run create-admin -- --username NAME --display-name 姓名 [--unit-name 三明市人民政府 --division-code 350400]`
 * Creates the first system administrator. The password is read from GONGKAI_ADMIN_PASSWORD (so it stays
 * out of shell history). On an empty database the top government unit is created first.
 */
const { values } = parseArgs({
  options: {
    username: { type: 'string' },
    'display-name': { type: 'string', default: '系统管理员' },
    'unit-name': { type: 'string' },
    'division-code': { type: 'string' },
  },
});
const password = process.env.GONGKAI_ADMIN_PASSWORD;
if (!values.username) fail('请用 --username 指定用户名');
if (!password) fail('请用环境变量 GONGKAI_ADMIN_PASSWORD 提供初始密码');

const { handle } = await openForCli();
try {
  const repo = unitRepository(handle.db);
  let root = (await repo.listChildren(null))[0];
  if (!root) {
    if (!values['unit-name']) fail('数据库中还没有单位：请用 --unit-name（及 --division-code）指定本级人民政府');
    root = await repo.insert({
      parent_id: null, name: values['unit-name'], short_name: null, kind: 'government', level: 'city',
      division_code: values['division-code'] ?? null, credit_code: null, sort_order: 0,
      office_name: null, office_address: null, office_hours: null, office_phone: null, office_fax: null, office_email: null, office_postcode: null,
    }, null);
    console.log(`已创建单位：${root.name}`);
  }
  const id = await createUserUnchecked(handle.db, { username: values.username, displayName: values['display-name'], unitId: root.id, roles: ['sysadmin'], password });
  console.log(`已创建系统管理员 ${values.username}（编号 ${id}，单位 ${root.name}）`);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
} finally {
  await handle.close();
}
