// Rule sets as values: two versions side by side in one process, and a rulesVersion that moves
// with the rule data and with the engine code (the case desk's impact report depends on both).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { assess } from '#domain/assess.ts';
import { date } from '#domain/dates/plain-date.ts';
import type { Facts } from '#domain/facts/facts.ts';
import { RULES } from '#domain/rules/rule-data.ts';
import {
  buildRuleSet,
  bundledRuleSetInput,
  ContentError,
  loadRuleSet,
  readRuleBookFiles,
  ruleCodeVersion,
} from './load-rulebook.ts';

const asOf = date('2026-03-01');
const person: Facts = {
  nationality: 'SY',
  familyOfEeaCitizen: false,
  birthDate: date('1990-05-01'),
  permitPurpose: 'family',
  permitDate: date('2023-02-01'),
  schoolYearsInNL: 7,
  diplomas: [],
  hasIntegrationDiploma: false,
};

/** The bundled content with one parameter's values replaced. */
function filesWith(parameter: string, values: Record<string, unknown>) {
  const files = readRuleBookFiles();
  const parameters = structuredClone(files.parameters) as Record<string, { values: unknown }>;
  parameters[parameter]!.values = values;
  return { ...files, parameters };
}

test('two rule sets run side by side: a changed parameter gives another answer for the same facts', () => {
  const current = loadRuleSet();
  const proposed = buildRuleSet({ files: filesWith('schoolYears.minimum', { '2013-01-01': 7 }) });
  assert.notEqual(proposed.version, current.version);
  assert.notEqual(proposed.contentVersion, current.contentVersion);
  assert.equal(proposed.codeVersion, current.codeVersion);
  // Interleaved, to show neither set leaks into the other.
  for (let i = 0; i < 2; i++) {
    const before = assess(person, asOf, current);
    const after = assess(person, asOf, proposed);
    assert.equal(before.obligation, 'obliged');
    assert.equal(before.rulesVersion, current.version);
    assert.equal(after.obligation, 'not-obliged');
    assert.equal(after.reasons[0]?.rule, 'not-obliged.school-years');
    assert.deepEqual(after.reasons[0]?.params, { years: 7 });
    assert.equal(after.rulesVersion, proposed.version);
  }
});

test('two rule sets run side by side: a changed rule gives another answer and another version', () => {
  const current = loadRuleSet();
  const withoutFamilyRule = buildRuleSet({
    files: readRuleBookFiles(),
    rules: {
      ...RULES,
      obligation: RULES.obligation.filter((r) => r.id !== 'not-obliged.family-of-eea-citizen'),
    },
  });
  const family = { ...person, familyOfEeaCitizen: true, schoolYearsInNL: 0 };
  assert.equal(assess(family, asOf, current).obligation, 'not-obliged');
  assert.equal(assess(family, asOf, withoutFamilyRule).obligation, 'obliged');
  assert.notEqual(withoutFamilyRule.version, current.version);
  assert.notEqual(withoutFamilyRule.contentVersion, current.contentVersion);
});

test('a changed option or consequence rule changes the version and the options offered', () => {
  const current = loadRuleSet();
  const noBirthExtension = buildRuleSet({
    files: readRuleBookFiles(),
    rules: { ...RULES, options: RULES.options.filter((r) => r.id !== 'extension-birth') },
  });
  const mother = {
    ...person,
    schoolYearsInNL: 0,
    pipDate: date('2023-06-01'),
    circumstances: ['birth'] as const,
  };
  const ids = (book: typeof current) => assess(mother, asOf, book).options.map((o) => o.id);
  assert.ok(ids(current).includes('extension-birth'));
  assert.ok(!ids(noBirthExtension).includes('extension-birth'));
  assert.notEqual(noBirthExtension.version, current.version);
});

