import { adminLogin, launchBrowser } from '../test/browser.js';
import { startServer, unitId } from '../test/helpers.js';

/** `npm run screenshots`: renders the README's screenshots into docs/screenshots/ (needs Debian's chromium). */
const server = await startServer({ env: { DEMO_CONTENT: 'true' } });
const browser = await launchBrowser();
const out = (name: string) => new URL(`../docs/screenshots/${name}.png`, import.meta.url).pathname;
try {
  const county = await unitId(server, '三元区人民政府');
  const edu = await unitId(server, '三明市教育局');
  const report = await server.ctx.db.selectFrom('annual_report').select('id').where('status', '=', 'published').executeTakeFirstOrThrow();
  const doc = await server.ctx.db.selectFrom('document').select('id').where('title', 'like', '%招生范围公告%').executeTakeFirstOrThrow();
  const shots: Array<[string, string, number, number, boolean]> = [
    ['portal-home', '/', 1280, 800, false],
    ['portal-document', `/xxgk/documents/${doc.id}`, 1280, 800, false],
    ['portal-search-phone', `/search?q=${encodeURIComponent('招生')}`, 360, 760, false],
    ['portal-catalogue', `/xxgk/units/${edu}/catalogue`, 1280, 700, false],
    ['portal-unit-phone', `/xxgk/units/${county}`, 360, 760, false],
    ['portal-elder-phone', '/', 360, 760, true],
    ['portal-report-phone', `/xxgk/reports/${report.id}#sec-三`, 360, 760, false],
    ['portal-request-form', '/request/apply', 1280, 800, false],
  ];
  for (const [name, path, width, height, elder] of shots) {
    const ctx = await browser.newContext({ viewport: { width, height } });
    if (elder) await ctx.addCookies([{ name: 'gk_elder', value: '1', url: server.baseUrl }]);
    const page = await ctx.newPage();
    await page.goto(server.baseUrl + path);
    await page.screenshot({ path: out(name) });
    await ctx.close();
    console.log(`已生成 docs/screenshots/${name}.png`);
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  await adminLogin(page, server.baseUrl, 'admin');
  await page.getByTestId('current-user').waitFor();
  await page.goto(server.baseUrl + '/admin/units');
  await page.getByPlaceholder('按名称筛选').fill('三元区');
  await page.getByRole('tree').getByText('三元区人民政府', { exact: true }).click();
  await page.screenshot({ path: out('admin-units') });
  console.log('已生成 docs/screenshots/admin-units.png');
  await page.goto(`${server.baseUrl}/admin/catalogues`);
  await page.getByRole('combobox', { name: '单位' }).click();
  await page.keyboard.type('三明市教育局');
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: '时限监测' }).click();
  await page.getByRole('cell', { name: '逾期' }).first().waitFor();
  await page.screenshot({ path: out('admin-catalogue-watch') });
  console.log('已生成 docs/screenshots/admin-catalogue-watch.png');
  const office = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await adminLogin(office, server.baseUrl, 'sm.gkb');
  await office.getByTestId('current-user').waitFor();
  await office.goto(`${server.baseUrl}/admin/reports`);
  await office.getByRole('tab', { name: '依申请公开统计' }).click();
  await office.getByLabel('年度').last().fill('2026');
  await office.getByText('按月收到（红）和答复（蓝）的申请').waitFor();
  await office.screenshot({ path: out('admin-report-dashboard') });
  console.log('已生成 docs/screenshots/admin-report-dashboard.png');
  await office.goto(`${server.baseUrl}/admin/requests`);
  await office.getByRole('cell').first().waitFor();
  await office.screenshot({ path: out('admin-requests') });
  console.log('已生成 docs/screenshots/admin-requests.png');
} finally {
  await browser.close();
  await server.close();
}
