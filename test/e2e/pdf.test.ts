// The result to keep: the Arabic PDF (printed by Chromium) holds the term end date and the Arabic
// sentences the page shows, as pdftotext reads them; the calendar file holds both dates as all-day events.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { hasCatalog, longDate, msg, startApp } from './support.ts';

const run = promisify(execFile);

const WI2021 =
  'nationality=SY&permitPurpose=asylum&familyOfEeaCitizen=false&birthDate=1990-01-01&permitDate=2023-03-01' +
  '&hasIntegrationDiploma=false&diplomas=&schoolYearsInNL=0&pipDate=2023-05-10&medicalLimitation=false' +
  '&circumstances=birth&courseHours=300&examAttempts=1';
const TERM_END = '2026-05-10';
const APPLY_FROM = '2025-11-11';

let server: Awaited<ReturnType<typeof startApp>>;
let dir: string;
before(async () => {
  server = await startApp();
  dir = mkdtempSync(join(tmpdir(), 'wegwijs-pdf-'));
});
after(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Arabic text compared the way a PDF can give it back: pdftotext leaves bidi controls, moves
 * vowel marks, splits words at some joins and returns the lam-alef ligature (لا) in visual order
 * (ال). So both sides keep only Arabic letters, without marks or spaces, with every lam-alef written
 * one way. Latin words, digits and punctuation in Arabic lines are reordered, so they are left out.
 */
function arabicLetters(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '') // vowel marks, tatweel
    .replace(/[^\u0621-\u064A]/g, '') // Arabic letters only
    .replace(/ل([اأإآى])/g, '$1ل');
}

/** The page's HTML for a URL, with its visible text per element we need. */
async function pageText(path: string) {
  const html = await (await fetch(`${server.base}${path}`)).text();
  const text = (re: RegExp) =>
    (re.exec(html)?.[1] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .trim();
  return {
    headline: text(/<h1 class="outcome[^"]*">([\s\S]*?)<\/h1>/),
    // The date itself is isolated in a <bdi> in the term-end row.
    termEnd: text(
      new RegExp(`<dt>${msg('ar', 'ui.result.termEnd')}</dt><dd>(?:(?!</dd>).)*?<bdi>([^<]*)</bdi>`),
    ),
  };
}

test('the Arabic PDF of a result: a real PDF with the term end date and the Arabic sentences of the page', async () => {
  const res = await fetch(`${server.base}/ar/result.pdf?${WI2021}`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'application/pdf');
  const pdf = Buffer.from(await res.arrayBuffer());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.length > 10_000, `a PDF with content (${pdf.length} bytes)`);
  const file = join(dir, 'result-ar.pdf');
  writeFileSync(file, pdf);
  const { stdout: text } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']);
  const { stdout: info } = await run('pdfinfo', [file]);
  assert.match(info, /Pages:\s+[1-9]/);

  // The date as the Arabic page shows it, on the PDF's term-end line.
  const page = await pageText(`/ar/result?${WI2021}`);
  assert.equal(page.termEnd, longDate('ar', TERM_END), 'the Arabic page shows 10 May 2026 in Arabic');
  const label = arabicLetters(msg('ar', 'ui.result.termEnd'));
  const line = text.split('\n').find((l) => arabicLetters(l).startsWith(label));
  assert.ok(line, `a line starting with ${msg('ar', 'ui.result.termEnd')} in:\n${text.slice(0, 1500)}`);
  const tokens = (s: string) =>
    s
      .replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069():،]/g, ' ')
      .split(/\s+/)
      .filter(Boolean);
  for (const part of tokens(page.termEnd))
    assert.ok(tokens(line).includes(part), `"${part}" of ${page.termEnd} on the line: ${line}`);
  assert.ok(
    !tokens(line).includes(String(longDate('ar', APPLY_FROM).split(' ')[1])),
    'not the apply-from month',
  );

  // Key Arabic sentences: from content/messages/ar.json, else as the HTML page shows them.
  const sentences = hasCatalog('ar')
    ? [
        msg('ar', 'obligation.obliged.title'),
        msg('ar', 'option.extension-birth.title'),
        msg('ar', 'ui.footer.disclaimer'),
      ]
    : [page.headline];
  if (hasCatalog('ar')) assert.equal(page.headline, sentences[0], 'the page shows the catalog sentence');
  const all = arabicLetters(text);
  for (const s of sentences) {
    assert.ok(arabicLetters(s).length >= 6, `an Arabic sentence: ${s}`);
    assert.ok(all.includes(arabicLetters(s)), `the PDF says: ${s}`);
  }
});

