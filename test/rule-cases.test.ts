/**
 * Golden law scenarios (content/rules/cases/*.yaml): every case goes through the public request
 * parser and the engine, and its `expect` (derived by hand from the law fact sheets) must hold.
 * A second group of tests fails when an obligation rule or an option rule variant has no case.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { loadRuleBook } from '#adapters/content/load-rulebook.ts';
import { type Assessment, assess } from '#domain/assess.ts';
import { date } from '#domain/dates/plain-date.ts';
import { parseAssessRequest } from '#domain/facts/parse-facts.ts';
import { OBLIGATION_RULES } from '#domain/rules/obligation.ts';
import { OPTION_IDS, OPTION_RULES } from '#domain/rules/options.ts';

/** Every YAML file here holds golden cases; one file per theme keeps parallel work apart. */
const CASES_DIR = fileURLToPath(new URL('../content/rules/cases/', import.meta.url));

const EXACT_KEYS = [
  'regime',
  'obligation',
  'termStart',
  'termEnd',
  'applyFrom',
  'termEndBasis',
  'termPassed',
  'obligationStart',
  'aowDate',
] as const;
const LIST_KEYS = [
  'optionsInclude',
  'optionsExclude',
  'missingInclude',
  'missingExclude',
  'missing',
  'obligationMissing',
  'consequencesInclude',
  'consequencesExclude',
] as const;
const MAP_KEYS = ['options', 'consequences'] as const;
/** `inconsistent`: the facts cannot all be true; the parser refuses exactly these fields (consistency.yaml). */
const EXPECT_KEYS = new Set<string>([
  ...EXACT_KEYS,
  ...LIST_KEYS,
  ...MAP_KEYS,
  'decidedBy',
  'afterTerm',
  'inconsistent',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface LawCase {
  name: string;
  law: string;
  asOf: string;
  facts: Record<string, Json>;
  expect: Record<string, Json>;
}

function loadCases(): LawCase[] {
  const files = readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  assert.ok(files.length > 0, 'content/rules/cases/ holds no case file');
  return files.flatMap((file) => loadCaseFile(file));
}

function loadCaseFile(file: string): LawCase[] {
  const doc = parse(readFileSync(`${CASES_DIR}${file}`, 'utf8')) as { cases?: unknown };
  assert.ok(Array.isArray(doc.cases), `${file} must have a list \`cases\``);
  return doc.cases.map((raw, i) => {
    const c = raw as Partial<LawCase>;
    const where = `${file} case #${i + 1} (${String(c.name)})`;
    assert.equal(typeof c.name, 'string', `${where}: name`);
    assert.equal(typeof c.law, 'string', `${where}: law (the fact-sheet line) is required`);
    assert.equal(typeof c.asOf, 'string', `${where}: asOf`);
    assert.equal(typeof c.facts, 'object', `${where}: facts`);
    assert.equal(typeof c.expect, 'object', `${where}: expect`);
    for (const key of Object.keys(c.expect ?? {}))
      assert.ok(EXPECT_KEYS.has(key), `${where}: unknown expect key "${key}"`);
    return c as LawCase;
  });
}

const CASES = loadCases();
const book = loadRuleBook();
/** The parser's "today" (only a default for asOf and its upper bound); every case gives asOf. */
const TODAY = date('2026-11-28');

/** The assessment as the API would serialise it (dates as ISO strings). */
function run(c: LawCase): { raw: Assessment; json: Record<string, Json> } {
  const parsed = parseAssessRequest({ asOf: c.asOf, facts: c.facts }, TODAY);
  if (!parsed.ok) assert.fail(`the request does not parse: ${JSON.stringify(parsed.problems)}`);
  const raw = assess(parsed.facts, parsed.asOf, book);
  return { raw, json: JSON.parse(JSON.stringify(raw)) as Record<string, Json> };
}

/** Facts that cannot all be true: the parser names exactly these fields, each as `inconsistent`. */
function refused(c: LawCase): void {
  const parsed = parseAssessRequest({ asOf: c.asOf, facts: c.facts }, TODAY);
  assert.ok(!parsed.ok, 'the facts cannot all be true, but the request parses');
  assert.ok(
    parsed.problems.every((p) => p.problem === 'inconsistent'),
    `only inconsistencies expected: ${JSON.stringify(parsed.problems)}`,
  );
  const fields = [...new Set(parsed.problems.map((p) => p.field.replace(/^facts\./, '')))].sort();
  assert.deepEqual(fields, [...strings(c.expect.inconsistent!, 'inconsistent')].sort());
}

/** `actual` has every field of `expected` (recursively for objects; lists and values exactly). */
function assertPartial(actual: Json | undefined, expected: Json, path: string): void {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    assert.ok(
      actual !== null && typeof actual === 'object' && !Array.isArray(actual),
      `${path}: expected an object, got ${JSON.stringify(actual)}`,
    );
    for (const [key, value] of Object.entries(expected))
      assertPartial((actual as Record<string, Json>)[key], value, `${path}.${key}`);
    return;
  }
  assert.deepEqual(
    actual,
    expected,
    `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`,
  );
}

const strings = (v: Json, key: string): string[] => {
  assert.ok(
    Array.isArray(v) && v.every((x) => typeof x === 'string'),
    `expect.${key} must be a list of strings`,
  );
  return v as string[];
};

function check(c: LawCase, json: Record<string, Json>): void {
  const e = c.expect;
  for (const key of EXACT_KEYS) {
    if (key in e)
      assert.deepEqual(
        json[key],
        e[key],
        `${key}: expected ${JSON.stringify(e[key])}, got ${JSON.stringify(json[key])}`,
      );
  }

  const reasons = json.reasons as { rule: string; status: string }[];
  if ('decidedBy' in e) {
    const applied = reasons.filter((r) => r.status === 'applies').map((r) => r.rule);
    assert.ok(
      applied.includes(e.decidedBy as string),
      `decidedBy: expected rule ${String(e.decidedBy)} to apply; applied: ${applied.join(', ') || 'none'}`,
    );
  }

  const options = json.options as { id: string }[];
  const optionIds = options.map((o) => o.id);
  if ('optionsInclude' in e)
    for (const id of strings(e.optionsInclude!, 'optionsInclude'))
      assert.ok(optionIds.includes(id), `option ${id} expected; offered: ${optionIds.join(', ') || 'none'}`);
  if ('optionsExclude' in e)
    for (const id of strings(e.optionsExclude!, 'optionsExclude'))
      assert.ok(
        !optionIds.includes(id),
        `option ${id} must not be offered; offered: ${optionIds.join(', ')}`,
      );
  if ('options' in e) {
    for (const [id, fields] of Object.entries(e.options as Record<string, Json>)) {
      const option = options.find((o) => o.id === id);
      assert.ok(option, `option ${id} expected; offered: ${optionIds.join(', ') || 'none'}`);
      assertPartial(option as unknown as Json, fields, `options[${id}]`);
    }
  }

  if ('afterTerm' in e) {
    const steps = (json.afterTerm as { id: string }[]).map((s) => s.id);
    assert.deepEqual(steps, strings(e.afterTerm!, 'afterTerm'), 'afterTerm: the steps after the deadline');
  }

  const missing = json.missing as string[];
  if ('missing' in e) assert.deepEqual(missing, strings(e.missing!, 'missing'), 'missing');
  // Empty while the obligation is unknown: the rules leave it open, no answer can settle it.
  if ('obligationMissing' in e)
    assert.deepEqual(
      json.obligationMissing,
      strings(e.obligationMissing!, 'obligationMissing'),
      'obligationMissing',
    );
  if ('missingInclude' in e)
    for (const f of strings(e.missingInclude!, 'missingInclude'))
      assert.ok(missing.includes(f), `missing should ask for ${f}; missing: ${missing.join(', ') || 'none'}`);
  if ('missingExclude' in e)
    for (const f of strings(e.missingExclude!, 'missingExclude'))
      assert.ok(!missing.includes(f), `missing should not ask for ${f}; missing: ${missing.join(', ')}`);

  const consequences = json.consequences as { id: string }[];
  const consequenceIds = consequences.map((x) => x.id);
  if ('consequencesInclude' in e)
    for (const id of strings(e.consequencesInclude!, 'consequencesInclude'))
      assert.ok(
        consequenceIds.includes(id),
        `consequence ${id} expected; got: ${consequenceIds.join(', ') || 'none'}`,
      );
  if ('consequencesExclude' in e)
    for (const id of strings(e.consequencesExclude!, 'consequencesExclude'))
      assert.ok(
        !consequenceIds.includes(id),
        `consequence ${id} must not appear; got: ${consequenceIds.join(', ')}`,
      );
  if ('consequences' in e) {
    for (const [id, fields] of Object.entries(e.consequences as Record<string, Json>)) {
      const item = consequences.find((x) => x.id === id);
      assert.ok(item, `consequence ${id} expected; got: ${consequenceIds.join(', ') || 'none'}`);
      assertPartial(item as unknown as Json, fields, `consequences[${id}]`);
    }
  }
}

describe('golden law cases (content/rules/cases/*.yaml)', () => {
  test('case names are unique full sentences', () => {
    const seen = new Set<string>();
    for (const c of CASES) {
      assert.ok(!seen.has(c.name), `duplicate case name: ${c.name}`);
      seen.add(c.name);
      assert.match(
        c.name,
        /^[A-Z].{20,}[^.]$/,
        `case name should be a sentence without a final period: ${c.name}`,
      );
    }
  });

  for (const c of CASES) {
    test(c.name, () => {
      if ('inconsistent' in c.expect) return refused(c);
      const { json } = run(c);
      check(c, json);
    });
  }
});

describe('every rule has a case', () => {
  // Coverage is measured on what the engine actually did for the cases, not on what they expect.
  const applied = new Set<string>();
  const variants = new Set<string>();
  const variantRegimes = new Set<string>();
  const optionIds = new Set<string>();
  for (const c of CASES) {
    let result: Assessment;
    try {
      result = run(c).raw;
    } catch {
      continue; // a case that does not even parse fails in its own test
    }
    for (const r of result.reasons) if (r.status === 'applies') applied.add(r.rule);
    for (const o of result.options) {
      variants.add(`${o.id}/${o.variant}`);
      variantRegimes.add(`${o.id}/${o.variant}/${o.regime}`);
      optionIds.add(o.id);
    }
  }

  test('every obligation rule decides at least one case', () => {
    const uncovered = OBLIGATION_RULES.map((r) => r.id).filter((id) => !applied.has(id));
    assert.deepEqual(uncovered, [], `obligation rules without a case: ${uncovered.join(', ')}`);
  });

  test('every option rule variant is offered in at least one case', () => {
    const uncovered = OPTION_RULES.map((r) => `${r.id}/${r.variant}`).filter((v) => !variants.has(v));
    assert.deepEqual(uncovered, [], `option rule variants without a case: ${uncovered.join(', ')}`);
  });

  test('every option rule variant for several acts is offered under each of them', () => {
    const uncovered = OPTION_RULES.flatMap((r) =>
      r.regimes.map((regime) => `${r.id}/${r.variant}/${regime}`),
    ).filter((v) => !variantRegimes.has(v));
    assert.deepEqual(uncovered, [], `option variants without a case under that act: ${uncovered.join(', ')}`);
  });

  test('every option id of the contract is offered in at least one case', () => {
    const uncovered = OPTION_IDS.filter((id) => !optionIds.has(id));
    assert.deepEqual(uncovered, [], `option ids without a case: ${uncovered.join(', ')}`);
  });

  test('both acts in force today have cases', () => {
    for (const regime of ['wi2013', 'wi2021']) {
      assert.ok(
        CASES.some((c) => c.expect.regime === regime),
        `no case expects regime ${regime}`,
      );
    }
  });
});
