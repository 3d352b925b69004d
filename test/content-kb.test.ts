// The knowledge-base content check (content/kb/README.md): every topic of spec/topics.md in
// every language, valid files, sources, working internal links, checked within the last 12 months,
// and a readability figure per language where a standard formula exists.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Temporal } from 'temporal-polyfill';
import { type KbEntry, loadTopicIds, readKb } from '#adapters/content/load-kb.ts';
import { LANGUAGES } from '#languages/languages.ts';
import { plainText } from '#search/search-index.ts';

const today = Temporal.Now.plainDateISO('Europe/Amsterdam');
const { entries, problems: fileProblems } = readKb();
const topicIds = loadTopicIds();
const fileOf = (e: KbEntry) => `content/kb/${e.topic}/${e.lang}.yaml`;

test('every file reads and fits the schema (status, date, fields, topic and lang match the path)', () => {
  assert.deepEqual(
    fileProblems.map((p) => `${p.file}: ${p.problem}`),
    [],
  );
});

test('content/kb/topics.yaml lists exactly the topic ids of spec/topics.md', () => {
  const spec = readFileSync(fileURLToPath(new URL('../spec/topics.md', import.meta.url)), 'utf8');
  const specIds = [...spec.matchAll(/^\| ([a-z0-9]+(?:-[a-z0-9]+)*) \|/gm)]
    .map((m) => m[1]!)
    .filter((id) => id !== 'id');
  assert.ok(specIds.length >= 40, `found ${specIds.length} ids in topics.md`);
  assert.deepEqual(topicIds, specIds);
});

/** Answers missing for a topic and language, and topic folders not in topics.yaml. */
function coverageProblems(list: readonly KbEntry[], ids: readonly string[]): string[] {
  const have = new Set(list.map((e) => `${e.topic}/${e.lang}`));
  const missing = ids.flatMap((t) =>
    LANGUAGES.filter((l) => !have.has(`${t}/${l}`)).map((l) => `content/kb/${t}/${l}.yaml: missing`),
  );
  const unknown = [...new Set(list.map((e) => e.topic))]
    .filter((t) => !ids.includes(t))
    .map((t) => `content/kb/${t}: topic not in content/kb/topics.yaml`);
  return [...missing, ...unknown];
}

/** Sources: present, the same list in every language of a topic, and the only outside links. */
function sourceProblems(list: readonly KbEntry[]): string[] {
  const problems: string[] = [];
  const byTopic = new Map<string, KbEntry[]>();
  for (const e of list) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), e]);
  for (const e of list) {
    if (e.sources.length === 0) problems.push(`${fileOf(e)}: no sources`);
    const urls = new Set(e.sources.map((s) => s.url));
    for (const m of e.answer.matchAll(/\]\((https?:[^)\s]+)\)/g)) {
      if (!urls.has(m[1]!)) problems.push(`${fileOf(e)}: links to ${m[1]}, which is not among its sources`);
    }
  }
  for (const [topic, group] of byTopic) {
    const reference = group.find((e) => e.lang === 'en') ?? group[0]!;
    const want = JSON.stringify(reference.sources.map((s) => s.url).sort());
    for (const e of group) {
      if (JSON.stringify(e.sources.map((s) => s.url).sort()) !== want)
        problems.push(`${fileOf(e)}: sources differ from content/kb/${topic}/${reference.lang}.yaml`);
    }
  }
  return problems;
}

/** topic: links in answers and related ids must name existing topics. */
function linkProblems(list: readonly KbEntry[], ids: readonly string[]): string[] {
  const known = new Set(ids);
  const problems: string[] = [];
  for (const e of list) {
    for (const m of e.answer.matchAll(/\]\(topic:([^)\s]*)\)/g)) {
      if (!known.has(m[1]!)) problems.push(`${fileOf(e)}: link to unknown topic "${m[1]}"`);
    }
    for (const m of e.answer.matchAll(/\]\(([a-z]+):/g)) {
      if (!['topic', 'check', 'https', 'http'].includes(m[1]!))
        problems.push(`${fileOf(e)}: unknown link kind "${m[1]}:"`);
    }
    for (const r of e.related) {
      if (!known.has(r)) problems.push(`${fileOf(e)}: related names unknown topic "${r}"`);
      if (r === e.topic) problems.push(`${fileOf(e)}: related names the topic itself`);
    }
  }
  return problems;
}

