import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import { STEMMERS } from '#adapters/content/load-search.ts';
import { SearchIndex } from '#search/search-index.ts';
import { TEST_DOCS, TEST_LEXICON } from '../../../test/fixtures/search-corpus.ts';
import { searchRoutes } from './search-routes.ts';

let app: FastifyInstance;
before(async () => {
  app = Fastify();
  await app.register(searchRoutes, { index: SearchIndex.build(TEST_DOCS, TEST_LEXICON, STEMMERS) });
  await app.ready();
});
after(() => app.close());

const get = (query: string) => app.inject({ method: 'GET', url: `/api/v1/search?${query}` });
const q = (text: string) => `q=${encodeURIComponent(text)}`;

test('answers the contract: query, lang, fallback, results best first, confident', async () => {
  const res = await get(`${q('How much is the fine if I am late?')}&lang=ar`);
  assert.equal(res.statusCode, 200);
  assert.match(res.headers['content-type'] as string, /application\/json/);
  assert.equal(res.headers['cache-control'], 'no-store');
  const body = res.json();
  assert.deepEqual(Object.keys(body).sort(), [
    'confident',
    'fallback',
    'lang',
    'query',
    'requestedLang',
    'results',
  ]);
  assert.equal(body.lang, 'ar');
  assert.equal(body.requestedLang, 'ar');
  assert.equal(body.fallback, false);
  assert.equal(body.query, 'How much is the fine if I am late?');
  assert.equal(body.confident, true);
  const [first] = body.results;
  assert.deepEqual(Object.keys(first).sort(), ['lang', 'score', 'title', 'topic', 'url']);
  assert.equal(first.topic, 'fine');
  assert.equal(first.lang, 'ar');
  assert.equal(first.url, '/ar/kb/fine');
  assert.match(first.title, /غرامة|الغرامة/);
  assert.ok(first.score > 0 && first.score <= 1);
  const scores = body.results.map((r: { score: number }) => r.score);
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => b - a),
  );
});

test('without lang, answers in the language of the question', async () => {
  const res = await get(q('هل أحصل على وقت إضافي؟ أنا حامل'));
  assert.equal(res.statusCode, 200);
  const [first] = res.json().results;
  assert.equal(first.topic, 'extension-pregnancy-birth');
  assert.equal(first.lang, 'ar');
});

test('limit caps the results; a region subtag in lang is accepted', async () => {
  const res = await get(`${q('DUO loan')}&limit=2&lang=en-GB`);
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.results.length, 2);
  assert.equal(body.results[0].topic, 'loan');
  assert.equal(body.results[0].lang, 'en');
});

test('any language tag gets the best answer, and says when it is not the language asked for', async () => {
  const cases: [string, string, string, boolean][] = [
    // [tag, question, language of the answers, fallback]
    ['en-GB', 'How much is the fine?', 'en', false],
    ['ar-MA', 'How much is the fine?', 'ar', false],
    ['ary', 'How much is the fine?', 'ar', true],
    ['pt-BR', 'How much is the fine?', 'en', true],
    ['de', 'Wie hoch ist die Strafe? fine', 'en', true],
    ['am', 'How much is the fine?', 'en', true],
    ['xh', 'هل أحصل على وقت إضافي؟ أنا حامل', 'ar', true],
  ];
  for (const [tag, text, lang, fallback] of cases) {
    const res = await get(`${q(text)}&lang=${tag}`);
    assert.equal(res.statusCode, 200, tag);
    const body = res.json();
    assert.equal(body.lang, lang, tag);
    assert.equal(body.fallback, fallback, tag);
    assert.equal(body.requestedLang, tag);
    assert.equal(body.results[0].lang, lang, tag);
  }
});

test('without lang the response still names the language of the answers', async () => {
  const body = (await get(q('How much is the fine?'))).json();
  assert.equal(body.lang, 'en');
  assert.equal(body.fallback, false);
  assert.equal('requestedLang' in body, false);
});

test('a question about something else is not confident', async () => {
  const res = await get(q('what will the weather be tomorrow, rain?'));
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().confident, false);
});

const bad: [string, string, string][] = [
  ['no q', '', 'missing'],
  ['empty q', 'q=', 'empty'],
  ['only spaces', 'q=%20%20%20', 'empty'],
  ['over 500 characters', q('a'.repeat(501)), 'too-long'],
  ['only punctuation', q('?!?!'), 'unreadable'],
  ['a control character', 'q=fine%00', 'unreadable'],
  ['bytes that are not UTF-8', 'q=%FF%FE', 'unreadable'],
  ['a lone surrogate', 'q=%ED%A0%80abc', 'unreadable'],
  ['q given twice', 'q=fine&q=loan', 'not-a-string'],
  ['a code no language has', `${q('fine')}&lang=xx`, 'not-a-language'],
  ['a tag that is not BCP 47', `${q('fine')}&lang=${encodeURIComponent('en us!')}`, 'not-a-language'],
  ['limit 0', `${q('fine')}&limit=0`, 'out-of-range'],
  ['limit not a number', `${q('fine')}&limit=ten`, 'not-a-number'],
  ['limit too large', `${q('fine')}&limit=1000`, 'out-of-range'],
];
for (const [what, query, problem] of bad) {
  test(`400 with a clear message: ${what}`, async () => {
    const res = await get(query);
    assert.equal(res.statusCode, 400, res.body);
    const body = res.json();
    assert.equal(body.error, 'invalid-query');
    assert.equal(typeof body.message, 'string');
    assert.ok(body.message.length > 10);
    assert.ok(
      body.fields.some((f: { problem: string }) => f.problem === problem),
      `${problem} in ${JSON.stringify(body.fields)}`,
    );
  });
}

test('500 characters exactly is fine, counted as characters, not bytes', async () => {
  const res = await get(q('غ'.repeat(500)));
  assert.equal(res.statusCode, 200);
});

test('never 500: odd but readable questions get an answer', async () => {
  const odd = [
    'constructor',
    '__proto__ toString',
    '🙂 fine 🙂',
    '\u200f\u200eغرامة\u200c',
    'ﻏﺮاﻣﺔ',
    'İSTANBUL IĞDIR ıi',
    'ፈተና፡፡፡',
    '1.250 €',
    'a-b-c-d-e-f',
    "DUO'ya d'intégration ''' --- ",
    'x'.repeat(500),
    'ـــــــ غ',
  ];
  for (const text of odd) {
    const res = await get(q(text));
    assert.equal(res.statusCode, 200, `${text}: ${res.body}`);
    assert.ok(Array.isArray(res.json().results));
  }
});
