import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as german } from '@orama/stemmers/german';
import { TEST_DOCS, TEST_LEXICON } from '../../test/fixtures/search-corpus.ts';
import { damerauLevenshtein } from './fuzzy.ts';
import { compileLexicon, LexiconMatcher } from './lexicon.ts';
import { DEFAULT_PARAMS, SearchIndex, type SearchIndexData } from './search-index.ts';
import { normaliseText, tokenize } from './text.ts';

const STEMMERS = { en: english, ar: arabic, de: german };
const index = SearchIndex.build(TEST_DOCS, TEST_LEXICON, STEMMERS);
const top = (q: string, lang?: string) => index.search(q, lang ? { lang } : {}).results[0]!;

test('finds the topic in the language of the question', () => {
  assert.equal(top('How big is the fine?').topic, 'fine');
  assert.equal(top('كم الغرامة؟').topic, 'fine');
  assert.equal(top('هل يجب أن أسدد القرض؟').topic, 'loan');
});

test('answers in the wanted language, else the language of the question, else English', () => {
  assert.deepEqual((({ lang, url }) => ({ lang, url }))(top('How big is the fine?', 'ar')), {
    lang: 'ar',
    url: '/ar/kb/fine',
  });
  assert.equal(top('كم الغرامة؟').lang, 'ar');
  assert.equal(top('How big is the fine?').lang, 'en');
  // A language without answers (German) falls back to English.
  assert.equal(top('Wie hoch ist die Strafe?').lang, 'en');
  // A wanted language the topic has no answer in falls back to English too.
  assert.equal(top('fine', 'so').lang, 'en');
});

test('crosses languages through the lexicon: German, mixed Arabic + Dutch, Arabizi', () => {
  assert.equal(top('Ich bin schwanger, bekomme ich mehr Zeit?').topic, 'extension-pregnancy-birth');
  assert.equal(top('Darlehen zurückzahlen').topic, 'loan');
  assert.equal(top('غرامة inburgering').topic, 'fine');
  assert.equal(top('ana 7amel, fi wa2t?').topic, 'extension-pregnancy-birth');
  assert.equal(top('gharama kam').topic, 'fine');
});

test('tolerates typos', () => {
  assert.equal(top('pregant more tiem').topic, 'extension-pregnancy-birth');
  assert.equal(top('how much is the penalti').topic, 'fine');
  assert.equal(damerauLevenshtein('pregant', 'pregnant', 2), 1);
  assert.equal(damerauLevenshtein('abcdef', 'badcfe', 2), 3);
});

test('confident only when an answer fits; an out-of-scope question is not', () => {
  assert.equal(index.search('How big is the fine?').confident, true);
  assert.equal(index.search('weather tomorrow, will it rain?').confident, false);
  assert.equal(index.search('zxqv blorf wibble').confident, false);
  const e = index.explain('Wetter morgen');
  assert.deepEqual(e.outOfScope, ['weather']);
});

test('results: best first, scores between 0 and 1, limit respected', () => {
  const { results } = index.search('DUO', { limit: 2 });
  assert.equal(results.length, 2);
  for (const r of results) assert.ok(r.score >= 0 && r.score <= 1);
  assert.ok(results[0]!.score >= results[1]!.score);
});

test('the index survives JSON (it ships to the browser) and answers the same', () => {
  const copy = SearchIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())) as SearchIndexData, STEMMERS);
  for (const q of ['How big is the fine?', 'ana 7amel', 'قرض', 'pregant', 'constructor toString __proto__']) {
    assert.deepEqual(copy.search(q), index.search(q));
  }
  assert.throws(() => SearchIndex.fromJSON({} as SearchIndexData, STEMMERS), /not a Wegwijs search index/);
});

test('words that are also JavaScript property names are plain words', () => {
  for (const q of ['constructor', 'hasOwnProperty', '__proto__', 'valueOf prototype']) {
    assert.doesNotThrow(() => index.search(q));
  }
});

