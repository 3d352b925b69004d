/** Headless Debian Chromium for end-to-end tests and screenshots (playwright-core, no browser download). */
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '#adapters/web/render-pdf.ts';

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error(
      'Chromium is not installed: run `bash .ci/run` or `apt-get install chromium fonts-noto-core`',
    );
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}

/** A phone-sized context: 360 × 740, as on a cheap Android phone. */
export function phoneContext(
  browser: Browser,
  options: { javaScriptEnabled?: boolean; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
}
