/** `wegwijs rules`: the rule book, every rule and parameter with its legal source and last-checked date. */

import { type LegalSource, PARAMETER_IDS, type RuleBook } from '#domain/rulebook.ts';
import type { Translator } from '#i18n/translate.ts';

export interface RuleBookEntry {
  kind: 'obligation' | 'option' | 'parameter';
  id: string;
  text: string;
  regimes?: readonly string[];
  decidedBy?: string;
  values?: { from: string; value: unknown }[];
  source: LegalSource;
}

export function ruleBookEntries(book: RuleBook, t: Translator): RuleBookEntry[] {
  const src = (id: string) => book.sources[id]!;
  return [
    ...book.rules.obligation.map((r) => ({
      kind: 'obligation' as const,
      id: r.id,
      text: t.t(`rule.${r.id}`, { age: 18, years: 8, aowDate: 'AOW' }),
      source: src(r.source),
    })),
    ...book.rules.options.map((r) => ({
      kind: 'option' as const,
      id: `${r.id}/${r.variant}`,
      text: t.t(`option.${r.id}.title`),
      regimes: r.regimes,
      decidedBy: r.decidedBy,
      source: src(r.source),
    })),
    ...PARAMETER_IDS.map((id) => {
      const p = book.parameters[id];
      return {
        kind: 'parameter' as const,
        id,
        text: p.description,
        values: p.values.map((v) => ({ from: String(v.from), value: v.value })),
        source: src(p.source),
      };
    }),
  ];
}

export function formatRuleBook(entries: readonly RuleBookEntry[], version: string): string {
  const lines = [`Wegwijs rule book ${version}`, ''];
  for (const e of entries) {
    const s = e.source;
    lines.push(`[${e.kind}] ${e.id}${e.regimes ? ` (${e.regimes.join(', ')}; ${e.decidedBy} decides)` : ''}`);
    lines.push(`  ${e.text}`);
    if (e.values) {
      for (const v of e.values)
        lines.push(
          `  from ${v.from}: ${typeof v.value === 'object' ? JSON.stringify(v.value) : String(v.value)}`,
        );
    }
    lines.push(
      `  source: ${s.law}${s.article ? `, ${s.article}` : ''} — ${s.url} (checked ${s.lastChecked}${s.confirmed ? '' : '; UNCONFIRMED: ask DUO'})`,
    );
    lines.push('');
  }
  return lines.join('\n');
}
