/**
 * Turns an assessment (codes, dates, sources) into the texts a person reads, in their language.
 * The web result page, the CLI and the PDF all render this one description.
 */
import type { Assessment, OptionResult, Reason } from '#domain/assess.ts';
import { compare, date } from '#domain/dates/plain-date.ts';
import type { FactName } from '#domain/facts/facts.ts';
import type { LegalSource } from '#domain/rulebook.ts';
import type { Change } from '#domain/what-would-change.ts';
import type { Translator } from './translate.ts';

export interface SourceText {
  text: string;
  url: string;
}

export interface OptionText {
  id: string;
  title: string;
  decidedBy: string;
  timing: string;
  extraTime?: string;
  partial?: string;
  conditions: string[];
  evidence: string[];
  form?: string;
  applyVia: string;
  caution?: string;
  toCheck?: string;
  canApplyNow: boolean;
  /** The window has closed (the term it would extend is over). */
  closed: boolean;
  availableFrom: string | null;
  source: SourceText;
}

export interface AfterTermText {
  title: string;
  lead: string;
  steps: { id: string; text: string; caution?: string; source: SourceText }[];
}

export interface AssessmentText {
  obligation: Assessment['obligation'];
  headline: string;
  headlineDetail?: string;
  regime?: string;
  term?: string;
  termEnd?: string;
  termEndCaution?: string;
  applyFrom?: string;
  /** The AOW age comes before the end of the term: the obligation ends with it (ask DUO). */
  aowBeforeTermEnd?: string;
  /** Obliged, but the end of the term is not known: how the term runs and where to find the date. */
  termUnknown?: string;
  /** The question whose answer gives the end of the term (to answer it after all). */
  termUnknownFact?: FactName;
  termPassed?: string;
  /** Once the term has passed: what happens now, to be read first. */
  afterTerm?: AfterTermText;
  reasons: { text: string; source: SourceText }[];
  options: OptionText[];
  noOptions?: string;
  consequences: { text: string; decidedBy: string; source: SourceText }[];
  changes: string[];
  lookups: { fact: FactName; text: string }[];
  disclaimer: string;
}

export function sourceText(t: Translator, s: LegalSource): SourceText {
  return {
    text: t.t('result.source', {
      law: s.law,
      article: s.article ?? 'none',
      checked: t.date(parseDate(s.lastChecked)),
    }),
    url: s.url,
  };
}

const parseDate = (iso: string) => date(iso);
/**
 * A sentence that ends in a question (the last fact's question title) ends there: "…in your PIP?",
 * not "…in your PIP?." (any script's question mark, then its full stop; isolation marks between).
 */
const endOnce = (s: string) =>
  s.replace(/([?\u061f\uff1f])([\u2066-\u2069]*)\s*[.\u06d4\u3002\u1362]$/u, '$1$2');
