import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { adminLogin, chooseOption, seriousAxeViolations, useServerAndBrowser } from './browser.js';

describe('proactive disclosure end to end in Chromium', () => {
  const t = useServerAndBrowser();

  async function login(page: Page, username: string) {
    await adminLogin(page, t.server.baseUrl, username);
    await page.getByTestId('current-user').waitFor();
  }

  const choose = (page: Page, label: string, option: string, typed?: string) => chooseOption(page, page.getByLabel(label), option, typed);

  it('drafts, reviews and publishes a document that then shows on the public pages and in search', async () => {
    const title = '三明市教育局关于公布2026年中小学校招生范围的通告';
    const editor = await t.browser.newPage({ viewport: { width: 1366, height: 1000 } });
    await login(editor, 'jyj.editor');
    await editor.getByRole('link', { name: '政府信息' }).click();
    await editor.getByRole('button', { name: '起草文件' }).click();
    await editor.getByLabel('标题').fill(title);
    await editor.getByLabel('文号').fill('明教〔2026〕31号');
    await choose(editor, '主题分类', '科技、教育');
    await choose(editor, '体裁', '通告');
    await choose(editor, '条例第二十条事项', '（十一）扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况', '（十一）');
    await editor.getByLabel('内容概述').fill('公布2026年市区中小学校招生范围。');
    const body = editor.getByRole('textbox', { name: '正文' });
    await body.click();
    await editor.keyboard.type('根据有关规定，现将2026年市区中小学校招生范围通告如下。');
    await editor.keyboard.press('Enter');
    await editor.getByRole('toolbar', { name: '正文格式' }).getByRole('button', { name: '小标题' }).click();
    await editor.keyboard.type('一、实行划片招生、免试就近入学');
    await editor.getByRole('button', { name: /保\s*存/ }).click();
    await editor.waitForURL(/\/admin\/documents\/\d+$/);
    const id = Number(editor.url().split('/').pop());
    await editor.getByText('索引号：').waitFor();
    await editor.getByRole('button', { name: '提交审核' }).click();
    await editor.getByText('待审核').first().waitFor();
    await editor.getByText('发布前检查未发现问题').waitFor();
    assert.equal(await editor.getByRole('button', { name: '审核通过' }).count(), 0, 'the author cannot approve');

    const reviewer = await t.browser.newPage({ viewport: { width: 1366, height: 1000 } });
    await login(reviewer, 'jyj.reviewer');
    await reviewer.getByRole('link', { name: '政府信息' }).click();
    await reviewer.getByRole('link', { name: title }).click();
    assert.deepEqual(await seriousAxeViolations(reviewer), []);
    await reviewer.getByRole('button', { name: '审核通过' }).click();
    await reviewer.getByText('已审核待发布').first().waitFor();
    await reviewer.getByRole('button', { name: '立即发布' }).click();
    await reviewer.getByText('已发布', { exact: true }).first().waitFor();

    const citizen = await t.browser.newPage({ viewport: { width: 360, height: 740 } });
    await citizen.goto(`${t.server.baseUrl}/xxgk/documents/${id}`);
    assert.equal(await citizen.locator('h1').textContent(), title);
    assert.ok(await citizen.getByRole('cell', { name: '明教〔2026〕31号' }).isVisible());
    assert.equal(await citizen.locator('.doc-body h3').textContent(), '一、实行划片招生、免试就近入学', 'the heading made in the editor is published');
    assert.deepEqual(await seriousAxeViolations(citizen), []);

    await citizen.goto(`${t.server.baseUrl}/xxgk/statutory/11`);
    await citizen.getByRole('link', { name: title }).waitFor();
    assert.deepEqual(await seriousAxeViolations(citizen), []);

    await citizen.goto(t.server.baseUrl + '/');
    await citizen.getByLabel('搜索政府信息').fill('招生范围');
    await citizen.getByLabel('搜索政府信息').press('Enter');
    await citizen.getByRole('heading', { name: '找到 1 条结果' }).waitFor();
    assert.equal(await citizen.locator('.doc-list mark').first().textContent(), '招生范围');
    assert.deepEqual(await seriousAxeViolations(citizen), []);
    await citizen.getByRole('link', { name: title }).click();
    await citizen.waitForURL(`${t.server.baseUrl}/xxgk/documents/${id}`);

    const audit = await t.server.ctx.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'document').where('entity_id', '=', String(id)).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['document.create', 'document.submit', 'document.approve', 'document.publish']);
  });
});
