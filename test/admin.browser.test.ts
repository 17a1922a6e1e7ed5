import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { adminLogin, chooseOption, seriousAxeViolations, useServerAndBrowser } from './browser.js';
import { DEMO_PASSWORD } from './helpers.js';

describe('admin app in Chromium', () => {
  const t = useServerAndBrowser();

  const login = (page: Page, username: string, password = DEMO_PASSWORD) => adminLogin(page, t.server.baseUrl, username, password);

  it('rejects a wrong password with a message, then logs in', async () => {
    const page = await t.browser.newPage();
    await login(page, 'sm.gkb', 'Wrong-pass-1');
    await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByTestId('current-user').filter({ hasText: '市政务公开办' }).waitFor();
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    await page.close();
  });

  it('shows the unit tree and adds a township unit under a county', async () => {
    const page = await t.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(page, 'admin');
    await page.getByRole('link', { name: '单位管理' }).click();
    await page.getByRole('heading', { name: '单位管理' }).waitFor();
    await page.getByPlaceholder('按名称筛选').fill('建宁县');
    await page.getByRole('tree').getByText('建宁县人民政府', { exact: true }).click();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByRole('button', { name: '新增下级单位' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('单位名称').fill('建宁县示范镇人民政府');
    await dialog.getByLabel('行政区划代码').fill('350430199');
    await dialog.getByRole('button', { name: /新\s*增/ }).click();
    await page.getByText('已新增：建宁县示范镇人民政府').waitFor();
    const row = await t.server.ctx.db.selectFrom('unit').selectAll().where('name', '=', '建宁县示范镇人民政府').executeTakeFirstOrThrow();
    assert.equal(row.level, 'township');
    assert.equal(row.kind, 'government');
    assert.equal(row.division_code, '350430199');
    // The new unit is in the tree and on the public site.
    await page.getByPlaceholder('按名称筛选').fill('示范镇');
    await page.getByRole('tree').getByText('建宁县示范镇人民政府').waitFor();
    const pub = await fetch(`${t.server.baseUrl}/xxgk/units/${row.id}`);
    assert.match(await pub.text(), /建宁县示范镇人民政府/);
    await page.close();
  });

  it('lists users and the audit log for the disclosure office', async () => {
    const page = await t.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(page, 'sm.gkb');
    await page.getByRole('link', { name: '用户管理' }).click();
    // Every user the city's disclosure office supervises, from departments to counties.
    await page.getByRole('cell', { name: 'jyj.editor', exact: true }).waitFor();
    await page.getByRole('cell', { name: 'syq.gkb', exact: true }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByRole('link', { name: '审计日志' }).click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    await page.getByRole('cell', { name: '登录', exact: true }).first().waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.close();
  });

  it('lets the disclosure office reword the remedies paragraph of its government\'s replies', async () => {
    const page = await t.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(page, 'sm.gkb');
    await page.getByRole('link', { name: '答复文书模板' }).click();
    await page.getByRole('heading', { name: '答复文书模板' }).waitFor();
    await page.getByRole('cell', { name: '系统默认' }).first().waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByRole('button', { name: /^修改\s*救济途径/ }).click();
    const text = '如不服本答复，可在六十日内向三明市人民政府申请行政复议，或在六个月内提起行政诉讼。';
    await page.getByRole('dialog').getByLabel('模板文字').fill(text);
    await page.getByRole('dialog').getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('模板已保存').waitFor();
    await page.getByRole('cell', { name: '本级设置' }).waitFor();
    const row = await t.server.ctx.db.selectFrom('reply_template').selectAll().where('key', '=', 'remedies').executeTakeFirstOrThrow();
    assert.equal(row.text, text);
    assert.equal(row.updated_by, '市政务公开办');
    await page.close();
  });

  it('shows an editor no user or audit screens, and refuses them by address', async () => {
    const page = await t.browser.newPage();
    await login(page, 'jyj.editor');
    await page.getByTestId('current-user').waitFor();
    assert.equal(await page.getByRole('link', { name: '用户管理' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: '审计日志' }).count(), 0);
    await page.goto(t.server.baseUrl + '/admin/users');
    await page.getByText('该页面不存在或您没有访问权限。').waitFor();
    await page.close();
  });

  it('lets the system administrator enter next year\'s holidays, after which deadlines reach into it', async () => {
    const page = await t.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(page, 'admin');
    await page.getByRole('link', { name: '节假日日历' }).click();
    await page.getByRole('heading', { name: '节假日日历' }).waitFor();
    await chooseOption(page, page.getByRole('combobox', { name: '年份' }), '2027 年');
    await page.getByText('尚未录入').waitFor();
    await page.getByLabel('依据的通知').fill('国务院办公厅关于2027年部分节假日安排的通知（测试）');
    await page.getByLabel('日期').fill('2027-01-01');
    await page.getByLabel('节日名称').fill('元旦');
    await page.getByRole('button', { name: /加\s*入/ }).click();
    await page.getByRole('cell', { name: '2027-01-01' }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByRole('button', { name: '保存 2027 年' }).click();
    await page.getByText('2027 年节假日安排已保存').waitFor();
    const res = await fetch(`${t.server.baseUrl}/api/v1/calendar/deadline?from=2026-12-31&workdays=1`);
    assert.equal((await res.json()).due, '2027-01-04');
    await page.close();
  });
});
