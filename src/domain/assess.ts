/**
 * One assessment: what civic integration means for this person on `asOf`. Pure: the caller
 * supplies the facts, the date and the rule book; the result is plain data with codes, dates,
 * amounts and legal sources, never sentences (texts come from the message catalogs).
 */
import { isBefore, type PlainDate, plus } from './dates/plain-date.ts';
import { type EvalContext, evaluate, factsInMask, maskOf } from './engine/conditions.ts';
import type { FactName, Facts } from './facts/facts.ts';
import { type LegalSource, type ParameterId, type RuleBook, sourceOf, valueOn } from './rulebook.ts';
import { type ConsequenceItem, consequences } from './rules/consequences.ts';
import { type Derivation, type DerivedValues, derive, type Regime } from './rules/derive.ts';
import { OBLIGATION_RULES, type Obligation, type ObligationRule } from './rules/obligation.ts';
import {
  type DecidingBody,
  OPTION_RULES,
  type OptionId,
  type OptionRule,
  type Timing,
} from './rules/options.ts';

export interface Reason {
  /** Stable rule id, e.g. `not-obliged.eea-national`; the message key of its explanation. */
  rule: string;
  /** `applies`: this rule decided; `possible`: it may apply once the missing facts are known. */
  status: 'applies' | 'possible';
  source: LegalSource;
  params?: Record<string, string | number>;
}

export interface ExtraTime {
  years?: number;
  months?: number;
  weeks?: number;
  minMonths?: number;
  maxMonths?: number;
  /** `decided-by-duo` when the law gives no fixed length. */
  rule?: string;
}

export interface OptionResult {
  id: OptionId;
  variant: string;
  decidedBy: DecidingBody;
  regime: Regime | null;
  timing: Timing;
  /** The first day it can be requested (null: now, or not by application). */
  availableFrom: PlainDate | null;
  canApplyNow: boolean;
  extraTime: ExtraTime | null;
  scope?: 'full' | 'partial';
  remaining?: readonly string[];
  conditions: readonly string[];
  evidence: readonly string[];
  form: string | null;
  applyVia: OptionRule['applyVia'];
  /** Facts still to check before this option surely fits. */
  toCheck: FactName[];
  confirmed: boolean;
  params: Record<string, number>;
  source: LegalSource;
}

export interface Assessment {
  asOf: PlainDate;
  regime: Regime | null;
  obligation: Obligation;
  termStart: PlainDate | null;
  termEnd: PlainDate | null;
  applyFrom: PlainDate | null;
  /** How the end date was found; `estimate` means a DUO letter may give another date. */
  termEndBasis: 'duo-letter' | 'computed' | 'estimate' | null;
  termPassed: boolean | null;
  obligationStart: PlainDate | null;
  aowDate: PlainDate | null;
  options: OptionResult[];
  consequences: (Omit<ConsequenceItem, 'source'> & { source: LegalSource })[];
  missing: FactName[];
  reasons: Reason[];
  rulesVersion: string;
}

interface ObligationDecision {
  obligation: Obligation;
  decidedBy: ObligationRule | undefined;
  possible: ObligationRule[];
  missing: number;
}

/** First match wins; an unknown rule before it leaves the answer open unless every open path ends the same. */
export function decideObligation(ctx: EvalContext<DerivedValues>): ObligationDecision {
  const outcomes = new Set<Obligation>();
  const possible: ObligationRule[] = [];
  let missing = 0;
  for (const rule of OBLIGATION_RULES) {
    const r = evaluate(rule.when, ctx);
    if (r.value === true) {
      outcomes.add(rule.decides);
      if (outcomes.size === 1) return { obligation: rule.decides, decidedBy: rule, possible, missing: 0 };
      return { obligation: 'unknown', decidedBy: undefined, possible: [...possible, rule], missing };
    }
    if (r.value === undefined) {
      outcomes.add(rule.decides);
      possible.push(rule);
      missing |= r.missing;
    }
  }
  return { obligation: 'unknown', decidedBy: undefined, possible, missing };
}

export function contextFor(
  facts: Facts,
  asOf: PlainDate,
  book: RuleBook,
  withTerm = true,
): {
  ctx: EvalContext<DerivedValues>;
  derivation: Derivation;
} {
  const derivation = derive(facts, asOf, book, withTerm);
  const ctx: EvalContext<DerivedValues> = {
    facts,
    derived: derivation.values,
    threshold: (id) => valueOn(book, id as ParameterId, asOf) as number,
  };
  return { ctx, derivation };
}