/** lastChecked: within the 12 months before `on`, and not after it. */
function dateProblems(list: readonly KbEntry[], on: Temporal.PlainDate): string[] {
  const oldest = on.subtract({ months: 12 });
  return list.flatMap((e) => {
    const checked = Temporal.PlainDate.from(e.lastChecked);
    if (Temporal.PlainDate.compare(checked, oldest) < 0)
      return [`${fileOf(e)}: lastChecked ${e.lastChecked} is more than 12 months before ${on}`];
    if (Temporal.PlainDate.compare(checked, on) > 0)
      return [`${fileOf(e)}: lastChecked ${e.lastChecked} is in the future`];
    return [];
  });
}

test('every topic is answered in every language, and no folder holds an unknown topic', () => {
  assert.deepEqual(coverageProblems(entries, topicIds), []);
});

test('every answer has sources, the same in every language of its topic, and links outside only to them', () => {
  assert.deepEqual(sourceProblems(entries), []);
});

test('internal links work: topic: links in answers and related ids name existing topics', () => {
  assert.deepEqual(linkProblems(entries, topicIds), []);
});

test('every answer was checked within the last 12 months, and not in the future', () => {
  assert.deepEqual(dateProblems(entries, today), []);
});

test('the checks catch broken content', () => {
  const good: KbEntry = entries.find((e) => e.topic === 'fine' && e.lang === 'en')!;
  const broken: KbEntry[] = [
    { ...good, topic: 'not-a-topic' },
    { ...good, lang: 'nl', sources: [] },
    {
      ...good,
      lang: 'ar',
      answer: `${good.answer}\n[more](topic:no-such-topic) [x](https://example.org/elsewhere)`,
    },
    { ...good, lang: 'tr', related: ['fine', 'no-such-topic'], lastChecked: '2025-11-27' },
  ];
  assert.ok(coverageProblems(broken, ['fine']).some((p) => p.includes('content/kb/fine/so.yaml: missing')));
  assert.ok(coverageProblems(broken, ['fine']).some((p) => p.includes('not-a-topic: topic not in')));
  assert.ok(sourceProblems(broken).some((p) => p.includes('fine/nl.yaml: no sources')));
  assert.ok(
    sourceProblems(broken).some((p) => p.includes('example.org/elsewhere, which is not among its sources')),
  );
  assert.ok(linkProblems(broken, ['fine']).some((p) => p.includes('unknown topic "no-such-topic"')));
  assert.ok(linkProblems(broken, ['fine']).some((p) => p.includes('related names the topic itself')));
  const on = Temporal.PlainDate.from('2026-11-28');
  assert.deepEqual(dateProblems(broken, on), [
    'content/kb/fine/tr.yaml: lastChecked 2025-11-27 is more than 12 months before 2026-11-28',
  ]);
});

// ---- readability ----

interface Formula {
  name: string;
  /** Answers scoring below this are above the B1 range. */
  threshold: number;
  syllables: (word: string) => number;
  score: (wordsPerSentence: number, syllablesPerWord: number) => number;
}

const vowelGroups = (word: string, vowels: RegExp) => Math.max(1, word.match(vowels)?.length ?? 0);

/**
 * Standard formulas exist for Dutch (Flesch–Douma), English (Flesch), Turkish (Ateşman), Spanish
 * (Szigriszt-Pazos, the Flesch adaptation behind the INFLESZ scale), French (Kandel–Moles),
 * Portuguese (Flesch adapted by Martins et al.) and Russian (Oborneva). All read on the Flesch
 * scale, where 50 and above is within reach of a B1 reader.
 */
const FORMULAS: Record<string, Formula> = {
  nl: {
    name: 'Flesch–Douma',
    threshold: 50,
    syllables: (w) => vowelGroups(w, /[aeiouyáéíóúàèëïöüêâ]+/g),
    score: (asl, asw) => 206.835 - 0.93 * asl - 77 * asw,
  },
  en: {
    name: 'Flesch reading ease',
    threshold: 50,
    syllables: englishSyllables,
    score: (asl, asw) => 206.835 - 1.015 * asl - 84.6 * asw,
  },
  tr: {
    name: 'Ateşman',
    threshold: 50,
    // Every Turkish syllable has exactly one vowel.
    syllables: (w) => vowelGroups(w, /[aeıioöuüâîû]/g),
    score: (asl, asw) => 198.825 - 40.175 * asw - 2.61 * asl,
  },
  es: {
    name: 'Szigriszt-Pazos',
    threshold: 50,
    // A diphthong is one syllable; a vowel group is close enough.
    syllables: (w) => vowelGroups(w, /[aeiouáéíóúü]+/g),
    score: (asl, asw) => 206.835 - 62.3 * asw - asl,
  },
  fr: {
    name: 'Kandel–Moles',
    threshold: 50,
    // A final mute e (or es) is no syllable.
    syllables: (w) =>
      vowelGroups(w.length > 3 ? w.replace(/[^aeiouyàâéèêëîïôûù]es?$/, 'x') : w, /[aeiouyàâéèêëîïôûùü]+/g),
    score: (asl, asw) => 207 - 1.015 * asl - 73.6 * asw,
  },
  pt: {
    name: 'Flesch (Martins et al.)',
    threshold: 50,
    syllables: (w) => vowelGroups(w, /[aeiouáéíóúâêôãõàü]+/g),
    score: (asl, asw) => 248.835 - 1.015 * asl - 84.6 * asw,
  },
  ru: {
    name: 'Oborneva',
    threshold: 50,
    // Every Russian syllable has exactly one vowel.
    syllables: (w) => vowelGroups(w, /[аеёиоуыэюя]/g),
    score: (asl, asw) => 206.835 - 1.3 * asl - 60.1 * asw,
  },
};

