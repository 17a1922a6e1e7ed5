import { createRequire } from 'node:module';
import { after, before } from 'node:test';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD, startServer, type TestServer } from './helpers.js';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

/** How long a step may wait for the page: generous, because CI runs two test files at once on two cores. */
const STEP_TIMEOUT_MS = 60_000;

/** Debian's Chromium, launched the way that works as root on a closed network; pages wait up to a minute per step. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(STEP_TIMEOUT_MS);
    return context;
  };
  browser.newPage = async (options) => {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page and returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Toasts fade in and out (partial opacity would read as low contrast): check the page once they are gone.
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
  await page.addScriptTag({ path: AXE_PATH });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
}

/** For a browser test file: a demo-data server and a Chromium, started before and closed after its tests. */
export function useServerAndBrowser(): { server: TestServer; browser: Browser } {
  const handles = {} as { server: TestServer; browser: Browser };
  before(async () => {
    handles.server = await startServer();
    handles.browser = await launchBrowser();
  });
  after(async () => {
    await handles.browser?.close();
    await handles.server?.close();
  });
  return handles;
}

/** Logs a demo account into the admin app and waits until the shell shows the user. */
export async function adminLogin(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(baseUrl + '/admin');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/**
 * Picks an option of an antd Select: opens it (typing `typed` to filter), clicks the option and waits until
 * the dropdown has closed, so that it cannot cover the next thing clicked (a dialog's 确定 under load).
 */
export async function chooseOption(page: Page, field: Locator, option: string, typed?: string) {
  await field.click();
  if (typed) await field.fill(typed);
  await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
}
