// The message catalogs: every text the engine can ask for exists in the source language, every
// translation parses as ICU and uses the same placeholders, and nothing is left over.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IntlMessageFormat } from 'intl-messageformat';
import { readCatalog } from '#adapters/content/load-messages.ts';
import { CIRCUMSTANCES, DIPLOMAS, PERMIT_PURPOSES, ROUTES } from '#domain/facts/facts.ts';
import { EVIDENCE_IN_LETTER } from '#domain/letters/letters.ts';
import { QUESTIONS } from '#domain/questionnaire/questions.ts';
import { AFTER_TERM_RULES } from '#domain/rules/after-term.ts';
import { CONSEQUENCE_RULES } from '#domain/rules/consequences.ts';
import { REGIMES } from '#domain/rules/derive.ts';
import { OBLIGATION_RULES, OBLIGATIONS } from '#domain/rules/obligation.ts';
import { OPTION_IDS, OPTION_RULES } from '#domain/rules/options.ts';
import { LOCALES } from '#i18n/locales.ts';

const en = readCatalog('en');

function placeholders(message: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: unknown[]) => {
    for (const n of nodes as {
      type: number;
      value?: string;
      options?: Record<string, { value: unknown[] }>;
    }[]) {
      if (n.type !== 0 && n.type !== 7 && n.value) names.add(n.value);
      for (const o of Object.values(n.options ?? {})) walk(o.value);
    }
  };
  walk(new IntlMessageFormat(message, 'en', undefined, { ignoreTag: true }).getAst());
  return [...names].sort();
}

test('every key the engine and the check can ask for exists in English', () => {
  const keys = [
    ...OBLIGATION_RULES.map((r) => `rule.${r.id}`),
    ...REGIMES.map((r) => `rule.regime.${r}`),
    'rule.regime.wi2021.pip',
    ...REGIMES.map((r) => `regime.${r}`),
    ...OBLIGATIONS.map((o) => `obligation.${o}.title`),
    ...OPTION_IDS.map((id) => `option.${id}.title`),
    ...OPTION_RULES.flatMap((r) => [
      ...r.conditions.map((c) => `condition.${c}`),
      ...r.evidence.map((e) => `evidence.${e}`),
      `applyVia.${r.applyVia}`,
    ]),
    ...OPTION_RULES.flatMap((r) => r.remaining ?? []).map((p) => `part.${p}`),
    ...OPTION_RULES.map((r) => `timing.${r.timing}`),
    ...CONSEQUENCE_RULES.map((r) => `consequence.${r.id}`),
    ...AFTER_TERM_RULES.map((r) => `afterTerm.${r.id}`),
    ...QUESTIONS.map((q) => `question.${q.fact}.title`),
    ...QUESTIONS.filter((q) => q.dontKnow).map((q) => `question.${q.fact}.lookup`),
    ...PERMIT_PURPOSES.map((p) => `purpose.${p}`),
    ...DIPLOMAS.map((d) => `diploma.${d}`),
    ...CIRCUMSTANCES.map((c) => `circumstance.${c}`),
    ...ROUTES.map((r) => `route.${r}`),
    ...['DUO', 'municipality', 'IND'].map((b) => `decidedBy.${b}`),
    // Letters to DUO: the request of every option asked of DUO by post, its enclosures and notes.
    ...OPTION_RULES.filter(
      (r) =>
        r.decidedBy === 'DUO' &&
        ['duo-post', 'letter-to-duo', 'duo-ask-how'].includes(r.applyVia) &&
        r.timing !== 'automatic',
    ).flatMap((r) => [
      `letter.ground.${r.id}`,
      ...r.evidence
        .filter((e) => EVIDENCE_IN_LETTER[e] !== 'none')
        .map((e) => `letter.${EVIDENCE_IN_LETTER[e] === 'note' ? 'note' : 'enclosure'}.${e}`),
    ]),
  ];
  const missing = [...new Set(keys)].filter((k) => en[k] === undefined);
  assert.deepEqual(missing, []);
});

for (const locale of LOCALES) {
  test(`${locale}: parses as ICU, same placeholders as English, no unknown keys`, () => {
    const catalog = readCatalog(locale);
    if (locale === 'en' || locale === 'nl')
      assert.ok(Object.keys(catalog).length > 100, `${locale} catalog exists`);
    const problems: string[] = [];
    for (const [key, text] of Object.entries(catalog)) {
      if (key.startsWith('_meta.')) continue;
      if (en[key] === undefined) {
        problems.push(`${key}: not in en.json`);
        continue;
      }
      try {
        const mine = placeholders(text);
        const source = placeholders(en[key]);
        if (mine.join() !== source.join()) problems.push(`${key}: placeholders ${mine} ≠ ${source}`);
      } catch (error) {
        problems.push(`${key}: ${(error as Error).message}`);
      }
    }
    assert.deepEqual(problems, []);
    // The case desk is a staff tool in Dutch and English (issue 9): its `desk.*` texts need not be
    // in the other catalogs (the translator falls back to English).
    const staffOnly = (k: string) => k.startsWith('desk.') && locale !== 'nl';
    const missing = Object.keys(en).filter((k) => catalog[k] === undefined && !staffOnly(k));
    assert.deepEqual(missing, [], `${locale} lacks ${missing.length} interface strings`);
    assert.ok(
      ['authored', 'machine-assisted', 'reviewed'].includes(catalog['_meta.status'] ?? ''),
      '_meta.status',
    );
  });
}
