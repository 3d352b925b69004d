// Rule ids carry no values (issue 7, point 5): an amount, an age, a period or a cut-off date lives
// in content/rules/parameters.yaml only, so an id like `fine-1250` or `turkish-before-2020-05`
// would be wrong the day the parameter changes. An id may name an act (wi2007, wi2013, wi2021), a
// language level (A2, B1, B2) or the NT2 exam, nothing else with a digit.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RULES } from '#domain/rules/rule-data.ts';

/** Names that contain digits but are no values: acts, language levels, the NT2 exam. */
const NAMES = /wi20(?:07|13|21)|(?<![a-z0-9])(?:a2|b1|b2|nt2)(?![a-z0-9])/gi;

/** The ids of a rule set: every `id` string anywhere in the rule data. */
export function ruleIds(data: unknown): string[] {
  const ids = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const { id } = v as { id?: unknown };
      if (typeof id === 'string') ids.add(id);
      Object.values(v).forEach(walk);
    }
  };
  walk(data);
  return [...ids].sort();
}

/** Ids with a number in them that is not a name. */
export const idsWithValues = (ids: readonly string[]): string[] =>
  ids.filter((id) => /\d/.test(id.replace(NAMES, '')));

test('rule ids carry no values: no amount, age, period or date in an obligation, option, consequence or act id', () => {
  const ids = ruleIds(RULES);
  assert.ok(ids.length >= 40, `found only ${ids.length} rule ids`);
  assert.deepEqual(idsWithValues(ids), []);
});

test('the id check catches values and lets names through', () => {
  assert.deepEqual(
    idsWithValues([
      'fine-1250',
      'not-obliged.turkish-before-2020-05',
      'exempt.nt2-or-entree-before-2015',
      'fine.wi2013.table',
      'afschalen-a2',
      'exempt.nt2-or-entree-full-vrijstelling',
    ]),
    ['fine-1250', 'not-obliged.turkish-before-2020-05', 'exempt.nt2-or-entree-before-2015'],
  );
});
