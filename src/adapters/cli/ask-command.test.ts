import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Command } from 'commander';
import { STEMMERS } from '#adapters/content/load-search.ts';
import { SearchIndex } from '#search/search-index.ts';
import { TEST_DOCS, TEST_LEXICON } from '../../../test/fixtures/search-corpus.ts';
import { askCommand, registerAskCommand } from './ask-command.ts';

const index = SearchIndex.build(TEST_DOCS, TEST_LEXICON, STEMMERS);
const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) } };
};

test('prints the best answers as text, in the wanted language', () => {
  const c = capture();
  assert.equal(askCommand('How much is the fine?', { lang: 'ar' }, index, c.io), 0);
  const text = c.out.join('\n');
  assert.match(text, /^1\. .*غرامة/m);
  assert.match(text, /\/ar\/kb\/fine {2}\(fine, 0\.\d\d\)/);
  assert.doesNotMatch(text, /No answer fits/);
});

test('--json prints the API answer', () => {
  const c = capture();
  assert.equal(askCommand('DUO loan', { json: true, limit: '1' }, index, c.io), 0);
  const body = JSON.parse(c.out.join('\n'));
  assert.equal(body.query, 'DUO loan');
  assert.equal(body.results.length, 1);
  assert.equal(body.results[0].topic, 'loan');
  assert.equal(typeof body.confident, 'boolean');
});

test('says so plainly when no answer fits', () => {
  const c = capture();
  assert.equal(askCommand('weather tomorrow rain', {}, index, c.io), 0);
  assert.match(c.out.join('\n'), /^We are not sure we have the right answer/);
});

test('bad input: exit code 2 and the reason on standard error', () => {
  const c = capture();
  assert.equal(askCommand('   ', {}, index, c.io), 2);
  assert.match(c.err.join('\n'), /q: The question is empty/);
  const d = capture();
  assert.equal(askCommand('fine', { lang: 'xx' }, index, d.io), 2);
  assert.match(d.err.join('\n'), /lang: lang must be one language tag/);
});

test('registers `ask` with --lang, --limit and --json on the program', async () => {
  const c = capture();
  const program = new Command().exitOverride();
  registerAskCommand(program, c.io, () => index);
  await program.parseAsync(['ask', 'I am pregnant, more time?', '--lang', 'ar', '--json'], { from: 'user' });
  const body = JSON.parse(c.out.join('\n'));
  assert.equal(body.results[0].topic, 'extension-pregnancy-birth');
  assert.equal(body.results[0].lang, 'ar');
  process.exitCode = 0;
});
