// Numbers readable in every script: in Arabic (and Farsi) the DUO phone number is drawn in its
// own order, "050 599 96 00" from left to right, on the help page, in the result's help section,
// in a knowledge-base answer and in the PDF (as pdftotext reads it).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phoneContext } from './browser.ts';
import { startApp } from './support.ts';

const run = promisify(execFile);
const GROUPS: readonly string[] = ['050', '599', '96', '00'];
const RESULT =
  'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=no&birthDate=1990-01-01&permitDate=2023-03-01' +
  '&hasIntegrationDiploma=no&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10&medicalLimitation=no' +
  '&circumstances=birth&courseHours=300&examAttempts=1';

let server: Awaited<ReturnType<typeof startApp>>;
let browser: Browser;
let dir: string;
before(async () => {
  [server, browser] = await Promise.all([startApp(), launchBrowser()]);
  dir = mkdtempSync(join(tmpdir(), 'wegwijs-numbers-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * The left edge of each digit group of the first "050 599 96 00" in `scope`, as drawn: the
 * bounding box of the characters of each group in the text node that holds the number.
 */
function drawnGroups(
  page: Page,
  scope: string,
  groups: readonly string[] = GROUPS,
): Promise<number[] | null> {
  return page.evaluate(
    ({ scope, groups }) => {
      const root = document.querySelector(scope);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        const at = text.indexOf(groups.join(' '));
        if (at < 0) continue;
        let offset = at;
        return groups.map((g) => {
          const range = document.createRange();
          range.setStart(n, offset);
          range.setEnd(n, offset + g.length);
          offset += g.length + 1;
          return range.getBoundingClientRect().left;
        });
      }
      return null;
    },
    { scope, groups },
  );
}

const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

for (const [lang, path, scope, groups] of [
  ['ar', '/ar/help', 'main'],
  ['fa', '/fa/help', 'main'],
  ['ar', `/ar/result?${RESULT}`, '.help'],
  ['ar', '/ar/kb/help-duo-contact', '.kb-answer', ['(050)', '599', '96', '00']],
] as const) {
  test(`${lang} ${path.split('?')[0]}: the DUO number is drawn 050 599 96 00 from left to right`, async () => {
    const context = await phoneContext(browser);
    try {
      const page = await context.newPage();
      await page.goto(server.base + path);
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      const xs = await drawnGroups(page, scope, groups ?? GROUPS);
      assert.ok(xs, `the number is on the page (${scope})`);
      assert.ok(ascending(xs), `groups drawn left to right: ${JSON.stringify(xs)}`);
    } finally {
      await context.close();
    }
  });
}

test('the measurement can fail: a number without isolation in an Arabic sentence is drawn out of order', async () => {
  const context = await phoneContext(browser);
  try {
    const page = await context.newPage();
    await page.setContent(
      '<html dir="rtl" lang="ar"><body><p id="p">اتصل على 050 599 96 00، من الاثنين</p></body></html>',
    );
    const xs = await drawnGroups(page, '#p');
    assert.ok(xs && !ascending(xs), `unisolated groups are reordered: ${JSON.stringify(xs)}`);
  } finally {
    await context.close();
  }
});

test('the Arabic PDF gives the DUO number back in order', async () => {
  const res = await fetch(`${server.base}/ar/result.pdf?${RESULT}`);
  assert.equal(res.status, 200);
  const file = join(dir, 'result-ar.pdf');
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  const text = stdout.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '');
  assert.ok(text.includes('050 599 96 00'), `"050 599 96 00" in the PDF text:\n${text.slice(0, 2000)}`);
  assert.ok(!text.includes('00 96 599 050'), 'not reversed');
});
