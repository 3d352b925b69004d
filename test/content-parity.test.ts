// Facts parity (issue 10, point 2): every translation states the same facts as the English source.
// For every knowledge-base topic in every language, the numbers (amounts, dates, phone numbers,
// hours, ages), the URLs and the Dutch terms of the text must be those of the English file; for the
// interface catalogs, every literal number and phone number of en.json must be in each translation.
// A number written as a word in one language and in digits in another is a mismatch to fix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placeholdersOf } from '#adapters/content/kb-params.ts';
import { type KbEntry, readKb } from '#adapters/content/load-kb.ts';
import { readCatalog } from '#adapters/content/load-messages.ts';
import { LOCALES } from '#i18n/locales.ts';

/** Dutch words and names the answers keep in Dutch, in every language (matched case-insensitively). */
export const DUTCH_TERMS = [
  'DUO',
  'IND',
  'PIP',
  'DigiD',
  'Mijn Inburgering',
  'inburgering',
  'ontheffing',
  'vrijstelling',
  'hoorzitting',
  'bezwaar',
  'boete',
  'gemeente',
  'participatieverklaring',
  'KNM',
  'ONA',
  'MAP',
  'PVT',
  'AZC',
  'BSN',
  'Argonaut',
  'Staatsexamen',
  'NT2',
  'onderwijsroute',
  'Z-route',
  'B1-route',
  'Belastingdienst',
  'Juridisch Loket',
  'VluchtelingenWerk',
  'zoekinburgerschool.nl',
  'Blik op Werk',
  'Postbus 764',
] as const;

const DIGITS: Record<string, string> = {};
for (const zero of [0x660, 0x6f0, 0x966, 0xff10]) {
  for (let d = 0; d < 10; d++) DIGITS[String.fromCodePoint(zero + d)] = String(d);
}

/** Latin digits for Arabic-Indic, Persian, Devanagari and full-width ones. */
export function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19]/g, (c) => DIGITS[c] ?? c);
}

const URL_RE = /https?:\/\/[^\s)>\]"'`]+/g;

/** The URLs of a text, without trailing punctuation, sorted. */
export function urlsOf(text: string): string[] {
  return [...text.matchAll(URL_RE)].map((m) => m[0].replace(/[.,;:!?]+$/, '')).sort();
}

/**
 * The numbers of a text as a sorted multiset of digit strings. Thousands groups are joined
 * whatever the separator (1,250 · 1.250 · 1 250 · 1 250 → 1250); a decimal part stays a number of
 * its own (2.5 and 2,5 both give 2 and 5), and so do the parts of a date (1 January 2022 and
 * 2022年1月1日 both give 1, 2022). URLs and link targets are left out.
 */
export function numbersOf(text: string): string[] {
  const plain = latinDigits(text)
    .replace(URL_RE, ' ')
    .replace(/\]\((?:topic|check):[^)]*\)/g, ']')
    // A month is a word in most languages (1 July 2025) and a number in Chinese (2025年7月1日).
    .replace(/\d+\s*月/g, '月');
  const joined = plain.replace(/(\d)[,.'\u00a0\u202f\u2009 ](?=\d{3}(?!\d))/g, '$1');
  return (joined.match(/\d+/g) ?? []).sort();
}

/**
 * The Dutch terms of DUTCH_TERMS that a text contains, in any case: an acronym (DUO, IND, azc) with
 * no Latin letter or digit beside it (Arabic وKNM and Tigrinya KNMን count, "kind" is not IND),
 * any other term anywhere in a word (inburgering in inburgeringsexamen).
 */
export function termsOf(text: string): string[] {
  const lower = text.toLocaleLowerCase('nl');
  return DUTCH_TERMS.filter((t) =>
    /^[A-Z0-9]+$/.test(t)
      ? new RegExp(`(?<![a-z0-9])${t}(?![a-z0-9])`, 'i').test(text)
      : lower.includes(t.toLocaleLowerCase('nl')),
  );
}

/** A multiset difference, as "+x" (extra in the translation) and "-x" (missing from it). */
function diff(source: readonly string[], translation: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const s of source) counts.set(s, (counts.get(s) ?? 0) + 1);
  for (const t of translation) counts.set(t, (counts.get(t) ?? 0) - 1);
  const out: string[] = [];
  for (const [k, n] of counts) {
    for (let i = 0; i < Math.abs(n); i++) out.push(n > 0 ? `-${k}` : `+${k}`);
  }
  return out.sort();
}