/** Only the obligation (and which rule decided it): the fast path for bulk checks and the benchmark. */
export function obligationOf(facts: Facts, asOf: PlainDate, book: RuleBook): ObligationDecision {
  return decideObligation(contextFor(facts, asOf, book, false).ctx);
}

const CAN_HAVE_OPTIONS: readonly Obligation[] = ['obliged', 'exempt', 'unknown'];
/** Not-obliged people for whom the integration exam can still matter (permanent permit, naturalisation). */
const VOLUNTARY_AFTER: ReadonlySet<string> = new Set([
  'not-obliged.temporary-purpose',
  'not-obliged.temporary-protection',
  'not-obliged.turkish-before-2020-05',
  'not-obliged.turkish-non-asylum-before-2022',
]);

export function assess(facts: Facts, asOf: PlainDate, book: RuleBook): Assessment {
  const { ctx, derivation } = contextFor(facts, asOf, book);
  const decision = decideObligation(ctx);
  const { obligation } = decision;
  const regime = derivation.values.regime.value ?? null;
  const { term } = derivation;
  let missing = decision.missing;

  const reasons: Reason[] = [];
  const reason = (rule: string, status: Reason['status'], source: string, params?: Reason['params']) =>
    reasons.push({ rule, status, source: sourceOf(book, source), ...(params ? { params } : {}) });

  if (decision.decidedBy)
    reason(
      decision.decidedBy.id,
      'applies',
      decision.decidedBy.source,
      obligationParams(decision.decidedBy, derivation, book, asOf),
    );
  else
    for (const r of decision.possible)
      reason(r.id, 'possible', r.source, obligationParams(r, derivation, book, asOf));

  const inScope = obligation !== 'not-obliged';
  if (inScope && regime) {
    reason(`regime.${regime}`, 'applies', regime === 'wi2007' ? 'regime-wi2007' : 'transition-wi2021', {
      start: String(derivation.values.obligationStart.value),
      basis: derivation.values.startBasis.value ?? '',
    });
  }
  if (inScope && !regime) missing |= maskOf('permitDate', 'obligationStartDate');

  const showTerm = obligation === 'obliged' || obligation === 'unknown';
  if (showTerm && regime) {
    missing |= termMissing(facts, regime, derivation);
    if (term.end) {
      const termSource =
        regime === 'wi2021' ? 'term-wi2021' : regime === 'wi2013' ? 'term-wi2013' : 'term-wi2007';
      reason(`term.${regime}.${term.endBasis}`, 'applies', termSource, { end: String(term.end) });
    }
  }

  const options: OptionResult[] = [];
  if (CAN_HAVE_OPTIONS.includes(obligation) && regime) {
    const seen = new Set<OptionId>();
    for (const rule of OPTION_RULES) {
      if (seen.has(rule.id) || !rule.regimes.includes(regime)) continue;
      // Exempt already: only the vrijstelling itself is a route left to take.
      if (obligation === 'exempt' && !rule.id.startsWith('vrijstelling')) continue;
      const trigger = evaluate(rule.trigger, ctx);
      if (trigger.value === undefined) missing |= trigger.missing;
      if (trigger.value !== true) continue;
      const requires = rule.requires ? evaluate(rule.requires, ctx) : { value: true, missing: 0 };
      if (requires.value === false) continue;
      missing |= requires.missing;
      seen.add(rule.id);
      options.push(optionResult(rule, regime, derivation, asOf, book, requires.missing));
    }
  }
  if (obligation === 'not-obliged' && decision.decidedBy && VOLUNTARY_AFTER.has(decision.decidedBy.id)) {
    options.push(voluntaryOption(book));
  }

  return {
    asOf,
    regime: obligation === 'not-obliged' ? null : regime,
    obligation,
    termStart: showTerm ? (term.start ?? null) : null,
    termEnd: showTerm ? (term.end ?? null) : null,
    applyFrom: showTerm ? (term.applyFrom ?? null) : null,
    termEndBasis: showTerm ? (term.endBasis ?? null) : null,
    termPassed: showTerm && term.end ? isBefore(term.end, asOf) : null,
    obligationStart: derivation.values.obligationStart.value ?? null,
    aowDate: derivation.aow?.date ?? null,
    options,
    consequences:
      obligation === 'obliged' && regime
        ? consequences(facts, regime, term, book, asOf).map((c) => ({
            ...c,
            source: sourceOf(book, c.source),
          }))
        : [],
    missing: factsInMask(missing).filter((f) => facts[f] === undefined),
    reasons,
    rulesVersion: book.version,
  };
}

