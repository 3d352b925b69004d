/** Plain-text rendering of a described assessment, for the terminal. */
import type { AssessmentText } from '#i18n/describe-assessment.ts';
import type { Translator } from '#i18n/translate.ts';

export function renderResultText(d: AssessmentText, t: Translator): string {
  const out: string[] = [];
  const section = (title: string) => out.push('', title, '-'.repeat(title.length));
  out.push(`== ${t.t('result.heading')} ==`, '', d.headline);
  if (d.headlineDetail) out.push(d.headlineDetail);
  for (const line of [
    d.regime,
    d.term,
    d.termEnd,
    d.termEndCaution,
    d.aowBeforeTermEnd,
    d.termUnknown,
    d.applyFrom,
    d.termPassed,
  ])
    if (line) out.push(line);
  if (d.afterTerm) {
    section(d.afterTerm.title);
    out.push(d.afterTerm.lead);
    d.afterTerm.steps.forEach((s, i) => {
      out.push(`${i + 1}. ${s.text}`);
      if (s.caution) out.push(`   ${s.caution}`);
      out.push(`   ${s.source.text} ${s.source.url}`);
    });
  }

  section(t.t('result.why'));
  for (const r of d.reasons) out.push(`* ${r.text}`, `  ${r.source.text} ${r.source.url}`);

  if (d.options.length || d.noOptions) section(t.t('result.options'));
  if (d.noOptions) out.push(d.noOptions);
  for (const o of d.options) {
    out.push(`* ${o.title}`, `  ${o.decidedBy} ${o.timing}`);
    for (const line of [o.extraTime, o.partial, o.caution, o.toCheck]) if (line) out.push(`  ${line}`);
    for (const c of o.conditions) out.push(`  - ${c}`);
    for (const e of o.evidence) out.push(`  + ${e}`);
    if (o.form) out.push(`  ${o.form}`);
    out.push(`  ${o.applyVia}`, `  ${o.source.text} ${o.source.url}`);
  }

  if (d.consequences.length) section(t.t('result.consequences'));
  for (const c of d.consequences) out.push(`* ${c.text} ${c.decidedBy}`);

  if (d.changes.length) section(t.t('result.changes'));
  for (const c of d.changes) out.push(`* ${c}`);

  if (d.lookups.length) section(t.t('result.lookup'));
  for (const l of d.lookups) out.push(`* ${l.text}`);

  out.push('', d.disclaimer);
  return out.join('\n');
}
