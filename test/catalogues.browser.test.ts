import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adminLogin, seriousAxeViolations, useServerAndBrowser } from './browser.js';
import { unitId } from './helpers.js';

describe('standard catalogue in Chromium', () => {
  const t = useServerAndBrowser();

  it('a unit administrator compiles, publishes and watches the catalogue; the public sees the table', async () => {
    const page = await t.browser.newPage({ viewport: { width: 1366, height: 1000 } });
    await adminLogin(page, t.server.baseUrl, 'jyj.admin');
    await page.getByRole('link', { name: '标准目录' }).click();
    await page.getByRole('button', { name: '编制新版本' }).click();
    await page.getByText('已建立编制中的新版本').waitFor();
    await page.getByRole('button', { name: '新增事项' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('一级事项').fill('招生入学');
    await dialog.getByLabel('二级事项').fill('义务教育招生范围');
    await dialog.getByLabel('公开内容（要素）').fill('学区划分、招生范围');
    await dialog.getByLabel('公开依据').fill('【法律】《中华人民共和国义务教育法》');
    await dialog.getByLabel('公开主体').fill('三明市教育局');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('cell', { name: '义务教育招生范围' }).waitFor();
    assert.ok(await page.getByText('（20 个工作日）').isVisible(), 'the rule parsed from 公开时限 is shown');
    assert.deepEqual(await seriousAxeViolations(page), []);
    await page.getByRole('button', { name: /发\s*布/ }).click();
    const confirm = page.getByRole('tooltip').getByRole('button', { name: /发\s*布/ });
    await confirm.waitFor();
    await confirm.click();
    await page.getByText('已发布', { exact: true }).waitFor();
    await page.getByText('第 1 版（现行，1 项）').waitFor();
    await page.getByRole('tab', { name: '时限监测' }).click();
    await page.getByRole('cell', { name: '招生入学 / 义务教育招生范围' }).waitFor();
    assert.ok(await page.getByRole('cell', { name: '尚未公开' }).isVisible());
    assert.deepEqual(await seriousAxeViolations(page), []);

    const citizen = await t.browser.newPage({ viewport: { width: 360, height: 740 } });
    await citizen.goto(`${t.server.baseUrl}/xxgk/units/${await unitId(t.server, '三明市教育局')}/catalogue`);
    await citizen.getByRole('cell', { name: '义务教育招生范围' }).waitFor();
    assert.deepEqual(await seriousAxeViolations(citizen), []);
  });
});
