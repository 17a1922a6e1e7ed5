import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adminLogin, seriousAxeViolations, useServerAndBrowser } from './browser.js';
import { as } from './helpers.js';

describe('annual report in Chromium', () => {
  const t = useServerAndBrowser();

  it('staff generate the report, write the overview, submit; a reviewer publishes; the public reads it in the 年报 column', async () => {
    // A request so that Table 3 has something in it.
    const handler = await as(t.server, 'jyj.handler');
    const edu = (await t.server.ctx.db.selectFrom('unit').select('id').where('name', '=', '三明市教育局').executeTakeFirstOrThrow()).id;
    const year = new Date().getFullYear() - 1;
    const { body } = await handler.post('/api/v1/requests', {
      application: { unitId: edu, applicantType: 'natural_person', applicantName: '赵某某', idType: 'resident_id', idNumber: '11010519491231002X', phone: '13905981234', description: '学区划分方案的依据', preferredForm: 'electronic', delivery: 'email' },
      channel: 'in_person', submittedDate: `${year}-06-01`,
    });
    await handler.post(`/api/v1/requests/${body.id}/reply`, { outcome: 'disclose', date: `${year}-06-15` });

    const page = await t.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await adminLogin(page, t.server.baseUrl, 'jyj.editor');
    await page.getByRole('link', { name: '年度报告' }).click();
    await page.getByRole('button', { name: '生成年度报告' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /生\s*成/ }).click();
    await page.getByText(`三明市教育局${year}年政府信息公开工作年度报告`).first().waitFor();
    await page.getByText('勾稽关系检查：各项数字相符').waitFor();
    await page.getByRole('region', { name: '表三 收到和处理政府信息公开申请情况' }).waitFor();
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByLabel('一、总体情况').fill(`${year}年，市教育局依法做好政府信息公开工作，全年办理政府信息公开申请1件。`);
    await page.getByRole('button', { name: '保存文字' }).click();
    await page.getByText('已保存').first().waitFor();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByText('已提交审核').waitFor();
    const url = page.url();
    await page.close();

    const reviewer = await t.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await adminLogin(reviewer, t.server.baseUrl, 'jyj.reviewer');
    await reviewer.getByTestId('current-user').waitFor();
    await reviewer.goto(url);
    await reviewer.getByRole('button', { name: '审核发布' }).click();
    await reviewer.getByText('已发布', { exact: true }).first().waitFor();
    await reviewer.close();

    const citizen = await t.browser.newPage({ viewport: { width: 360, height: 740 } });
    await citizen.goto(`${t.server.baseUrl}/xxgk/reports`);
    assert.deepEqual(await seriousAxeViolations(citizen), []);
    await citizen.getByRole('link', { name: `三明市教育局${year}年政府信息公开工作年度报告` }).click();
    await citizen.getByRole('heading', { name: '一、总体情况' }).waitFor();
    await citizen.getByText('全年办理政府信息公开申请1件').waitFor();
    const firstRow = await citizen.locator('table.report-table').nth(1).locator('tbody tr').first().locator('td').allTextContents();
    assert.deepEqual(firstRow, ['1', '0', '0', '0', '0', '0', '1']);
    assert.deepEqual(await seriousAxeViolations(citizen), []);
    await citizen.close();
  });
});