/** The text of an entry whose facts must match: title, summary and answer. */
const factText = (e: KbEntry) => `${e.title}\n${e.summary}\n${e.answer}`;

/** Differences between a translated entry and its English source. */
export function entryProblems(source: KbEntry, translation: KbEntry): string[] {
  const file = `content/kb/${translation.topic}/${translation.lang}.yaml`;
  const problems: string[] = [];
  // A translation may repeat a number of its source ("once" written as 1, the law's year named
  // again); it may not lose one, nor bring one the source does not have.
  const known = new Set(numbersOf(factText(source)));
  const numbers = diff(numbersOf(factText(source)), numbersOf(factText(translation))).filter(
    (d) => d.startsWith('-') || !known.has(d.slice(1)),
  );
  if (numbers.length) problems.push(`${file}: numbers differ from en: ${numbers.join(' ')}`);
  const urls = diff(urlsOf(factText(source)), urlsOf(factText(translation)));
  if (urls.length) problems.push(`${file}: URLs differ from en: ${urls.join(' ')}`);
  const have = new Set(termsOf(factText(translation)));
  const lost = termsOf(factText(source)).filter((t) => !have.has(t));
  if (lost.length) problems.push(`${file}: Dutch terms missing: ${lost.join(', ')}`);
  for (const field of ['lastChecked', 'check'] as const) {
    if (source[field] !== translation[field])
      problems.push(`${file}: ${field} ${translation[field]} is not en's ${source[field]}`);
  }
  if (JSON.stringify([...source.related].sort()) !== JSON.stringify([...translation.related].sort()))
    problems.push(`${file}: related differs from en`);
  return problems;
}

/**
 * Literal numbers of an ICU message outside its arguments. A plural argument is left out whole:
 * its branches word the count itself ("less than 1 year" may be "less than a year"), while the
 * select branches are ordinary text and stay.
 */
