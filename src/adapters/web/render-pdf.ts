/**
 * PDF of a page's HTML, printed by headless Chromium: the only engine that shapes Arabic and
 * Ethiopic text and mixes directions correctly. The HTML is set directly (no network); one
 * browser is started on first use and closed with the app.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The configured Chromium (CHROMIUM_PATH, see src/app/config.ts), else the usual install paths. */
export function chromiumPath(configured?: string): string | undefined {
  return [configured, ...CANDIDATES].find((p): p is string => Boolean(p && existsSync(p)));
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export class PdfRenderer {
  private browser: Promise<Browser> | undefined;

  constructor(private readonly executablePath?: string) {}

  available(): boolean {
    return chromiumPath(this.executablePath) !== undefined;
  }

  async render(html: string): Promise<Buffer> {
    const path = chromiumPath(this.executablePath);
    if (!path) throw new Error('chromium-not-installed');
    // Loaded on the first PDF, not at start: most processes never print one.
    this.browser ??= import('playwright-core').then(({ chromium }) =>
      chromium.launch({ executablePath: path, args: CHROMIUM_ARGS, headless: true }),
    );
    const browser = await this.browser;
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    try {
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        margin: { top: '15mm', bottom: '15mm', left: '14mm', right: '14mm' },
      });
    } finally {
      await context.close();
    }
  }

  async close() {
    const b = this.browser;
    this.browser = undefined;
    if (b) await (await b).close();
  }
}
