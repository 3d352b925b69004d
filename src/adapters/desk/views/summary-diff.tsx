/**
 * How an answer moved, part by part ("was → now"): on the Rule changes page for each person, and
 * on a person's page under "The answer changed since you last looked".
 */
import { Temporal } from '#domain/dates/plain-date.ts';
import type { AnswerSummary } from '#domain/desk/model.ts';
import { obligationTitleOf } from '#i18n/describe-assessment.ts';
import type { DeskContext } from './desk-layout.tsx';

export const SUMMARY_FIELDS = ['obligation', 'regime', 'termEnd', 'applyFrom', 'options'] as const;
type Field = (typeof SUMMARY_FIELDS)[number];

export function movedFields(before: AnswerSummary, after: AnswerSummary): Field[] {
  // The obligation reads differently when the rules leave it open ("ask DUO"): that is part of it.
  const value = (s: AnswerSummary, f: Field) =>
    f === 'obligation' ? [s.obligation, !!s.obligationOpen] : (s[f] ?? null);
  return SUMMARY_FIELDS.filter((f) => JSON.stringify(value(before, f)) !== JSON.stringify(value(after, f)));
}

/** A list of the parts that moved; nothing when none of them did. */
export function SummaryDiff({
  ctx,
  before,
  after,
}: {
  ctx: DeskContext;
  before: AnswerSummary;
  after: AnswerSummary;
}) {
  const { t } = ctx;
  const moved = movedFields(before, after);
  if (!moved.length) return null;
  const show = (field: Field, s: AnswerSummary): string => {
    switch (field) {
      case 'obligation':
        return obligationTitleOf(t, s.obligation, !!s.obligationOpen);
      case 'regime':
        return s.regime ? t.t(`regime.${s.regime}`) : '–';
      case 'termEnd':
      case 'applyFrom': {
        const d = s[field];
        return d ? t.date(Temporal.PlainDate.from(d)) : '–';
      }
      case 'options':
        return s.options.length ? s.options.map((o) => t.t(`option.${o}.title`)).join('; ') : '–';
    }
  };
  const label = (field: Field) =>
    ({
      obligation: t.t('desk.impact.obligation'),
      regime: t.t('desk.filter.act'),
      termEnd: t.t('ui.result.termEnd'),
      applyFrom: t.t('ui.result.applyFrom'),
      options: t.t('result.options'),
    })[field];
  return (
    <dl>
      {moved.map((f) => (
        <div key={f}>
          <dt>{label(f)}</dt>
          <dd>
            {show(f, before)} → {show(f, after)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