export function messageNumbers(message: string): string[] {
  let text = '';
  for (let i = 0; i < message.length; i++) {
    const rest = message.slice(i);
    if (/^\{\s*[\w.-]+\s*,\s*(?:plural|selectordinal)\s*,/.test(rest)) {
      let depth = 0;
      for (; i < message.length; i++) {
        if (message[i] === '{') depth++;
        else if (message[i] === '}' && --depth === 0) break;
      }
      text += ' ';
      continue;
    }
    text += message[i];
  }
  // Drop {name}, {name, number} and the option keys of select; keep the branch texts.
  const withoutArgs = text
    .replace(/\{\s*[\w.-]+\s*(?:,\s*number\s*)?\}/g, ' ')
    .replace(/\{\s*[\w.-]+\s*,\s*select\s*,/g, ' ')
    .replace(/(?:^|[\s}])(?:=\d+|other|none)\s*\{/g, ' ');
  return numbersOf(withoutArgs);
}

const { entries } = readKb();
const english = new Map(entries.filter((e) => e.lang === 'en').map((e) => [e.topic, e]));

test('every knowledge-base translation has the numbers, URLs, Dutch terms and links of its English source', () => {
  const problems = entries
    .filter((e) => e.lang !== 'en')
    .flatMap((e) => {
      const source = english.get(e.topic);
      return source ? entryProblems(source, e) : [`content/kb/${e.topic}: no en.yaml`];
    });
  assert.deepEqual(problems, []);
});

test('every knowledge-base translation names the same legal parameters ({{param:…}}) as its English source', () => {
  // Two parameters can have the same value (the hearing limit and the PVT fine are both € 340); the
  // numbers above cannot tell them apart, the placeholders can.
  const raw = readKb(undefined, { raw: true }).entries;
  const rawEnglish = new Map(raw.filter((e) => e.lang === 'en').map((e) => [e.topic, e]));
  const problems = raw
    .filter((e) => e.lang !== 'en')
    .flatMap((e) => {
      const want = new Set(placeholdersOf(factText(rawEnglish.get(e.topic)!)));
      const have = new Set(placeholdersOf(factText(e)));
      const diff = [
        ...[...want].filter((p) => !have.has(p)).map((p) => `-${p}`),
        ...[...have].filter((p) => !want.has(p)).map((p) => `+${p}`),
      ];
      return diff.length
        ? [`content/kb/${e.topic}/${e.lang}.yaml: parameters differ from en: ${diff.join(' ')}`]
        : [];
    });
  assert.deepEqual(problems, []);
});

test('every interface catalog keeps the literal numbers and phone numbers of en.json', () => {
  const en = readCatalog('en');
  const problems: string[] = [];
  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    const catalog = readCatalog(locale);
    for (const [key, text] of Object.entries(en)) {
      if (key.startsWith('_meta.') || catalog[key] === undefined) continue;
      // Every number of the English text must be there; how often is free ("Civic Integration Act
      // 2013 (Wet inburgering 2013)" is just "Wet inburgering 2013" in Dutch).
      const have = new Set(messageNumbers(catalog[key]));
      const missing = [...new Set(messageNumbers(text))].filter((n) => !have.has(n)).map((n) => `-${n}`);
      if (missing.length) problems.push(`${locale}.json ${key}: ${missing.join(' ')}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('the parity checks catch changed facts and accept each locale’s number format', () => {
  assert.deepEqual(numbersOf('at most € 1,250 from 1 January 2022, 2.5 years'), [
    '1',
    '1250',
    '2',
    '2022',
    '5',
  ]);
  assert.deepEqual(
    numbersOf('как максимум 1 250 € с 1 января 2022 г., 2,5 года'),
    numbersOf('€ 1,250 1 January 2022 2.5'),
  );
  assert.deepEqual(
    numbersOf('hasta 1.250 € desde el 1 de enero de 2022; 2,5 años'),
    numbersOf('€ 1,250 1 January 2022 2.5'),
  );
  assert.deepEqual(numbersOf('٣٤٠ يورو'), ['340']);
  assert.deepEqual(numbersOf('自2025年7月1日起'), numbersOf('since 1 July 2025'));
  assert.deepEqual(numbersOf('see [loan](topic:loan) and https://duo.nl/x/2022.jsp'), []);
  assert.deepEqual(numbersOf('Bel 050 599 9800'), numbersOf('Llame al 050 599 9800'));
  const source = english.get('fine')!;
  const changed: KbEntry = {
    ...source,
    lang: 'es',
    answer: source.answer.replace('€ 1,250', '€ 1,200').replace('hoorzitting', 'audiencia'),
  };
  const problems = entryProblems(source, changed).join('\n');
  assert.match(problems, /-1250/);
  assert.match(problems, /\+1200/);
  assert.match(problems, /Dutch terms missing: hoorzitting/);
  const worded: KbEntry = { ...source, lang: 'es', answer: source.answer.replace('6 weeks', 'six weeks') };
  assert.match(entryProblems(source, worded).join('\n'), /numbers differ from en: -6/);
  const invented: KbEntry = { ...source, lang: 'es', answer: `${source.answer} 17 weeks.` };
  assert.match(entryProblems(source, invented).join('\n'), /numbers differ from en: \+17/);
  const repeated: KbEntry = { ...source, lang: 'es', answer: `${source.answer} (2021)` };
  assert.deepEqual(entryProblems(source, repeated), []);
  assert.deepEqual(
    messageNumbers('{years, plural, one {# year} other {# years}} extra, € {fee, number}'),
    [],
  );
  assert.deepEqual(messageNumbers('Postbus 764, 9700 AT Groningen, at most € 340'), ['340', '764', '9700']);
});
