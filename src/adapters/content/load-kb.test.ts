import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { date } from '#domain/dates/plain-date.ts';
import { loadKb, loadTopicIds, readKb } from './load-kb.ts';
import { loadRuleSet } from './load-rulebook.ts';

const dir = mkdtempSync(join(tmpdir(), 'wegwijs-kb-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const entry = (topic: string, lang: string, extra = '') => `topic: ${topic}
lang: ${lang}
status: authored
lastChecked: 2026-11-28
title: How big is the fine?
summary: DUO can give you a fine.
answer: |
  DUO can give you a fine. See [more time](topic:extension-overview).
phrasings: [fine, boete, penalty, how much is the fine, late]
sources:
  - url: https://inburgeren.nl/boete
    label: inburgeren.nl
related: [extension-overview]
check: false
${extra}`;

function write(path: string, text: string) {
  mkdirSync(join(dir, 'kb', path, '..'), { recursive: true });
  writeFileSync(join(dir, 'kb', path), text);
}

test('reads valid files into typed entries', () => {
  write('topics.yaml', '- fine\n');
  write('fine/en.yaml', entry('fine', 'en'));
  const entries = loadKb(dir);
  assert.equal(entries.length, 1);
  assert.equal(entries[0]!.topic, 'fine');
  assert.deepEqual(entries[0]!.phrasings.length, 5);
  assert.deepEqual(loadTopicIds(dir), ['fine']);
});

test('every problem names its file: schema, YAML, topic and lang that do not match the path', () => {
  write('fine/nl.yaml', entry('fine', 'nl').replace('status: authored', 'status: translated'));
  write('fine/ar.yaml', entry('fine', 'en'));
  write('fine/tr.yaml', 'topic: [fine\n');
  write('fine/so.yaml', entry('fine', 'so').replace('lastChecked: 2026-11-28', 'lastChecked: 2026-02-30'));
  write('fine/ti.yaml', entry('fine', 'ti', 'extra: field'));
  const { problems } = readKb(dir);
  const by = (file: string) =>
    problems.filter((p) => p.file === `content/kb/fine/${file}`).map((p) => p.problem);
  assert.ok(by('nl.yaml').some((p) => p.startsWith('/status')));
  assert.ok(by('ar.yaml').some((p) => p.includes('is not the file name "ar"')));
  assert.ok(by('tr.yaml').some((p) => p.startsWith('not valid YAML')));
  assert.ok(by('so.yaml').some((p) => p.includes('2026-02-30 is not a calendar date')));
  assert.ok(by('ti.yaml').length > 0);
  assert.deepEqual(by('en.yaml'), []);
  assert.throws(() => loadKb(dir), /content\/kb\/fine\/nl\.yaml: \/status/);
});

test('amount placeholders are filled from the rule set given, and a wrong one is a problem naming its file', () => {
  // A folder of its own: one answer only.
  const own = mkdtempSync(join(tmpdir(), 'wegwijs-kb-amounts-'));
  after(() => rmSync(own, { recursive: true, force: true }));
  const writeIn = (root: string, path: string, text: string) => {
    mkdirSync(join(root, 'kb', path, '..'), { recursive: true });
    writeFileSync(join(root, 'kb', path), text);
  };
  const amounts = (which: string) =>
    entry('fine', 'en').replace(
      '  DUO can give you a fine. See',
      `  DUO can give you a fine of € {{param:${which}}}. See`,
    );
  writeIn(own, 'fine/en.yaml', amounts('fine.wi2021.max/learningRoute'));
  const [fine] = readKb(own, { ruleSet: loadRuleSet(), asOf: date('2026-12-05') }).entries.filter(
    (e) => e.topic === 'fine' && e.lang === 'en',
  );
  assert.match(fine!.answer, /a fine of € 1,000\./);
  assert.match(readKb(own, { raw: true }).entries.find((e) => e.lang === 'en')!.answer, /\{\{param:/);
  writeIn(own, 'fine/en.yaml', amounts('fine.wi2021.max/nope'));
  const wrong = readKb(own, { ruleSet: loadRuleSet() }).problems.filter(
    (p) => p.file === 'content/kb/fine/en.yaml',
  );
  assert.match(wrong.map((p) => p.problem).join(), /no field "nope"/);
  // This folder has no rules: a placeholder is reported, the read does not crash.
  writeIn(own, 'fine/en.yaml', amounts('hearing.fineAbove'));
  const noRules = readKb(own).problems.filter((p) => p.file === 'content/kb/fine/en.yaml');
  assert.match(noRules.map((p) => p.problem).join(), /rule parameters cannot be read/);
});