test('the lexicon: multi-word terms, stems and longer forms, the longest term first', () => {
  const data = compileLexicon(TEST_LEXICON, STEMMERS);
  const matcher = new LexiconMatcher(data);
  const found = (text: string) =>
    matcher
      .match(LexiconMatcher.probes(tokenize(normaliseText(text)), STEMMERS))
      .map((m) => data.concepts[m.concept])
      .sort();
  assert.deepEqual(found('I need more time'), ['extension']);
  assert.deepEqual(found('the fines'), ['fine']);
  assert.deepEqual(found('كم الغرامة'), ['fine']);
  assert.deepEqual(found('time more'), []);
  // A match says whether its first word was written as in the lexicon, or found through a stem
  // or as a longer word (an Urdu question takes only the former from other languages).
  const exact = (text: string) =>
    matcher.match(LexiconMatcher.probes(tokenize(normaliseText(text)), STEMMERS)).map((m) => m.exact);
  assert.deepEqual(exact('fine'), [true]);
  assert.deepEqual(exact('the fines'), [false]);
  assert.throws(
    () => compileLexicon({ core: ['nothing'], concepts: {} }, STEMMERS),
    /core names unknown concept "nothing"/,
  );
});

test('a word inside a longer term starts no shorter term of its own', () => {
  const data = compileLexicon(
    {
      core: ['extension'],
      concepts: { extension: { ro: ['mai mult timp'] }, fine: { pt: ['mult'] } },
    },
    STEMMERS,
  );
  const matcher = new LexiconMatcher(data);
  const found = (text: string) =>
    matcher
      .match(LexiconMatcher.probes(tokenize(normaliseText(text)), STEMMERS))
      .map((m) => data.concepts[m.concept])
      .sort();
  // Romanian "mai mult timp" (more time) holds "mult", which in the real lexicon is reached by
  // Portuguese "multa" (a fine) through its stem; here the bare stem stands for it.
  assert.deepEqual(found('pot primi mai mult timp?'), ['extension']);
  assert.deepEqual(found('mult timp'), ['fine']);
});

test('concepts in scope one by one can be out of scope together (a school for my child), unless integration is named', () => {
  const lexicon = {
    ...TEST_LEXICON,
    outOfScopeTogether: [['own-child', 'school']],
    concepts: {
      ...TEST_LEXICON.concepts,
      'own-child': { en: ['my son', 'my daughter'] },
      school: { en: ['school', 'primary school'] },
    },
  };
  const withCombination = SearchIndex.build(TEST_DOCS, lexicon, STEMMERS);
  const e = withCombination.explain('a good primary school for my son');
  assert.deepEqual(e.outOfScope, ['own-child+school']);
  assert.equal(e.confident, false);
  assert.deepEqual(withCombination.explain('my son needs more time').outOfScope, []);
  assert.deepEqual(withCombination.explain('school').outOfScope, []);
  // Naming integration itself keeps the question in scope.
  assert.equal(withCombination.explain('my son goes to school, does integration apply?').core, true);
  assert.throws(
    () => compileLexicon({ ...lexicon, outOfScopeTogether: [['own-child', 'nothing']] }, STEMMERS),
    /outOfScopeTogether names unknown concept "nothing"/,
  );
});

test('a general question goes to the general answer of its concept, a specific one to the specific answer', () => {
  const docs = [
    {
      topic: 'more-time',
      lang: 'en',
      title: 'Can I get more time?',
      summary: 'Sometimes DUO gives more time.',
      answer: 'More time is possible for several reasons.',
      phrasings: ['more time for my course?'],
    },
    {
      topic: 'more-time-moving',
      lang: 'en',
      title: 'I moved house. Can I get more time?',
      summary: 'Moving house can be a reason for more time.',
      answer: 'If you moved house and could not study because of it, ask for more time before your deadline.',
      phrasings: ['we moved house, more time?', 'my deadline is soon and we moved, more time please'],
    },
  ];
  const lexicon = {
    concepts: { extension: { en: ['more time'] }, moving: { en: ['moved house', 'moving house', 'moved'] } },
  };
  const general = 'my deadline is soon, more time please?';
  const without = SearchIndex.build(docs, lexicon, STEMMERS);
  assert.equal(
    without.search(general).results[0]!.topic,
    'more-time-moving',
    'words alone pick the specific answer',
  );
  const withOverview = SearchIndex.build(
    docs,
    { ...lexicon, overviews: { extension: 'more-time' } },
    STEMMERS,
  );
  assert.equal(withOverview.search(general).results[0]!.topic, 'more-time');
  // A question that names what the general answer's title does not stays with the specific answer.
  assert.equal(
    withOverview.search('we moved house, is more time possible?').results[0]!.topic,
    'more-time-moving',
  );
});