function englishSyllables(word: string): number {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  return vowelGroups(w, /[aeiouy]+/g);
}

/** Sentences and words of an answer: list items and paragraphs end a sentence too. */
export function readability(markdown: string, formula: Formula): number {
  const text = plainText(markdown)
    .replace(/^\s*(?:[-+]|\d+\.)\s+/gm, '')
    .replace(/\(\s*(?:topic|check):[^)]*\)/g, '');
  const sentences = text
    .split(/[.!?;:]+(?=\s|$)|\n+/)
    .map((s) => s.match(/\p{L}+(?:['’-]\p{L}+)*/gu) ?? [])
    .filter((words) => words.length > 0);
  const words = sentences.flat();
  if (words.length === 0) return 100;
  const syllables = words.reduce((n, w) => n + formula.syllables(w.toLowerCase()), 0);
  return formula.score(words.length / sentences.length, syllables / words.length);
}

test('readability per language (B1): at most a quarter of the answers above the B1 range', (t) => {
  const tooHard: string[] = [];
  for (const lang of LANGUAGES) {
    const formula = FORMULAS[lang];
    if (!formula) {
      t.diagnostic(`${lang}: no standard readability formula`);
      continue;
    }
    const scores = entries
      .filter((e) => e.lang === lang)
      .map((e) => ({ e, score: readability(e.answer, formula) }));
    const flagged = scores.filter((s) => s.score < formula.threshold);
    const mean = scores.reduce((a, s) => a + s.score, 0) / (scores.length || 1);
    t.diagnostic(
      `${lang}: ${formula.name} mean ${mean.toFixed(1)} over ${scores.length} answers; ${flagged.length} below ${formula.threshold} (above B1)`,
    );
    for (const f of flagged) t.diagnostic(`  ${fileOf(f.e)}: ${f.score.toFixed(1)}`);
    if (flagged.length > scores.length / 4)
      tooHard.push(`${lang}: ${flagged.length} of ${scores.length} answers above B1`);
  }
  assert.deepEqual(tooHard, []);
});

test('the readability formulas give the textbook figures', () => {
  const en = FORMULAS.en!;
  // Short sentences of short words read easily; long sentences of long words do not.
  assert.ok(readability('You can ask DUO. It is free. We help you.', en) > 90);
  assert.ok(
    readability(
      'Notwithstanding administrative considerations, the municipality’s determination regarding exemption applications necessitates comprehensive documentation substantiating individual circumstances.',
      en,
    ) < 0,
  );
  assert.equal(englishSyllables('integration'), 4);
  assert.equal(FORMULAS.nl!.syllables('inburgering'), 4);
  assert.equal(FORMULAS.tr!.syllables('yükümlülük'), 4);
  assert.equal(FORMULAS.es!.syllables('integración'), 4);
  assert.equal(FORMULAS.fr!.syllables('intégration'), 4);
  assert.equal(FORMULAS.fr!.syllables('examen'), 3);
  assert.equal(FORMULAS.fr!.syllables('durable'), 2);
  assert.equal(FORMULAS.pt!.syllables('integração'), 4);
  assert.equal(FORMULAS.ru!.syllables('интеграция'), 5);
  // The same short plain sentences read as easy in each language.
  assert.ok(readability('Puede preguntar a DUO. Es gratis. Le ayudamos.', FORMULAS.es!) > 80);
  assert.ok(readability('Vous pouvez demander à DUO. C’est gratuit. Nous vous aidons.', FORMULAS.fr!) > 80);
  assert.ok(readability('Pode perguntar ao DUO. É grátis. Nós ajudamos.', FORMULAS.pt!) > 80);
  assert.ok(readability('Спросите DUO. Это бесплатно. Мы поможем.', FORMULAS.ru!) > 70);
});