/** The facts that give the end of the term, the one to ask first first. */
const TERM_FACTS: readonly FactName[] = ['pipDate', 'termEndDate', 'obligationStartDate'];
/** The same when the act is not known yet: the permit date decides it first. */
const NO_ACT_FACTS: readonly FactName[] = ['permitDate', 'obligationStartDate', 'pipDate', 'termEndDate'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Message parameters with ISO dates written as the locale writes dates. */
function withDates(t: Translator, params: Readonly<Record<string, string | number>>) {
  const out: Record<string, string | number> = { ...params };
  for (const [k, v] of Object.entries(out))
    if (typeof v === 'string' && ISO.test(v)) out[k] = t.date(parseDate(v));
  return out;
}

function reasonText(t: Translator, r: Reason, asOf: Assessment['asOf']): string {
  // The act's reason says when the obligation started; a start still ahead (a minor, at 18) is not past.
  const start = r.params?.start;
  if (
    typeof start === 'string' &&
    ISO.test(start) &&
    start > asOf.toString() &&
    t.has(`rule.${r.rule}.future`)
  )
    return t.t(`rule.${r.rule}.future`, withDates(t, r.params ?? {}));
  // A rule that may apply can lack the facts its usual text names (an AOW date without a birth date);
  // with them it may be open for another reason (an AOW date the law leaves uncertain): `.uncertain`.
  if (r.status === 'possible' && r.params && t.has(`rule.${r.rule}.uncertain`))
    return t.t(`rule.${r.rule}.uncertain`, withDates(t, r.params));
  if (r.status === 'possible' && t.has(`rule.${r.rule}.possible`)) return t.t(`rule.${r.rule}.possible`);
  return t.t(`rule.${r.rule}`, withDates(t, r.params ?? {}));
}

function optionText(t: Translator, o: OptionResult): OptionText {
  const p = o.params;
  const fmt = (key: string) => t.t(key, p);
  let timing: string;
  if (o.closed && o.availableUntil) timing = t.t('timing.closed', { date: t.date(o.availableUntil) });
  else if (o.timing === 'apply-window' || o.timing === 'end-of-term') {
    if (!o.availableFrom) timing = t.t('timing.apply-window.unknown');
    else {
      const date = t.date(o.availableFrom);
      timing =
        o.timing === 'end-of-term'
          ? t.t('timing.end-of-term', { date })
          : t.t(o.canApplyNow ? 'timing.apply-window.now' : 'timing.apply-window', { date });
    }
  } else timing = t.t(`timing.${o.timing}`);
  let extraTime: string | undefined;
  const x = o.extraTime;
  if (x?.rule) extraTime = t.t(`extraTime.${x.rule}`);
  else if (x?.minMonths !== undefined)
    extraTime = t.t('extraTime.range', { minMonths: x.minMonths, maxMonths: x.maxMonths });
  else if (x?.weeks) extraTime = t.t('extraTime.weeks', { weeks: x.weeks });
  else if (x?.months) extraTime = t.t('extraTime.months', { months: x.months });
  else if (x?.years) extraTime = t.t('extraTime.years', { years: x.years });
  return {
    id: o.id,
    title: t.t(`option.${o.id}.title`),
    decidedBy: t.t(`decidedBy.${o.decidedBy}`),
    timing,
    ...(extraTime ? { extraTime } : {}),
    ...(o.scope === 'partial' && o.remaining
      ? {
          partial: t.t('option.scope.partial', {
            remaining: t.list(o.remaining.map((r) => t.t(`part.${r}`))),
          }),
        }
      : {}),
    conditions: o.conditions.map((c) => fmt(`condition.${c}`)),
    evidence: o.evidence.map((e) => fmt(`evidence.${e}`)),
    ...(o.form ? { form: t.t('form', { form: o.form }) } : {}),
    applyVia: t.t(`applyVia.${o.applyVia}`, p),
    ...(o.confirmed ? {} : { caution: t.t('option.unconfirmed') }),
    ...(o.toCheck.length
      ? {
          toCheck: endOnce(
            t.t('option.toCheck', { facts: t.list(o.toCheck.map((f) => t.t(`question.${f}.title`))) }),
          ),
        }
      : {}),
    canApplyNow: o.canApplyNow,
    closed: o.closed !== null,
    availableFrom: o.availableFrom ? t.date(o.availableFrom) : null,
    source: sourceText(t, o.source),
  };
}

/**
 * The obligation in one line. Unknown with nothing left to ask (the rules themselves are open,
 * e.g. an AOW date no law has fixed yet): more answers will not help, so it must not ask for them.
 */
export function obligationTitle(
  t: Translator,
  a: Pick<Assessment, 'obligation' | 'obligationMissing'>,
): string {
  return obligationTitleOf(t, a.obligation, a.obligation === 'unknown' && a.obligationMissing.length === 0);
}

/**
 * The same from a stored answer summary (the case desk keeps `obligationOpen`, not the missing
 * facts): `open` is true when the obligation is unknown with nothing left to ask.
 */
export function obligationTitleOf(t: Translator, obligation: string, open: boolean): string {
  return obligation === 'unknown' && open
    ? t.t('obligation.unknown-open.title')
    : t.t(`obligation.${obligation}.title`);
}

/**
 * The answer's first line and the sentence under it, as the result page and the case desk show
 * them: the obligation's title, or the deciding rule's own headline ("Not yet: …") when the
 * catalog has `headline.<rule id>`.
 */
export function headlineOf(t: Translator, a: Assessment): { headline: string; detail?: string } {
  const open = a.obligation === 'unknown' && a.obligationMissing.length === 0;
  let headline = obligationTitle(t, a);
  let detail: string | undefined;
  if (t.has(`obligation.${a.obligation}.text`)) detail = t.t(`obligation.${a.obligation}.text`);
  if (open) detail = t.t('obligation.unknown-open.text');
  const decided = a.reasons.find((r) => r.status === 'applies' && t.has(`headline.${r.rule}`));
  if (decided) {
    // `start`: the day the obligation starts (a minor's headline names it), unless the rule has its own.
    const params: Record<string, string | number> = {
      ...(a.obligationStart ? { start: a.obligationStart.toString() } : {}),
      ...(decided.params ?? {}),
    };
    for (const [k, v] of Object.entries(params))
      if (typeof v === 'string' && ISO.test(v)) params[k] = t.date(parseDate(v));
    headline = t.t(`headline.${decided.rule}`, params);
    if (t.has(`headline.${decided.rule}.text`)) detail = t.t(`headline.${decided.rule}.text`);
  }
  return detail === undefined ? { headline } : { headline, detail };
}

export function describeAssessment(
  t: Translator,
  a: Assessment,
  changes: readonly Change[] = [],
  dontKnow: readonly FactName[] = [],
): AssessmentText {
  // Unknown with nothing left to ask: what may apply is open in the rules, not waiting for answers.
  const open = a.obligation === 'unknown' && a.obligationMissing.length === 0;
  const possible = t.t(open ? 'result.possible.open' : 'result.possible');
  const text: AssessmentText = {
    obligation: a.obligation,
    headline: '',
    reasons: a.reasons.map((r) => ({
      text: r.status === 'possible' ? `${possible} ${reasonText(t, r, a.asOf)}` : reasonText(t, r, a.asOf),
      source: sourceText(t, r.source),
    })),
    options: a.options.map((o) => optionText(t, o)),
    consequences: a.consequences.map((c) => {
      return {
        text: t.t(`consequence.${c.id}`, withDates(t, c.params)),
        decidedBy: t.t(`decidedBy.${c.decidedBy}`),
        source: sourceText(t, c.source),
      };
    }),
    changes: changes.map((c) => t.t(`change.${c.id}`, c.params)),
    lookups: dontKnow
      .filter((f) => t.has(`question.${f}.lookup`))
      .map((f) => ({ fact: f, text: t.t(`question.${f}.lookup`) })),
    disclaimer: t.t('result.disclaimer'),
  };
  const top = headlineOf(t, a);
  text.headline = top.headline;
  if (top.detail) text.headlineDetail = top.detail;
  if (a.regime) text.regime = t.t('result.regime', { regime: t.t(`regime.${a.regime}`) });
  if (a.termStart && a.termEnd)
    text.term = t.t('result.term', { start: t.date(a.termStart), end: t.date(a.termEnd) });
  if (a.termEnd) {
    text.termEnd = t.t('result.termEnd', { end: t.date(a.termEnd), relative: t.relative(a.termEnd, a.asOf) });
    if (a.termEndBasis === 'estimate') text.termEndCaution = t.t('result.termEnd.estimate');
  }
  // Reaching AOW age ends the obligation: a term that ends later should not read as the deadline.
  if (
    a.obligation === 'obliged' &&
    a.termEnd &&
    a.aowDate &&
    compare(a.aowDate, a.asOf) > 0 &&
    compare(a.aowDate, a.termEnd) <= 0
  )
    text.aowBeforeTermEnd = t.t('result.aowBeforeTermEnd', {
      aowDate: t.date(a.aowDate),
      end: t.date(a.termEnd),
    });
  // Obliged, but the end of the term hangs on a date not given (the PIP date, DUO's letter): say how
  // the term runs and where the date is, so nobody reads "no date" as "no deadline".
  // Without a permit date the act is not known either: the term is told in general.
  const termKey = a.regime ? `result.termUnknown.${a.regime}` : 'result.termUnknown.noAct';
  if (a.obligation === 'obliged' && !a.termEnd && t.has(termKey)) {
    text.termUnknown = t.t(termKey);
    const fact = (a.regime ? TERM_FACTS : NO_ACT_FACTS).find((f) => a.missing.includes(f));
    if (fact) text.termUnknownFact = fact;
  }
  if (a.applyFrom)
    text.applyFrom = t.t('result.applyFrom', {
      date: t.date(a.applyFrom),
      relative: t.relative(a.applyFrom, a.asOf),
    });
  if (a.termPassed) text.termPassed = t.t('result.termPassed');
  if (a.afterTerm.length > 0 && a.termEnd)
    text.afterTerm = {
      title: t.t('result.afterTerm.title'),
      lead: t.t('result.afterTerm.lead', { end: t.date(a.termEnd), relative: t.relative(a.termEnd, a.asOf) }),
      steps: a.afterTerm.map((s) => ({
        id: s.id,
        text: t.t(`afterTerm.${s.id}`, withDates(t, s.params)),
        ...(s.confirmed ? {} : { caution: t.t('option.unconfirmed') }),
        source: sourceText(t, s.source),
      })),
    };
  // With the act open (ADR 017) the routes depend on it: say so rather than "none fits".
  const actOpen = a.reasons.some((r) => r.rule.startsWith('regime.open.'));
  if (a.options.length === 0 && a.obligation === 'obliged')
    text.noOptions = t.t(actOpen ? 'result.options.actOpen' : 'result.options.none');
  return text;
}
