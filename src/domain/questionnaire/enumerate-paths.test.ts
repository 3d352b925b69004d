// Walks every question path of the guided check for sample answers on both sides of every rule.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { date } from '../dates/plain-date.ts';
import { OBLIGATIONS } from '../rules/obligation.ts';
import { toDot, toMermaid, unreachedQuestions, walkQuestionPaths } from './enumerate-paths.ts';
import { GUIDED_CHECK_SAMPLES } from './sample-answers.ts';

const book = loadRuleBook();

// Before 2022 nobody falls under the Wet inburgering 2021: a later permit means "not yet obliged",
// so its questions (the PIP, the route) cannot be reached on a 2019 date.
const UNREACHABLE: Record<string, string[]> = { '2019-06-01': ['pipDate', 'route'], '2025-06-01': [] };

for (const asOf of ['2019-06-01', '2025-06-01']) {
  test(`on ${asOf}: no dead ends, no question asked twice, every result has a legal source, every question reachable`, () => {
    const walk = walkQuestionPaths(date(asOf), book, GUIDED_CHECK_SAMPLES);
    assert.equal(walk.truncated, false);
    assert.deepEqual(walk.problems.slice(0, 5), []);
    assert.deepEqual(unreachedQuestions(walk), UNREACHABLE[asOf]);
    for (const o of OBLIGATIONS) assert.ok((walk.results[o] ?? 0) > 0, `some path ends in "${o}"`);
    assert.ok(walk.states > 1000, `walked ${walk.states} states`);
  });
}

test('the flow graph exports as Mermaid and DOT with an edge for every question', () => {
  const walk = walkQuestionPaths(date('2025-06-01'), book, GUIDED_CHECK_SAMPLES);
  const mermaid = toMermaid(walk);
  const dot = toDot(walk);
  assert.match(mermaid, /^flowchart TD/);
  assert.match(dot, /^digraph wegwijs/);
  for (const fact of walk.asked) {
    assert.ok(mermaid.includes(`${fact} -->`), `mermaid has ${fact}`);
    assert.ok(dot.includes(`"${fact}" ->`), `dot has ${fact}`);
  }
  assert.match(mermaid, /result_not_obliged/);
});
