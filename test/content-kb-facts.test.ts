// Legal statements of the knowledge base that a wrong word turns into a wrong answer (issue 7,
// point 5): the EU/EEA family exception is for family of a citizen of ANOTHER EU/EEA country or
// Switzerland (partners and family of Dutch citizens do have to integrate, law-facts §1), the
// telephone hearing (hoorzitting) is called by a word that means a hearing in every language, and
// legal amounts come from the rule parameters (content/rules/parameters.yaml), never literals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LITERAL_AMOUNTS_ALLOWED, literalAmounts } from '#adapters/content/kb-params.ts';
import { type KbEntry, loadKb, readKb } from '#adapters/content/load-kb.ts';
import { readCatalog } from '#adapters/content/load-messages.ts';
import { loadRuleSet } from '#adapters/content/load-rulebook.ts';
import { buildSearchIndex, loadLexicon } from '#adapters/content/load-search.ts';
import { offlineSearchIndex } from '#adapters/content/offline-index.ts';
import { date } from '#domain/dates/plain-date.ts';
import type { RuleSet } from '#domain/rulebook.ts';
import { LANGUAGES as KB_LANGS } from '#languages/languages.ts';

const { entries } = readKb();
const fileOf = (e: KbEntry) => `content/kb/${e.topic}/${e.lang}.yaml`;
/** Text as read: Markdown emphasis removed ("**another** EU" reads "another EU"), lower case. */
const readable = (text: string, lang: string) => text.replace(/\*\*|__/g, '').toLocaleLowerCase(lang);

type Lang = (typeof KB_LANGS)[number];

/**
 * Per language, the words that say "another (EU) country" — the qualifier that keeps the Netherlands
 * out of the EU family exception. Markdown emphasis is ignored, case too.
 */
export const ANOTHER_COUNTRY: Record<Lang, string> = {
  nl: 'ander eu',
  en: 'another eu',
  ar: 'دولة أخرى',
  tr: 'başka bir ab',
  ti: 'ካልእ ሃገር',
  fa: 'کشور دیگر',
  uk: 'іншої країни',
  so: 'waddan kale',
  es: 'otro país',
  ru: 'другой страны',
  ckb: 'وڵاتێکی تری',
  kmr: 'welatekî din',
  ps: 'بل هېواد',
  pt: 'outro país',
  zh: '另一个欧盟',
  fr: 'autre pays',
};

/** The topics that state the EU/EEA family exception. */
const EU_FAMILY_TOPICS = ['obligation-eu-family', 'obligation-who'];

/** Problems of the EU family exception in one entry. */
export function euFamilyProblems(e: KbEntry): string[] {
  const problems: string[] = [];
  const marker = ANOTHER_COUNTRY[e.lang as Lang];
  if (!readable(e.answer, e.lang).includes(marker))
    problems.push(`${fileOf(e)}: the answer does not say "${marker}" (family of another EU country)`);
  if (e.topic === 'obligation-eu-family') {
    if (!readable(e.summary, e.lang).includes(marker))
      problems.push(`${fileOf(e)}: the summary does not say "${marker}" (family of another EU country)`);
    // The answer says in so many words that partners of Dutch citizens (Nederlanders) integrate.
    if (!e.answer.includes('Nederlander'))
      problems.push(`${fileOf(e)}: the answer does not name partners of Dutch citizens (Nederlanders)`);
  }
  return problems;
}

test('the EU/EEA family exception says "another EU country" in every language: partners of Dutch citizens integrate', () => {
  const list = entries.filter((e) => EU_FAMILY_TOPICS.includes(e.topic));
  assert.equal(list.length, EU_FAMILY_TOPICS.length * KB_LANGS.length);
  assert.deepEqual(list.flatMap(euFamilyProblems), []);
});

test('in English and Dutch, no sentence gives the family exception for "an EU country" without "another"', () => {
  const problems = entries
    .filter((e) => e.lang === 'en' || e.lang === 'nl')
    .flatMap((e) =>
      `${e.title}\n${e.summary}\n${e.answer}`
        .split(/(?<=[.;?!])\s+|\n+/)
        // A sentence about family and EU countries says "another", or is about Dutch citizens.
        .filter((s) => /famil/i.test(s) && /\b(EU|EEA|EER)\b/.test(s))
        .filter((s) => !/\b(an)?other\b|\bander|Dutch|Nederland/i.test(s))
        .map((s) => `${fileOf(e)}: "${s.trim()}"`),
    );
  assert.deepEqual(problems, []);
});