test('the version is the same for the same rule data and code, whatever the YAML layout', () => {
  const a = buildRuleSet({ files: readRuleBookFiles() });
  const files = readRuleBookFiles();
  // Same data, keys in another order: the hash is over canonical JSON, not over the text.
  const reordered = Object.fromEntries(Object.entries(files.parameters as object).reverse());
  const b = buildRuleSet({ files: { ...files, parameters: reordered } });
  assert.equal(a.version, b.version);
  assert.match(a.version, /^rules-[0-9a-f]{12}$/);
});

test('rulesVersion covers the engine code: another code version, another rulesVersion', () => {
  const files = readRuleBookFiles();
  const one = buildRuleSet({ files, codeVersion: 'code-1' });
  const two = buildRuleSet({ files, codeVersion: 'code-2' });
  assert.equal(one.contentVersion, two.contentVersion);
  assert.notEqual(one.version, two.version);
});

const copy = mkdtempSync(join(tmpdir(), 'wegwijs-domain-'));
after(() => rmSync(copy, { recursive: true, force: true }));

test('the code version is a hash of the rule modules: editing one changes it, a test file does not', () => {
  cpSync(fileURLToPath(new URL('../../domain/', import.meta.url)), copy, { recursive: true });
  const before = ruleCodeVersion(copy);
  assert.equal(before, ruleCodeVersion(copy), 'stable');
  writeFileSync(join(copy, 'rules', 'cut-offs.test.ts'), '// a test changed\n');
  assert.equal(ruleCodeVersion(copy), before, 'tests are not rule code');
  const derive = join(copy, 'rules', 'derive.ts');
  writeFileSync(derive, `${readFileSync(derive, 'utf8')}\n// a changed derivation\n`);
  assert.notEqual(ruleCodeVersion(copy), before);
});

test('a rule that names an unknown source, parameter or option is refused at load', () => {
  const broken = {
    ...RULES,
    obligation: [
      {
        ...RULES.obligation[0]!,
        source: 'no-such-source',
        params: { x: { parameter: 'no.such' as 'age.minimum' } },
      },
      ...RULES.obligation.slice(1),
    ],
    undecided: { options: ['no-such-option' as 'afschalen-a2'], consequences: false },
  };
  assert.throws(
    () => buildRuleSet({ files: readRuleBookFiles(), rules: broken }),
    (e: Error) =>
      e instanceof ContentError &&
      /unknown source "no-such-source"/.test(e.message) &&
      /unknown parameter "no.such"/.test(e.message) &&
      /no option rule "no-such-option"/.test(e.message),
  );
});

test('"send the form" without a form, or an UNCONFIRMED rule made automatic, is refused at load', () => {
  const efforts = RULES.options.findIndex((o) => o.id === 'extension-efforts' && o.variant === 'wi2021');
  const voluntary = RULES.options.findIndex((o) => o.id === 'voluntary-integration');
  const options = [...RULES.options];
  options[efforts] = { ...options[efforts]!, timing: 'automatic', applyVia: 'automatic' };
  options[voluntary] = { ...options[voluntary]!, applyVia: 'duo-post' };
  assert.throws(
    () => buildRuleSet({ files: readRuleBookFiles(), rules: { ...RULES, options } }),
    (e: Error) =>
      e instanceof ContentError &&
      /extension-efforts\/wi2021\/timing: an UNCONFIRMED rule cannot be automatic/.test(e.message) &&
      /voluntary-integration\/not-obliged\/applyVia: duo-post names no form/.test(e.message),
  );
});

test('a stored rule set (plain JSON) rebuilds to the same version and the same answers', () => {
  const stored = JSON.parse(JSON.stringify(bundledRuleSetInput()));
  const rebuilt = buildRuleSet(stored);
  const current = loadRuleSet();
  assert.equal(rebuilt.version, current.version);
  const mother = {
    ...person,
    schoolYearsInNL: 0,
    pipDate: date('2023-06-01'),
    circumstances: ['birth'] as const,
  };
  assert.deepEqual(assess(mother, asOf, rebuilt), assess(mother, asOf, current));
});