function termMissing(facts: Facts, regime: Regime, derivation: Derivation): number {
  if (facts.termEndDate) return 0;
  // Wi2021: the term hangs on the PIP date only.
  if (regime === 'wi2021') return maskOf('pipDate');
  // Wi2013: the DUO letter's start date (it can also move the regime) and end date (extensions).
  let mask = maskOf('termEndDate');
  if (derivation.values.startBasis.value !== 'duo-letter') mask |= maskOf('obligationStartDate');
  return mask;
}

function obligationParams(
  rule: ObligationRule,
  d: Derivation,
  book: RuleBook,
  asOf: PlainDate,
): Record<string, string | number> | undefined {
  switch (rule.id) {
    case 'not-obliged.aow-age':
      return d.aow ? { aowDate: String(d.aow.date), estimated: d.aow.estimated ? 1 : 0 } : undefined;
    case 'not-obliged.under-minimum-age':
      return { age: valueOn(book, 'age.minimum', asOf) };
    case 'not-obliged.school-years':
      return { years: valueOn(book, 'schoolYears.minimum', asOf) };
    case 'exempt.minor-in-compulsory-education':
      return { age: valueOn(book, 'age.practicalStart', asOf) };
    default:
      return undefined;
  }
}

function optionResult(
  rule: OptionRule,
  regime: Regime,
  d: Derivation,
  asOf: PlainDate,
  book: RuleBook,
  toCheckMask: number,
): OptionResult {
  const { term } = d;
  let availableFrom: PlainDate | null = null;
  if (rule.timing === 'apply-window' || rule.timing === 'end-of-term') availableFrom = term.applyFrom ?? null;
  if (rule.timing === 'after-term') availableFrom = term.end ? plus(term.end, { days: 1 }) : null;
  const byApplication = rule.timing !== 'automatic';
  const windowKnown = rule.timing === 'any-time' || availableFrom !== null;
  const params: Record<string, number> = {};
  for (const [name, id] of Object.entries(rule.params ?? {}))
    params[name] = valueOn(book, id, asOf) as number;
  return {
    id: rule.id,
    variant: rule.variant,
    decidedBy: rule.decidedBy,
    regime,
    timing: rule.timing,
    availableFrom,
    canApplyNow: byApplication && windowKnown && (availableFrom === null || !isBefore(asOf, availableFrom)),
    extraTime: extraTime(rule, book, asOf),
    ...(rule.scope ? { scope: rule.scope } : {}),
    ...(rule.remaining ? { remaining: rule.remaining } : {}),
    conditions: rule.conditions,
    evidence: rule.evidence,
    form: rule.form ?? null,
    applyVia: rule.applyVia,
    toCheck: factsInMask(toCheckMask),
    confirmed: rule.confirmed && sourceOf(book, rule.source).confirmed,
    params,
    source: sourceOf(book, rule.source),
  };
}

function extraTime(rule: OptionRule, book: RuleBook, asOf: PlainDate): ExtraTime | null {
  const x = rule.extraTime;
  if (!x) return null;
  if (x === 'decided-by-duo') return { rule: x };
  const value = valueOn(book, x, asOf) as unknown;
  if (typeof value === 'number') return { years: value };
  return { ...(value as ExtraTime) };
}

function voluntaryOption(book: RuleBook): OptionResult {
  return {
    id: 'voluntary-integration',
    variant: 'not-obliged',
    decidedBy: 'IND',
    regime: null,
    timing: 'any-time',
    availableFrom: null,
    canApplyNow: true,
    extraTime: null,
    conditions: ['needed-for-permanent-permit-or-naturalisation'],
    evidence: [],
    form: null,
    applyVia: 'duo-post',
    toCheck: [],
    confirmed: true,
    params: {},
    source: sourceOf(book, 'voluntary-integration'),
  };
}
