// Confusable answers link each other ("If instead, your question is: ..."), right under the
// summary, in the page language, and the file names only known topics.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadSiblings, loadTopicIds } from '#adapters/content/load-kb.ts';
import { startServer } from './helpers.ts';

let server: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  server = await startServer('2025-06-01');
});
after(() => server.close());

test('the confusable pairs of the issue link each other both ways', () => {
  const siblings = loadSiblings();
  const topics = new Set(loadTopicIds());
  for (const [a, b] of [
    ['extension-illness', 'ontheffing-medical'],
    ['exam-adjusted', 'ontheffing-medical'],
    ['vrijstelling-diploma', 'vrijstelling-education-temporary'],
    ['obligation-who', 'obligation-voluntary'],
    ['obligation-who', 'obligation-eu-family'],
    ['costs', 'fine'],
    ['costs', 'help-language-school'],
  ] as const) {
    assert.ok(topics.has(a) && topics.has(b));
    assert.ok(siblings[a]?.includes(b), `${a} → ${b}`);
    assert.ok(siblings[b]?.includes(a), `${b} → ${a}`);
  }
});

test('a knowledge-base page shows its siblings under the summary, in the page language', async () => {
  const html = await (await fetch(`${server.base}/nl/kb/extension-illness`)).text();
  const block = /<div class="if-instead">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  assert.match(block, /Of is uw vraag eigenlijk:/);
  assert.match(block, /href="\/nl\/kb\/ontheffing-medical"/);
  assert.ok(html.indexOf('class="if-instead"') < html.indexOf('class="kb-answer"'), 'before the answer');
  // Not listed twice: a sibling is left out of the related questions.
  const related = /<h2>Vragen die hierbij horen<\/h2>\s*<ul>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
  assert.ok(related.length > 0, 'the related questions are there');
  assert.doesNotMatch(related, /href="\/nl\/kb\/ontheffing-medical"/);
});
