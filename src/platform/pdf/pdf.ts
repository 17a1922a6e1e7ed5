/**
 * HTML → PDF through the system's headless Chromium (Debian `chromium` and `fonts-noto-cjk`, as the
 * README says). One browser per call: replies are few, and nothing stays running between them.
 */
import { AppError } from '../http/errors.js';

export async function htmlToPdf(html: string): Promise<Buffer> {
  // Loaded on first use, like the browser itself: most processes never print a PDF.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return Buffer.from(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close();
  }
}

/** htmlToPdf for a download: without Chromium the client gets 503 and is pointed to the Word version. */
export async function pdfOrUnavailable(html: string): Promise<Buffer> {
  try {
    return await htmlToPdf(html);
  } catch {
    throw new AppError(503, 'pdf_unavailable', '服务器未安装 PDF 生成所需的 Chromium，请下载 Word 版本');
  }
}