test('the EU family check catches the wrong claim', () => {
  const en = entries.find((e) => e.topic === 'obligation-eu-family' && e.lang === 'en')!;
  const wrong: KbEntry = {
    ...en,
    summary: 'No. Their family members do not have to integrate either.',
    answer: '- you are a family member of someone with a passport of an EU country.',
  };
  const problems = euFamilyProblems(wrong).join('\n');
  assert.match(problems, /answer does not say "another eu"/);
  assert.match(problems, /summary does not say/);
  assert.match(problems, /Nederlanders/);
  assert.deepEqual(euFamilyProblems(en), []);
});

/**
 * Per language, the word that names a Dutch partner or parent ("Dutch", "Nederlander",
 * "громадянин Нідерландів"), distinct from the name of the country. Case is ignored.
 */
export const DUTCH_PERSON: Record<Lang, string> = {
  nl: 'nederlander',
  en: 'dutch',
  ar: 'هولندي',
  tr: 'hollandalı',
  ti: 'ሆላንዳዊ',
  fa: 'هلندی',
  uk: 'громадянин нідерландів',
  so: 'nederlander',
  es: 'neerlandés',
  ru: 'гражданин нидерландов',
  ckb: 'هۆڵەندی',
  kmr: 'holandî',
  ps: 'هالنډی',
  pt: 'neerlandês',
  zh: '荷兰人',
  fr: 'néerlandais',
};

/** The catalog texts that state or ask about the EU/EEA family exception. */
const EU_FAMILY_MESSAGES = [
  'question.familyOfEeaCitizen.title',
  'question.familyOfEeaCitizen.lookup',
  'rule.not-obliged.family-of-eea-citizen',
];

/**
 * Problems of the EU family exception in one interface catalog: the question, how to look it up
 * and the reason of the answer say "another EU country"; the help names a Dutch partner and tells
 * to answer with the catalog's own "No" (answer.no), so a partner of a Dutch citizen does not
 * answer yes and hear a wrong "not obliged".
 */
export function euFamilyCatalogProblems(lang: Lang, catalog: Record<string, string>): string[] {
  const where = `content/messages/${lang}.json`;
  const problems: string[] = [];
  for (const key of EU_FAMILY_MESSAGES)
    if (!readable(catalog[key] ?? '', lang).includes(ANOTHER_COUNTRY[lang]))
      problems.push(
        `${where} ${key}: does not say "${ANOTHER_COUNTRY[lang]}" (family of another EU country)`,
      );
  const help = readable(catalog['question.familyOfEeaCitizen.help'] ?? '', lang);
  if (!help.includes(DUTCH_PERSON[lang]))
    problems.push(
      `${where} question.familyOfEeaCitizen.help: does not name a Dutch partner ("${DUTCH_PERSON[lang]}")`,
    );
  const no = readable(catalog['answer.no'] ?? '', lang);
  // As a word of its own: "No" in "Norwegian" does not count.
  const asWord = new RegExp(
    `(?<![\\p{L}\\p{M}])${no.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}])`,
    'u',
  );
  if (!no || !asWord.test(help))
    problems.push(`${where} question.familyOfEeaCitizen.help: does not say to answer "${no}" (answer.no)`);
  return problems;
}

test('the EU/EEA family question says "another EU country" in every catalog, and its help tells partners of Dutch citizens to answer No', () => {
  assert.deepEqual(
    KB_LANGS.flatMap((lang) => euFamilyCatalogProblems(lang, readCatalog(lang))),
    [],
  );
});

test('in the English and Dutch catalogs, no message gives the family exception for "an EU country" without "another"', () => {
  const problems = (['en', 'nl'] as const).flatMap((lang) =>
    Object.entries(readCatalog(lang))
      .filter(([, text]) => /famil/i.test(text) && /\b(EU|EEA|EER)\b/.test(text))
      // British citizens' family (Withdrawal Agreement) is another exception, not the EU one.
      .filter(
        ([, text]) =>
          !/\b(an)?other\b|\bander|Dutch|Nederland|Withdrawal Agreement|Terugtrekkingsakkoord/i.test(text),
      )
      .map(([key, text]) => `content/messages/${lang}.json ${key}: "${text}"`),
  );
  assert.deepEqual(problems, []);
});