test('a word the index does not know may be a typo of a lexicon word, inside a term too', () => {
  const data = compileLexicon(
    {
      concepts: {
        'integration-exam': { en: ['integration exam'] },
        obligation: { en: ['have to'] },
        inburgering: { nl: ['inburgering'] },
        fine: { en: ['fine'] },
      },
    },
    STEMMERS,
  );
  const matcher = new LexiconMatcher(data);
  const found = (text: string, typo: boolean) =>
    matcher
      .match(LexiconMatcher.probes(tokenize(normaliseText(text)), STEMMERS).map((p) => ({ ...p, typo })))
      .map((m) => data.concepts[m.concept])
      .sort();
  assert.deepEqual(found('integartion exam', true), ['integration-exam']);
  assert.deepEqual(found('integration exma', true), ['integration-exam']);
  assert.deepEqual(found('inburgerng', true), ['inburgering']);
  // The first word of a longer term may be a typo of 3 letters: the rest of the term must follow.
  assert.deepEqual(found('do i hav to do it', true), ['obligation']);
  assert.deepEqual(found('hav you', true), []);
  // A term of one word takes no typo shorter than 6 letters (five is a word, not "fine").
  assert.deepEqual(found('five months', true), []);
  // Only words the index does not know are typos.
  assert.deepEqual(found('integartion exam', false), []);
});

/** Two answers about trying hard and failing (exempt, more time) and a third with its own title. */
function effortDocs(third: string, thirdTitle: string) {
  const titles: Record<string, string> = {
    'exempt-effort': 'I tried hard and failed. Can I be exempt?',
    'more-time-effort': 'I tried hard, followed all lessons and failed the exams. Can I get more time?',
    [third]: thirdTitle,
  };
  return ['exempt-effort', 'more-time-effort', third].map((topic) => ({
    topic,
    lang: 'en',
    title: titles[topic]!,
    summary: '',
    answer:
      topic === 'more-time-effort' ? 'Lessons, lessons, exams and lessons: failed after all lessons.' : '',
    phrasings:
      topic === 'more-time-effort'
        ? ['followed all lessons and failed all exams', 'failed exams after all lessons']
        : [],
  }));
}

test('a family that counts alone (failing the exam) stands back for another family named', () => {
  const docs = effortDocs('fine', 'Not finished in time: the fine.');
  const lexicon = {
    concepts: {
      exemption: { en: ['exempt', 'exemption'] },
      extension: { en: ['more time', 'extra time'] },
      'fail-exam': { en: ['failed', 'fail'] },
    },
    families: {
      exemption: ['exempt-effort'],
      extension: ['more-time-effort'],
      'fail-exam': ['exempt-effort', 'more-time-effort', 'fine'],
    },
  };
  const q = 'followed all lessons, failed all exams, exempt?';
  // Two families named: none counts, the words decide.
  assert.equal(SearchIndex.build(docs, lexicon, STEMMERS).search(q).results[0]!.topic, 'more-time-effort');
  const index = SearchIndex.build(docs, { ...lexicon, familiesAlone: ['fail-exam'] }, STEMMERS);
  assert.equal(index.search(q).results[0]!.topic, 'exempt-effort');
  // Alone, it counts: the fine is one of its answers.
  const scores = Object.fromEntries(index.search('failed').results.map((r) => [r.topic, r.score]));
  const without = SearchIndex.build(
    docs,
    { ...lexicon, families: { exemption: ['exempt-effort'] } },
    STEMMERS,
  );
  const before = Object.fromEntries(without.search('failed').results.map((r) => [r.topic, r.score]));
  assert.ok(scores.fine! > (before.fine ?? 0));
});