test('the Arabic text comparison is strict enough to fail', () => {
  assert.equal(
    arabicLetters('نعم، أنت ملزم بالاندماج'),
    arabicLetters('\u202bنعم\u202a ،\u202c أنت ملزم باالندماج'),
  );
  assert.notEqual(arabicLetters('نعم، أنت ملزم بالاندماج'), arabicLetters('لا، أنت غير ملزم بالاندماج'));
  assert.notEqual(arabicLetters('10 مايو 2026'), arabicLetters('10 يونيو 2026'));
});

for (const lang of ['en', 'ar'] as const) {
  test(`the calendar file (${lang}) has the term end as an all-day event, and no date already past`, async () => {
    const res = await fetch(`${server.base}/${lang}/result.ics?${WI2021}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
    const ics = await res.text();
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /END:VCALENDAR\r\n$/);
    // Unfold (RFC 5545 §3.1), then read each event.
    const events = ics
      .replace(/\r\n[ \t]/g, '')
      .split('BEGIN:VEVENT')
      .slice(1)
      .map((e) =>
        Object.fromEntries(
          e.split('\r\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]),
        ),
      );
    const byDate = Object.fromEntries(events.map((e) => [e['DTSTART;VALUE=DATE'], e]));
    const compact = (d: string) => d.replaceAll('-', '');
    // Today (2026-03-02) is after the apply-from date (2025-11-11): a reminder of the past helps nobody.
    assert.deepEqual(Object.keys(byDate).sort(), [compact(TERM_END)]);
    const unescapeText = (s = '') => s.replace(/\\([,;\\])/g, '$1');
    assert.equal(unescapeText(byDate[compact(TERM_END)]?.SUMMARY), msg(lang, 'ui.ics.termEnd'));
    assert.equal(
      byDate[compact(TERM_END)]?.['DTEND;VALUE=DATE'],
      '20260511',
      'an all-day event ends the next day',
    );
  });
}

test('no calendar dates for someone who is not obliged: no calendar link, and the file has no events', async () => {
  const html = await (await fetch(`${server.base}/en/result?nationality=PL`)).text();
  assert.ok(!html.includes('result.ics'), 'no calendar link');
  const ics = await (await fetch(`${server.base}/en/result.ics?nationality=PL`)).text();
  assert.ok(!ics.includes('BEGIN:VEVENT'));
});

/** Text of a script compared the way a PDF gives it back: only the script's letters, no spaces or marks. */
const LETTERS: Record<string, (s: string) => string> = {
  // Chinese: pdftotext may break lines or add spaces between characters; the characters stay in order.
  han: (s) => s.normalize('NFKC').replace(/[^\p{Script=Han}]/gu, ''),
  // Arabic script with the Kurdish and Pashto letters; lam-alef as in arabicLetters above.
  arabic: (s) =>
    s
      .normalize('NFKC')
      .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
      .replace(/[^\u0621-\u064A\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF]/g, '')
      .replace(/ل([اأإآى])/g, '$1ل'),
};

const SCRIPTS: readonly { lang: string; script: keyof typeof LETTERS; font: RegExp }[] = [
  // Skia embeds the CJK collection (OpenType/CFF in a .ttc) as Type 3 fonts, named or not: the
  // English PDF has none, only the NotoSans CID fonts.
  { lang: 'zh', script: 'han', font: /CJK|Type 3/ },
  { lang: 'ps', script: 'arabic', font: /Arabic/ },
  { lang: 'ckb', script: 'arabic', font: /Arabic/ },
];

for (const { lang, script, font } of SCRIPTS) {
  test(`the ${lang} PDF of a result holds the page's ${script} sentences, in an embedded font for the script`, async () => {
    const res = await fetch(`${server.base}/${lang}/result.pdf?${WI2021}`);
    assert.equal(res.status, 200);
    const file = join(dir, `result-${lang}.pdf`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const { stdout: fonts } = await run('pdffonts', [file]);
    assert.match(fonts, font, `a ${script} font is embedded:\n${fonts}`);
    const letters = LETTERS[script]!;
    const all = letters(text);
    for (const key of ['obligation.obliged.title', 'option.extension-birth.title', 'ui.footer.disclaimer']) {
      const sentence = msg(lang, key);
      assert.ok(letters(sentence).length >= 6, `a ${script} sentence: ${sentence}`);
      assert.ok(all.includes(letters(sentence)), `the PDF says: ${sentence}\n${text.slice(0, 800)}`);
    }
  });
}