test('the catalog check catches the old question, which let a partner of a Dutch citizen answer yes', () => {
  const en = readCatalog('en');
  const old = {
    ...en,
    'question.familyOfEeaCitizen.title':
      'Do you live in the Netherlands as the family member of someone with the nationality of an EU or EEA country or Switzerland?',
    'question.familyOfEeaCitizen.help':
      'For example: your husband or wife is Polish, German or Norwegian, and you live here with that right.',
    'rule.not-obliged.family-of-eea-citizen':
      'You live here as the family member of an EU, EEA or Swiss citizen. Then you do not have to integrate.',
  };
  const problems = euFamilyCatalogProblems('en', old).join('\n');
  assert.match(problems, /title: does not say "another eu"/);
  assert.match(problems, /family-of-eea-citizen: does not say "another eu"/);
  assert.match(problems, /does not name a Dutch partner/);
  assert.match(problems, /does not say to answer "no"/);
  // Turkish: the marker is found after Turkish lower-casing ("AB" → "ab", "Hollandalı" → "hollandalı").
  assert.deepEqual(euFamilyCatalogProblems('tr', readCatalog('tr')), []);
});

/**
 * Per language, the word for the telephone hearing (hoorzitting) that DUO offers when a fine is
 * above the limit: a hearing, never "rest" (Turkish "dinlenme") or "listening" alone.
 */
export const HEARING: Record<Lang, RegExp> = {
  nl: /hoorzitting/,
  en: /hearing/,
  ar: /جلسة استماع/,
  tr: /duruşma/,
  ti: /ምስማዕ/,
  fa: /استماع/,
  uk: /слухання/,
  so: /dh[ae]geysi/,
  es: /audiencia/,
  ru: /слушани/,
  ckb: /دانیشتنی گوێگرتن/,
  kmr: /rûniştina guhdariyê/,
  ps: /اورېد/,
  pt: /audiência/,
  zh: /听证/,
  fr: /audition/,
};

/** Words known to be wrong for the hearing, per language. */
const NOT_HEARING: Partial<Record<Lang, RegExp>> = {
  tr: /dinlenme/i,
  fa: /جلسه‌ی شنیدن|شنیدن تلفنی/,
};

/** Problems with the word for hoorzitting in one text of one language. */
export function hearingProblems(where: string, lang: Lang, text: string): string[] {
  if (!/hoorzitting/i.test(text)) return [];
  const problems: string[] = [];
  if (!HEARING[lang].test(readable(text, lang)))
    problems.push(
      `${where}: names hoorzitting without the ${lang} word for a hearing (${HEARING[lang].source})`,
    );
  const wrong = NOT_HEARING[lang];
  if (wrong?.test(text)) problems.push(`${where}: calls the hearing "${text.match(wrong)![0]}"`);
  return problems;
}

test('the telephone hearing (hoorzitting) is called a hearing in every language, in the knowledge base', () => {
  const problems = entries.flatMap((e) =>
    hearingProblems(
      fileOf(e),
      e.lang as Lang,
      [e.title, e.summary, e.answer, ...Object.entries(e.terms ?? {}).flat()].join('\n'),
    ),
  );
  assert.deepEqual(problems, []);
});

test('the telephone hearing (hoorzitting) is called a hearing in every language, in the interface catalogs', () => {
  const problems = KB_LANGS.flatMap((lang) =>
    Object.entries(readCatalog(lang)).flatMap(([key, text]) =>
      hearingProblems(`content/messages/${lang}.json ${key}`, lang, text),
    ),
  );
  assert.deepEqual(problems, []);
});

test('the hearing check catches "resting by phone"', () => {
  assert.deepEqual(
    hearingProblems('x', 'tr', 'Mektupta telefonla dinlenme (hoorzitting) istemek için bir form vardır.')
      .length,
    2,
  );
  assert.deepEqual(hearingProblems('x', 'tr', 'telefonla duruşma (hoorzitting)'), []);
  assert.deepEqual(hearingProblems('x', 'tr', 'no hearing mentioned'), []);
});