test('a question naming one family of answers (exempt) prefers it, unless a cue points elsewhere', () => {
  const docs = effortDocs('adjusted', 'Can the exam be adjusted, with extra time in the exam?');
  const lexicon = {
    concepts: {
      exemption: { en: ['exempt', 'exemption'] },
      extension: { en: ['more time', 'extra time'] },
      dyslexia: { en: ['dyslexia'] },
    },
    cues: { dyslexia: ['adjusted'] },
  };
  const q = 'followed all lessons, failed all exams, exempt?';
  assert.equal(SearchIndex.build(docs, lexicon, STEMMERS).search(q).results[0]!.topic, 'more-time-effort');
  const families = { exemption: ['exempt-effort'], extension: ['more-time-effort'] };
  const index = SearchIndex.build(docs, { ...lexicon, families }, STEMMERS);
  assert.equal(index.search(q).results[0]!.topic, 'exempt-effort');
  assert.equal(index.search('dyslexia: extra time, more time in the exam').results[0]!.topic, 'adjusted');
});

test('a Chinese pair the index lacks counts against confidence unless it is the seam of two known pairs', () => {
  const docs = [
    {
      topic: 'fine',
      lang: 'zh',
      title: '罚款多少？',
      summary: '罚款',
      answer: '罚款',
      phrasings: ['哪里交罚款'],
    },
  ];
  const zh = SearchIndex.build(docs, { concepts: {} }, STEMMERS);
  const unexplained = (q: string) =>
    zh
      .explain(q)
      .words.filter((w) => w.info > 0 && w.explained === 0)
      .map((w) => w.word);
  assert.deepEqual(unexplained('哪里交罚款'), []);
  // 款多 is the seam of 罚款 and 多少: no word of its own.
  assert.deepEqual(unexplained('罚款多少'), []);
  // 自行车 (a bicycle) is no word of the index: its pairs are unexplained.
  assert.deepEqual(unexplained('哪里买自行车'), ['买自', '自行', '行车']);
});

test('function words (a contraction without its apostrophe) carry no information and rank nothing', () => {
  const plain = index.explain('fine amount');
  const withNoise = SearchIndex.build(
    TEST_DOCS,
    { ...TEST_LEXICON, functionWords: { en: ['couldnt'] } },
    STEMMERS,
  );
  const e = withNoise.explain('couldnt fine amount');
  assert.equal(e.words.find((w) => w.word === 'couldnt')?.info, 0);
  assert.equal(e.ranked[0]!.topic, plain.ranked[0]!.topic);
  assert.equal(e.ranked[0]!.score, plain.ranked[0]!.score);
});

test('a stem table of the content changes no answer; it holds content words only, a new word is stemmed as it comes', () => {
  const calls: string[] = [];
  const counting = Object.fromEntries(
    Object.entries(STEMMERS).map(([lang, s]) => [
      lang,
      (w: string) => {
        calls.push(`${lang}:${w}`);
        return s(w);
      },
    ]),
  );
  const tabled = SearchIndex.build(TEST_DOCS, TEST_LEXICON, STEMMERS, undefined, { stemTable: true });
  const table = tabled.toJSON().stems!;
  assert.equal(table.en!.born, 1, 'a word that is its own stem');
  assert.equal(table.en!.baby, 'babi');
  assert.equal(table.en!.integration, english('integration'));
  assert.equal(table.en!.zebras, undefined, 'no word the content lacks');
  const plain = SearchIndex.fromJSON({ ...index.toJSON() }, STEMMERS);
  const withTable = SearchIndex.fromJSON(JSON.parse(JSON.stringify(tabled.toJSON())), counting);
  for (const q of [
    'How big is the fine?',
    'I am pregnant, more time?',
    'كم الغرامة؟',
    'zebras crossing',
    'Strafe zahlen',
  ])
    for (const lang of [undefined, 'en', 'ar'])
      assert.deepEqual(withTable.explain(q, { lang }), plain.explain(q, { lang }), `${q} (${lang})`);
  assert.ok(calls.includes('en:zebras'), 'a word outside the content is stemmed');
  assert.ok(!calls.includes('en:pregnant'), 'a content word is read from the table');
  assert.notEqual(english('integration'), 'integration');
  assert.equal(tabled.toJSON().stems!.en!.zebras, undefined, 'and a question adds nothing to the table');
});

