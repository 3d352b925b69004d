// The `wegwijs` command as a person runs it: a real process, real standard input and output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/wegwijs.js', import.meta.url));
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 60_000 });

const request = {
  asOf: '2023-11-30',
  facts: {
    nationality: 'SO',
    familyOfEeaCitizen: false,
    birthDate: '1984-07-07',
    permitPurpose: 'family',
    permitDate: '2021-02-10',
    schoolYearsInNL: 0,
    diplomas: [],
    hasIntegrationDiploma: false,
    obligationStartDate: '2021-02-22',
    circumstances: ['family-death', 'literacy-course'],
  },
};

test('assess FILE prints the same JSON as the API', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wegwijs-'));
  const file = join(dir, 'case.json');
  writeFileSync(file, JSON.stringify(request));
  const r = run(['assess', file]);
  assert.equal(r.status, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  assert.equal(a.regime, 'wi2013');
  assert.equal(a.obligation, 'obliged');
  assert.ok(a.options.some((o: { id: string }) => o.id === 'extension-family-death'));
});

test('assess --include whatWouldChange adds it, as the API does; an unknown part exits 2', () => {
  const body = JSON.stringify(request);
  const plain = JSON.parse(run(['assess', '-'], body).stdout);
  assert.ok(!('whatWouldChange' in plain));
  const r = run(['assess', '-', '--include', 'whatWouldChange'], body);
  assert.equal(r.status, 0, r.stderr);
  const { whatWouldChange, ...rest } = JSON.parse(r.stdout);
  assert.deepEqual(rest, plain);
  assert.ok(Array.isArray(whatWouldChange) && whatWouldChange.length > 0);
  const bad = run(['assess', '-', '--include', 'everything'], body);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /whatWouldChange/);
});

test('assess - reads standard input', () => {
  const r = run(['assess', '-'], JSON.stringify({ facts: { nationality: 'NO' } }));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).obligation, 'not-obliged');
});

test('assess refuses bad input with exit code 2 and names the field', () => {
  const r = run(['assess', '-'], JSON.stringify({ facts: { birthDate: '2023-02-30' } }));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /facts\.birthDate/);
  const missing = run(['assess', '/nonexistent/case.json']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read/);
  assert.doesNotMatch(missing.stderr, /at .*\.ts:\d+/);
});

// A Syrian status holder (Wi2021, PIP 10 May 2023): answers typed one per line, ? for "I don't know".
const answers = [
  'Syria',
  '1',
  '2',
  '1990-01-01',
  '2023-03-01',
  '2',
  '0',
  '0',
  '2023-05-10',
  '1',
  '2',
  '0',
  '?',
  '?',
  '',
].join('\n');

test('check asks only what it needs and explains the result with sources (English)', () => {
  const r = run(['check', '--lang', 'en', '--as-of', '2025-06-01'], answers);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /What is your nationality\?/);
  // The terminal has no list to choose from: it says what to type (the web page says "choose").
  assert.match(r.stdout, /Type the name of the country or its two-letter code/);
  assert.doesNotMatch(
    r.stdout,
    /Have you lived in the Netherlands.*years.*registered/,
    'no Wi2013-only question for a Wi2021 case',
  );
  assert.match(r.stdout, /Yes, you have to integrate/);
  assert.match(r.stdout, /Civic Integration Act 2021/);
  assert.match(r.stdout, /May 10, 2026/);
  assert.match(r.stdout, /Source: Wet inburgering 2021, art\. 11/);
  assert.match(r.stdout, /https:\/\//);
});

test('check speaks Dutch with --lang nl', () => {
  const r = run(['check', '--lang', 'nl', '--as-of', '2025-06-01'], answers);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Wat is uw nationaliteit\?/);
  assert.match(r.stdout, /10 mei 2026/);
  assert.match(r.stdout, /Wet inburgering 2021/);
});

test('check asks again after an answer it does not understand, and stops cleanly when input ends', () => {
  const r = run(['check', '--as-of', '2025-06-01'], 'Atlantis\n');
  assert.match(r.stdout, /did not understand/);
  assert.equal(r.status, 130);
  assert.match(r.stderr, /nothing was saved/);
});

test('rules lists every rule with its source and last-checked date', () => {
  const r = run(['rules', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const book = JSON.parse(r.stdout);
  assert.ok(book.entries.length > 60);
  for (const e of book.entries) {
    assert.match(e.source.url, /^https?:\/\//, e.id);
    assert.match(e.source.lastChecked, /^\d{4}-\d{2}-\d{2}$/, e.id);
  }
  assert.match(run(['rules']).stdout, /\[obligation\] not-obliged\.eea-national/);
});

test('flow exports the question graph as Mermaid and DOT', () => {
  assert.match(run(['flow']).stdout, /^flowchart TD/);
  assert.match(run(['flow', '--format', 'dot']).stdout, /^digraph wegwijs/);
  const bad = run(['flow', '--format', 'png']);
  assert.equal(bad.status, 2);
});
