import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { adminLogin, chooseOption, seriousAxeViolations, useServerAndBrowser } from './browser.js';
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

  it('a handler registers a letter, asks for a supplement and receives it, with the due date explained', async () => {
    const page = await t.browser.newPage({ viewport: { width: 1366, height: 1000 } });
    await adminLogin(page, t.server.baseUrl, 'jyj.handler');
    await page.getByRole('link', { name: '依申请公开' }).click();
    await page.getByRole('button', { name: '登记申请' }).click();
    await page.getByLabel('递交/收到日期').fill('2026-09-01');
    await page.getByLabel('姓名或名称').fill('赵六');
    await page.getByLabel('证件号码').fill('11010519491231002X');
    await page.getByLabel('联系电话').fill('13905981234');
    await page.getByLabel('所需信息').fill('某学校2026年招生计划的批复文件');
    await page.getByRole('button', { name: /登\s*记/ }).click();
    await page.getByText('答复期限：2026-09-29').waitFor();
    assert.ok(await page.getByText('11010519491231002X').isVisible(), 'the handler sees the full number');
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByRole('button', { name: '补正通知' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('日期').fill('2026-09-03');
    await dialog.getByLabel('补正期限').fill('2026-09-18');
    await dialog.getByLabel('需补正的内容（一次性列明）').fill('请写明学校名称。');
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('答复期限：暂未计算').waitFor();
    await page.getByRole('button', { name: '收到补正' }).click();
    await page.getByRole('dialog').getByLabel('日期').fill('2026-09-21');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('答复期限：2026-10-26').waitFor();
    assert.ok(await page.getByText('收到补正材料，答复期限自次日重新计算').first().isVisible());
    // Consult the school (third party): the working days it takes do not count.
    await page.getByRole('button', { name: '征求意见' }).click();
    await page.getByRole('dialog').getByLabel('日期').fill('2026-09-22');
    await page.getByRole('dialog').getByLabel('征求对象').fill('某学校（第三方）');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByRole('button', { name: '征求意见结束' }).click();
    await page.getByRole('dialog').getByLabel('日期').fill('2026-09-30');
    await page.getByRole('dialog').getByLabel('意见').fill('同意公开，但学生名单除外');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('答复期限：2026-11-02').waitFor();
    await page.getByRole('button', { name: '作出答复' }).click();
    const reply = page.getByRole('dialog');
    await reply.getByLabel('日期').fill('2026-10-09');
    await chooseOption(page, reply.getByLabel('答复类型（计入年度报告）'), '部分公开：（二）部分公开', '部分公开');
    await reply.getByLabel('理由').fill('学生名单涉及个人隐私，不予公开。');
    await reply.getByLabel('提供方式和时间').fill('可以公开的部分以电子邮件方式于答复同日发送。');
    await reply.getByRole('button', { name: /确\s*定/ }).click();
    await page.getByRole('link', { name: '下载答复书（Word）' }).waitFor();
    const docx = await fetch(`${t.server.baseUrl}${await page.getByRole('link', { name: '下载答复书（Word）' }).getAttribute('href')}`, { headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    assert.equal(docx.status, 200);
    await page.getByRole('button', { name: '登记送达' }).click();
    await chooseOption(page, page.getByRole('dialog').getByLabel('送达方式'), '电子邮件送达');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByRole('button', { name: /^归\s*档$/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByText('已归档').first().waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    // The office publishes a public version of the reply to the disclosure log.
    await page.getByRole('button', { name: '选登到“依申请公开答复选登”' }).click();
    await page.getByRole('dialog').getByLabel('标题').fill('关于某校2026年招生计划的答复');
    await page.getByRole('dialog').getByLabel('摘要（申请事项和答复结果）').fill('申请人申请公开某校2026年招生计划。本机关公开了招生计划，学生名单涉及个人隐私不予公开。');
    await page.getByRole('dialog').getByRole('button', { name: /确\s*定/ }).click();
    await page.getByRole('link', { name: '关于某校2026年招生计划的答复' }).waitFor();
    // The applicant follows every step on the public tracking page.
    const code = (await page.locator('strong').filter({ hasText: /^YS/ }).first().textContent())!.trim();
    const citizen = await t.browser.newPage({ viewport: { width: 360, height: 740 } });
    await citizen.goto(`${t.server.baseUrl}/request/track?code=${code}`);
    const steps = await citizen.locator('.timeline li').allTextContents();
    for (const step of ['发出补正通知', '收到补正材料', '征求意见（期限暂停）', '征求意见结束', '作出答复：部分公开：（二）部分公开', '送达答复：电子邮件送达', '归档']) {
      assert.ok(steps.some((s) => s.includes(step)), `tracking shows ${step}`);
    }
    assert.equal((await citizen.content()).includes('11010519491231002X'), false);
    await citizen.goto(`${t.server.baseUrl}/xxgk/request/log`);
    await citizen.getByRole('link', { name: '关于某校2026年招生计划的答复' }).click();
    await citizen.getByRole('heading', { name: '关于某校2026年招生计划的答复' }).waitFor();
    assert.deepEqual(await seriousAxeViolations(citizen), []);
  });
});
