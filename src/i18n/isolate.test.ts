import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isolated, isolateHtml, isolateParams, ltr, markLiteralNumbers, plain } from './isolate.ts';

test('number-like parameters are marked left-to-right, words and marked values are not', () => {
  const p = isolateParams({
    phone: '050 599 96 00',
    name: 'DUO',
    arabic: 'الرقم 5',
    date: isolated('3 مارس 2026'),
  });
  assert.equal(p.phone, ltr('050 599 96 00'));
  assert.equal(p.name, 'DUO');
  assert.equal(p.arabic, 'الرقم 5');
  assert.equal(p.date, isolated('3 مارس 2026'));
});

test('marks become <bdi> on the value alone; a euro sign goes inside; attributes and <title> lose them', () => {
  const html = `<title>${ltr('5')}</title><p title="${ltr('1')}">اتصل ${ltr('050 599 96 00')} · € ${ltr('340')} · ${isolated('3 مارس 2026')}</p>`;
  assert.equal(
    isolateHtml(html),
    '<title>5</title><p title="1">اتصل <bdi dir="ltr">050 599 96 00</bdi> · <bdi dir="ltr">€ 340</bdi> · <bdi>3 مارس 2026</bdi></p>',
  );
  assert.equal(isolateHtml(`<p>${ltr('340')} €</p>`), '<p><bdi dir="ltr">340 €</bdi></p>');
  assert.equal(plain(ltr('9:00')), '9:00');
});

test('numbers written in prose are found: phone numbers, postcodes, times, amounts; a lone year is left', () => {
  const marked = markLiteralNumbers(
    'بالرقم (050) 599 96 00، 9:00–17:00، Postbus 764, 9700 AT Groningen، € 340، سنة 2022',
  );
  assert.equal(
    marked,
    `بالرقم ${ltr('(050) 599 96 00')}، ${ltr('9:00–17:00')}، Postbus ${ltr('764, 9700 AT')} Groningen، ${ltr('€ 340')}، سنة 2022`,
  );
});

test('SVG text is left alone: marks in a drawing are removed, never turned into HTML', () => {
  assert.equal(
    isolateHtml(
      `<svg><desc>${isolated('May 10, 2026')}</desc><text>${ltr('1')}</text></svg><p>${ltr('2')}</p>`,
    ),
    '<svg><desc>May 10, 2026</desc><text>1</text></svg><p><bdi dir="ltr">2</bdi></p>',
  );
});

test('a `>` in text or in a quoted attribute does not end a tag early (Preact escapes only `<`)', () => {
  assert.equal(
    isolateHtml(
      `<p title="a > b ${ltr('1')}">x > ${ltr('2')}</p><svg/><p>${ltr('3')}</p><!-- ${ltr('4')} -->`,
    ),
    '<p title="a > b 1">x > <bdi dir="ltr">2</bdi></p><svg/><p><bdi dir="ltr">3</bdi></p><!-- 4 -->',
  );
});

test('the page translator marks amounts, phone numbers and dates, and still formats every message', async () => {
  const { createTranslator } = await import('./translate.ts');
  const { readCatalog } = await import('#adapters/content/load-messages.ts');
  const { date } = await import('#domain/dates/plain-date.ts');
  const t = createTranslator('ar', readCatalog('ar'), readCatalog('en'), { isolate: true });
  const fine = t.t('consequence.fine.wi2021.maximum', { learningRoute: 1000, pvt: 340, map: 340 });
  assert.ok(!fine.includes('{'), fine);
  assert.ok(fine.includes(ltr('1,000')) || fine.includes(ltr('1.000')), fine);
  assert.ok(
    t.t('ui.help.duo.phone', { phone: '050 599 96 00', phoneAbroad: '+31' }).includes(ltr('050 599 96 00')),
  );
  assert.equal(plain(t.date(date('2026-05-10'))), '10 مايو 2026');
  const text = createTranslator('ar', readCatalog('ar'), readCatalog('en'));
  assert.equal(
    text.t('ui.help.duo.phone', { phone: '1 2', phoneAbroad: '3' }),
    plain(text.t('ui.help.duo.phone', { phone: '1 2', phoneAbroad: '3' })),
  );
});