/** Every text of an entry a reader sees: title, summary, answer, phrasings, terms, source labels. */
const allText = (e: KbEntry) =>
  [
    e.title,
    e.summary,
    e.answer,
    ...e.phrasings,
    ...Object.entries(e.terms ?? {}).flat(),
    ...e.sources.map((s) => s.label),
  ].join('\n');

/** Literal euro amounts of an entry (as written in its file), less the documented exceptions. */
export function literalAmountProblems(e: KbEntry): string[] {
  const allowed = LITERAL_AMOUNTS_ALLOWED.filter((a) => a.topic === e.topic).map((a) => a.text);
  return literalAmounts(allText(e))
    .filter((a) => !allowed.includes(a))
    .map(
      (a) =>
        `${fileOf(e)}: "${a.replace(/\s+/g, ' ')}" is a literal amount: write {{param:ID}} (content/kb/README.md)`,
    );
}

test('no legal amount is written as a literal in the knowledge base: every euro amount is a {{param:…}} placeholder', () => {
  const raw = readKb(undefined, { raw: true });
  assert.deepEqual(raw.problems, []);
  assert.deepEqual(raw.entries.flatMap(literalAmountProblems), []);
  const fine = raw.entries.find((e) => e.topic === 'fine' && e.lang === 'ar')!;
  assert.match(literalAmountProblems({ ...fine, summary: 'غرامة 1250 يورو' }).join(), /literal amount/);
});

/** The bundled rule set with the Wi2013 maximum fine changed to 1,300. */
function withWi2013Max(amount: number): RuleSet {
  const rules = loadRuleSet();
  const table = rules.parameters['fine.wi2013.table'];
  const values = table.values.map((v) => ({
    ...v,
    value: { ...v.value, notAllTaken: [amount, ...v.value.notAllTaken.slice(1)] },
  }));
  return { ...rules, parameters: { ...rules.parameters, 'fine.wi2013.table': { ...table, values } } };
}

/** The numbers of a text, digits only (1,250 · 1.250 · 1 250 → 1250). */
const numbers = (text: string) =>
  (text.replace(/(\d)[,.\u00a0\u202f ](?=\d{3}(?!\d))/g, '$1').match(/\d+/g) ?? []).map(Number);

test('one changed parameter changes the amount in every language at once (fine, Wi2013 maximum 1,250 → 1,300)', () => {
  const { entries: changed, problems } = readKb(undefined, {
    ruleSet: withWi2013Max(1300),
    asOf: date('2026-12-05'),
  });
  assert.deepEqual(problems, []);
  const fine = changed.filter((e) => e.topic === 'fine');
  assert.equal(fine.length, KB_LANGS.length);
  for (const e of fine) {
    const found = numbers(`${e.summary}\n${e.answer}`);
    assert.ok(found.includes(1300), `${fileOf(e)} does not show 1,300`);
    assert.ok(!found.includes(1250), `${fileOf(e)} still shows 1,250`);
  }
  // The bundled parameters give the amount of the fact sheet (law-facts §6: at most € 1,250).
  const en = entries.find((e) => e.topic === 'fine' && e.lang === 'en')!;
  assert.match(en.summary, /at most € 1,250\./);
  assert.match(entries.find((e) => e.topic === 'fine' && e.lang === 'nl')!.summary, /€ 1\.250/);
});

test('the search index and the offline indexes are built from the amounts, never from the placeholders', () => {
  const kb = loadKb();
  assert.ok(
    kb.every((e) => !JSON.stringify(e).includes('{{')),
    'an entry kept a placeholder',
  );
  const lexicon = loadLexicon();
  for (const data of [
    buildSearchIndex(kb, lexicon).toJSON(),
    offlineSearchIndex(kb, lexicon, 'ar').toJSON(),
  ]) {
    const json = JSON.stringify(data).toLowerCase();
    // Words of a placeholder ({{param:fine.wi2013.table/notAllTaken/0}}) would be indexed as tokens.
    for (const word of ['notalltaken', 'learningroute', 'capunconfirmed', 'fineabove'])
      assert.ok(!json.includes(word), word);
  }
});
