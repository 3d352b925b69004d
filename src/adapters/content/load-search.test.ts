// The search index of the bundled content: the questions written for the tests (not an
// evaluation set) land on their topic, and questions about something else are not confident.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANGUAGES } from '#languages/languages.ts';
import { SearchIndex, type SearchIndexData } from '#search/search-index.ts';
import { OUT_OF_SCOPE_PROBES, TOPIC_PROBES } from '../../../test/fixtures/search-probes.ts';
import { loadLexicon, loadSearchIndex, STEMMERS } from './load-search.ts';

const index = loadSearchIndex();

test('the lexicon loads, and every concept has terms in every knowledge-base language', () => {
  const lexicon = loadLexicon();
  const missing: string[] = [];
  for (const [concept, terms] of Object.entries(lexicon.concepts)) {
    for (const lang of ['nl', 'en', 'ar', 'tr', 'ti', 'fa', 'uk', 'so']) {
      // Dutch acronyms are the same everywhere; fine-well tells English "fine" (good) from the fine.
      if (!terms[lang] && !['duo', 'knm', 'ona', 'map', 'fine-well'].includes(concept))
        missing.push(`${concept}/${lang}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every topic of the knowledge base is in the index, with a title in every language', () => {
  assert.equal(index.data.topics.length, 40);
  for (const t of index.data.topics)
    assert.equal(Object.keys(index.data.titles[t]!).length, LANGUAGES.length, t);
});

test('in-scope questions (typos, mixed languages, transliteration, other languages) find their topic', () => {
  const misses: string[] = [];
  let top1 = 0;
  for (const p of TOPIC_PROBES) {
    const ranking = index.search(p.q, { limit: 40 }).results.map((r) => r.topic);
    if (ranking[0] === p.topic) top1++;
    if (!ranking.slice(0, 3).includes(p.topic))
      misses.push(`${p.lang}: ${p.q} → ${ranking.slice(0, 3).join(', ')}`);
  }
  assert.deepEqual(misses, [], 'not in the top 3');
  assert.ok(top1 >= 0.85 * TOPIC_PROBES.length, `top-1 ${top1}/${TOPIC_PROBES.length}`);
});

test('questions about something else (driving licence, weather, recipes, football) are not confident', () => {
  const confident = OUT_OF_SCOPE_PROBES.filter((p) => index.search(p.q).confident).map(
    (p) => `${p.lang}: ${p.q}`,
  );
  assert.deepEqual(confident, []);
});

test('results come in the language of the question by its script, or the one asked for', () => {
  const lang = (q: string, wanted?: string) =>
    index.search(q, wanted ? { lang: wanted } : {}).results[0]!.lang;
  assert.equal(lang('ፈተና inburgering ክንደይ ይከፍል'), 'ti');
  assert.equal(lang('Скільки коштує іспит?'), 'uk');
  assert.equal(lang('هزینه امتحان چقدر است؟'), 'fa');
  assert.equal(lang('كم تكلفة الامتحان؟'), 'ar');
  assert.equal(lang('Sınav ücreti ne kadar?'), 'tr');
  assert.equal(lang('Wat kost het examen?'), 'nl');
  assert.equal(lang('Imtixaanka waa imisa lacagtiisu?'), 'so');
  assert.equal(lang('考试要多少钱？'), 'zh');
  assert.equal(lang('DUO的电话号码'), 'zh');
  // Pashto shares the Arabic script with Arabic and Farsi: its own letters and words tell it apart.
  assert.equal(lang('ازموینه څومره پیسې ده؟'), 'ps');
  assert.equal(lang('د DUO د تلیفون شمېره'), 'ps');
  // Sorani Kurdish too: ڕ ڵ ۆ and its own words.
  assert.equal(lang('تاقیکردنەوەکە چەندی تێدەچێت؟'), 'ckb');
  assert.equal(lang('ژمارەی تەلەفۆنی DUO چییە'), 'ckb');
  // Kurmanji, in Latin letters like Turkish, English and Somali: its own words and letters (ê, î, û).
  assert.equal(lang('ezmûna entegrasyonê çiqas e?'), 'kmr');
  assert.equal(lang('hejmara telefona DUO çi ye'), 'kmr');
  assert.equal(lang('Wat kost het examen?', 'uk'), 'uk');
  assert.equal(lang('¿Cuánto cuesta el examen?'), 'es');
  assert.equal(lang('Combien coûte l’examen ?'), 'fr');
  assert.equal(lang('Quanto custa o exame?'), 'pt');
  assert.equal(lang('Сколько стоит экзамен?'), 'ru');
  // A language without answers (German) gets English.
  assert.equal(lang('Wie viel kostet die Prüfung?'), 'en');
});

test('Chinese questions, without spaces, find their topic through character bigrams', () => {
  const top3 = (q: string) => index.search(q, { limit: 3 }).results.map((r) => r.topic);
  assert.ok(top3('罚款是多少').includes('fine'));
  assert.ok(top3('我怀孕了，可以延期吗').includes('extension-pregnancy-birth'));
  assert.ok(top3('我是波兰人，要融入吗').includes('obligation-eu-family'));
  assert.ok(top3('我有mbo文凭').includes('vrijstelling-diploma'));
});

test('Pashto questions find their topic, and Arabic and Farsi ones stay in their language', () => {
  const top = (q: string) => index.search(q, { limit: 3 }).results;
  assert.ok(
    top('زه امیندواره یم، ایا اضافي وخت ترلاسه کولی شم').some((r) => r.topic === 'extension-pregnancy-birth'),
  );
  assert.ok(top('جریمه څومره ده').some((r) => r.topic === 'fine'));
  assert.ok(top('زه ناروغ یم او ازموینه نشم ورکولی').some((r) => r.topic === 'ontheffing-medical'));
  assert.equal(top('جریمه DUO چقدر است؟')[0]!.lang, 'fa');
  assert.ok(top('سکپڕم، دەتوانم کاتی زیادە وەربگرم').some((r) => r.topic === 'extension-pregnancy-birth'));
  assert.ok(top('سزای دارایی چەندە ئەگەر لە کاتی خۆیدا تەواوی نەکەم').some((r) => r.topic === 'fine'));
  assert.ok(
    top('ez ducanî me, ez dikarim wextê zêde bistînim').some((r) => r.topic === 'extension-pregnancy-birth'),
  );
  assert.ok(top('ez Polonî me, divê ez entegre bibim').some((r) => r.topic === 'obligation-eu-family'));
  assert.equal(top('ما هي الغرامة إذا لم أنجح؟')[0]!.lang, 'ar');
});

test('the built index round-trips through JSON for the browser', () => {
  const data = JSON.parse(JSON.stringify(index.toJSON())) as SearchIndexData;
  const copy = SearchIndex.fromJSON(data, STEMMERS);
  for (const p of TOPIC_PROBES.slice(0, 8)) assert.deepEqual(copy.search(p.q), index.search(p.q));
});

test('numbers and concepts named together point at the answer (written for this test, not eval questions)', () => {
  const top = (q: string) => index.search(q).results[0]?.topic;
  // An age past 60, in digits of any script; a span of school ages.
  assert.equal(top('my grandmother is 74, must she still learn dutch for inburgering'), 'obligation-age');
  assert.equal(top('پدرم ۷۸ ساله است'), 'obligation-age');
  assert.equal(top('ich war von 6 bis 15 in der Schule in den Niederlanden'), 'vrijstelling-school-years');
  // Paying and being late is the fine; the term and not finished yet is more time.
  assert.equal(top('deadline passed, how much money do i pay now'), 'fine');
  assert.equal(
    top('ma période de trois ans se termine bientôt et je n’ai pas encore fini'),
    'extension-overview',
  );
});

test('child benefit, bringing parents over and a ceremony date are out of scope', () => {
  for (const q of [
    'where do i apply for kinderbijslag',
    'mijn ouders laten overkomen naar nederland',
    'fecha de la ceremonia',
  ])
    assert.equal(index.search(q).confident, false, q);
});

test('a question made only of common words, all explained by the best answer, is confident', () => {
  // Every word is common to many answers (no word sets topics apart), and the best answer holds each.
  const r = index.search('sou espanhola, tenho que fazer inburgering?');
  assert.equal(r.results[0]?.topic, 'obligation-eu-family');
  assert.equal(r.confident, true);
});
