import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seriousAxeViolations, useServerAndBrowser } from './browser.js';
import { unitId } from './helpers.js';

describe('public portal in Chromium', () => {
  const t = useServerAndBrowser();

  it('renders every shell page without serious or critical axe violations, on a phone and a desktop', async () => {
    const county = await unitId(t.server, '三元区人民政府');
    const paths = ['/', '/xxgk', '/xxgk/units', `/xxgk/units/${county}`, '/xxgk/guide', `/xxgk/units/${county}/guide`, `/xxgk/units/${county}/catalogue`, '/xxgk/statutory', '/xxgk/statutory/1', '/search', '/search?q=公开', '/xxgk/request', '/xxgk/request/log', '/tools/report-check', '/tools/deadline?from=2026-01-26&workdays=20', '/no-such-page'];
    for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
      const page = await t.browser.newPage({ viewport });
      for (const path of paths) {
        const res = await page.goto(t.server.baseUrl + path);
        assert.equal(res!.status(), path === '/no-such-page' ? 404 : 200, path);
        assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
        const violations = await seriousAxeViolations(page);
        assert.deepEqual(violations, [], `${path} at ${viewport.width}px: ${JSON.stringify(violations)}`);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at ${viewport.width}px`);
      }
      await page.close();
    }
  });

  it('shows a unit page with its disclosure office contacts and sub-units, found from the directory', async () => {
    const page = await t.browser.newPage();
    await page.goto(t.server.baseUrl + '/xxgk/units');
    await page.getByRole('link', { name: '三元区人民政府' }).click();
    assert.equal(await page.locator('h1').textContent(), '三元区人民政府');
    assert.ok(await page.getByRole('table', { name: '政府信息公开工作机构' }).isVisible());
    assert.ok(await page.getByRole('link', { name: '列东街道' }).isVisible());
    await page.close();
  });

  it('works without JavaScript, and the 关怀版 (elder mode) switch persists across pages', async () => {
    const context = await t.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(t.server.baseUrl + '/xxgk');
    const before = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    assert.equal(before, '16px');
    await page.getByRole('button', { name: '关怀版（大字）' }).click();
    await page.waitForURL(t.server.baseUrl + '/xxgk');
    assert.equal(await page.getAttribute('html', 'class'), 'elder');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '20px');
    await page.getByRole('link', { name: '机构与公开指南' }).first().click();
    assert.equal(await page.getAttribute('html', 'class'), 'elder', 'the choice persists on the next page');
    await page.getByRole('button', { name: '退出关怀版' }).click();
    assert.equal(await page.getAttribute('html', 'class'), null);
    await context.close();
  });

  it('keeps the elder mode accessible too', async () => {
    const context = await t.browser.newContext();
    await context.addCookies([{ name: 'gk_elder', value: '1', url: t.server.baseUrl }]);
    const page = await context.newPage();
    await page.goto(t.server.baseUrl + '/');
    assert.equal(await page.getAttribute('html', 'class'), 'elder');
    assert.deepEqual(await seriousAxeViolations(page), []);
    await context.close();
  });

  it('switches the preference with a plain request that never redirects off the site', async () => {
    const res = await fetch(t.server.baseUrl + '/preferences/elder?on=1&back=//evil.example/x', { redirect: 'manual' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/');
    assert.match(res.headers.get('set-cookie') ?? '', /gk_elder=1/);
    const back = await fetch(t.server.baseUrl + '/preferences/elder?on=0&back=/xxgk/units', { redirect: 'manual' });
    assert.equal(back.headers.get('location'), '/xxgk/units');
  });
});