test('a broad concept (an exam) keeps no overview from applying: "must I do the exam" is the general question', () => {
  const doc = (topic: string, title: string, phrasings: string[] = []) => ({
    topic,
    lang: 'en',
    title,
    summary: '',
    answer: '',
    phrasings,
  });
  const docs = [
    doc('who-has-to', 'Do I have to integrate? Who has to?'),
    doc('diploma', 'I have a Dutch diploma. Do I still have to do the exam?'),
    doc('exam-parts', 'What is in the exam?', ['what parts does the exam have']),
  ];
  const lexicon = {
    concepts: {
      obligation: { en: ['have to', 'must'] },
      inburgering: { en: ['integrate'] },
      exam: { en: ['exam'] },
      diploma: { en: ['diploma'] },
    },
    overviews: { obligation: 'who-has-to', exam: 'exam-parts' },
  };
  const q = 'do I have to do the exam';
  assert.equal(SearchIndex.build(docs, lexicon, STEMMERS).search(q).results[0]!.topic, 'diploma');
  const index = SearchIndex.build(docs, { ...lexicon, broad: ['exam', 'inburgering'] }, STEMMERS);
  assert.equal(index.search(q).results[0]!.topic, 'who-has-to');
  // The general answer explains the broad word as well, though its own text lacks it.
  assert.equal(index.explain(q).words.find((w) => w.word === 'exam')?.explained, 1);
  // A question that names more than broad concepts keeps its specific answer.
  assert.equal(index.search('I have a diploma, do I have to do the exam').results[0]!.topic, 'diploma');
  // The exam alone goes to its general answer.
  assert.equal(index.search('what about the exam').results[0]!.topic, 'exam-parts');
});

test('a short question whose best answers are nearly tied is not confident; a clear lead is', () => {
  const doc = (topic: string, title: string) => ({
    topic,
    lang: 'en',
    title,
    summary: '',
    answer: '',
    phrasings: [],
  });
  const docs = [
    doc('medical', 'I am ill and cannot do the exam. Am I exempt?'),
    doc('more-time-ill', 'I was ill. Can I get more time for the exam?'),
    doc('fine', 'How big is the fine?'),
  ];
  const lexicon = {
    concepts: { illness: { en: ['ill', 'sick'] }, exam: { en: ['exam'] }, fine: { en: ['fine'] } },
    cues: { illness: ['medical', 'more-time-ill'] },
  };
  const lenient = SearchIndex.build(docs, lexicon, STEMMERS, {
    ...DEFAULT_PARAMS,
    minLead: 0,
    minLeadShort: 0,
  });
  const strict = SearchIndex.build(docs, lexicon, STEMMERS);
  const q = 'sick exam';
  const [a, b] = strict.explain(q).ranked;
  assert.ok(a!.score - b!.score < 0.2 * a!.score, 'the two answers are close');
  assert.equal(lenient.search(q).confident, true);
  assert.equal(strict.search(q).confident, false);
  assert.equal(strict.search('how big is the fine').confident, true);
});

test('an Urdu question takes no false friend from Arabic: دینا (to give) is not دين (a debt)', () => {
  const doc = (topic: string, lang: string, title: string) => ({
    topic,
    lang,
    title,
    summary: '',
    answer: '',
    phrasings: [],
  });
  const docs = [
    doc('loan', 'ar', 'هل يجب أن أسدد القرض أو الدين؟'),
    doc('loan', 'en', 'Do I have to pay back the loan?'),
    doc('who-has-to', 'ar', 'هل يجب علي الاندماج؟'),
    doc('who-has-to', 'en', 'Do I have to integrate?'),
  ];
  const lexicon = {
    concepts: {
      loan: { ar: ['دين', 'قرض'], en: ['loan'], ur: ['قرض'] },
      exam: { ar: ['امتحان'], ur: ['امتحان'] },
    },
  };
  const index = SearchIndex.build(docs, lexicon, STEMMERS);
  const urdu = index.explain('کیا مجھے امتحان دینا ہے');
  assert.equal(urdu.detected, 'ur');
  assert.equal(urdu.answerLang, 'en');
  assert.deepEqual(urdu.concepts, ['exam']);
  // Words written as in the lexicon still count (قرض is Urdu too), and Arabic keeps its stems.
  assert.ok(index.explain('میرا قرض کتنا ہے').concepts.includes('loan'));
  assert.ok(index.explain('كم دينا').concepts.includes('loan'));
});
