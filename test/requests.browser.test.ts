import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { seriousAxeViolations, useServerAndBrowser } from './browser.js';
import { as, unitId } from './helpers.js';

describe('disclosure on request in Chromium', () => {
  const t = useServerAndBrowser();

  it('a citizen applies online without JavaScript, gets a tracking code and follows the case', async () => {
    const edu = await unitId(t.server, '三明市教育局');
    const context = await t.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${t.server.baseUrl}/xxgk/request`);
    await page.getByRole('link', { name: '网上申请' }).click();
    await page.getByLabel('向哪个机关申请').selectOption(String(edu));
    await page.getByLabel('姓名或名称').fill('王五');
    await page.getByLabel('证件号码').fill('110105194912310021');
    await page.getByLabel('联系电话').fill('13905981234');
    await page.getByLabel('所需信息的名称或内容描述').fill('2026年市区义务教育学校招生范围划分依据');
    const question = await page.locator('label[for="challengeAnswer"]').textContent();
    const digits = '零一二三四五六七八九';
    const m = /(.)加(.)等于/.exec(question ?? '')!;
    await page.getByLabel(question!.replace('*', '').trim()).fill(String(digits.indexOf(m[1]!) + digits.indexOf(m[2]!)));
    await sleep(3100);
    await page.getByRole('button', { name: '提交申请' }).click();
    // The server refuses the wrong ID check digit and keeps what was typed.
    await page.getByText('居民身份证号码不正确').waitFor();
    assert.equal(await page.getByLabel('姓名或名称').inputValue(), '王五');
    await page.getByLabel('证件号码').fill('11010519491231002X');
    const q2 = (await page.locator('label[for="challengeAnswer"]').textContent())!;
    const m2 = /(.)加(.)等于/.exec(q2)!;
    await page.locator('#challengeAnswer').fill(String(digits.indexOf(m2[1]!) + digits.indexOf(m2[2]!)));
    await sleep(3100);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { name: '申请已提交' }).waitFor();
    const code = (await page.locator('.tracking-code').textContent())!.trim();
    assert.match(code, /^YS/);
    await page.getByRole('link', { name: '查询办理进度' }).click();
    await page.getByRole('heading', { name: '待确认收到' }).waitFor();

    // Staff confirm receipt; the citizen sees the status and the due date.
    const handler = await as(t.server, 'jyj.handler');
    const row = await t.server.ctx.db.selectFrom('disclosure_request').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow();
    await handler.post(`/api/v1/requests/${row.id}/confirm`, { date: '2026-01-26' });
    await page.reload();
    await page.getByRole('heading', { name: '办理中' }).waitFor();
    assert.ok(await page.getByRole('cell', { name: '2026-02-28' }).isVisible());
    assert.equal((await page.content()).includes('11010519491231002X'), false, 'never the ID number');
    await context.close();

    const withJs = await t.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['/request/apply', `/request/track?code=${code}`, '/xxgk/request']) {
      await withJs.goto(t.server.baseUrl + path);
      assert.deepEqual(await seriousAxeViolations(withJs), [], path);
    }
  });
});
