/**
 * One assessment: what civic integration means for this person on `asOf`. Pure: the caller
 * supplies the facts, the date and the rule set (rules, parameters, sources, version); the
 * engine here only interprets rule data and holds no policy of its own (ADR 007). The result is
 * plain data with codes, dates, amounts and legal sources, never sentences (texts come from the
 * message catalogs).
 */
import { isBefore, type PlainDate, plus, withDateScope } from './dates/plain-date.ts';
import {
  type EvalContext,
  evaluate,
  type FactMask,
  factsInMask,
  maskOf,
  union,
} from './engine/conditions.ts';
import type { FactName, Facts } from './facts/facts.ts';
import {
  type Figure,
  type LegalSource,
  type ParameterId,
  type RuleSet,
  sourceIdFor,
  sourceOf,
  type ValueRef,
  valueOn,
} from './rulebook.ts';
import type { AfterTermRule } from './rules/after-term.ts';
import { type ConsequenceItem, wi2013Fine } from './rules/consequences.ts';
import {
  type Derivation,
  type DerivedValues,
  derive,
  loanForgivenessBandEnds,
  type Regime,
  type RegimeOpen,
  termEnded,
} from './rules/derive.ts';
import type { DecisionEffects, Obligation, ObligationRule } from './rules/obligation.ts';
import type { DecidingBody, OptionId, OptionRule, Timing } from './rules/options.ts';

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
  /** The last day it can be requested: the term end for options that extend a running term (null: no end). */
  availableUntil: PlainDate | null;
  /** `term-ended`: the window has closed because the term it would extend is over. */
  closed: 'term-ended' | null;
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
  /** Once the term has passed (obliged only): what happens now under the person's act, in order. */
  afterTerm: AfterTermStep[];
  missing: FactName[];
  /**
   * The missing facts that could settle `obligation` (a subset of `missing`). Empty while the
   * obligation is `unknown`: no answer can settle it, the rules themselves leave it open (an AOW
   * date no law has fixed yet), so DUO must be asked.
   */
  obligationMissing: FactName[];
  reasons: Reason[];
  rulesVersion: string;
}

export interface AfterTermStep {
  /** Message key suffix: `afterTerm.<id>`. */
  id: string;
  decidedBy: AfterTermRule['decidedBy'];
  params: Record<string, number | string>;
  source: LegalSource;
  confirmed: boolean;
}

interface ObligationDecision {
  obligation: Obligation;
  decidedBy: ObligationRule | undefined;
  possible: ObligationRule[];
  missing: FactMask;
}

/** First match wins; an unknown rule before it leaves the answer open unless every open path ends the same. */
export function decideObligation(ctx: EvalContext<DerivedValues>, rules: RuleSet): ObligationDecision {
  const outcomes = new Set<Obligation>();
  const possible: ObligationRule[] = [];
  let missing: FactMask = 0;
  for (const rule of rules.rules.obligation) {
    const r = evaluate(rule.when, ctx);
    if (r.value === true) {
      outcomes.add(rule.decides);
      if (outcomes.size === 1) return { obligation: rule.decides, decidedBy: rule, possible, missing: 0 };
      return { obligation: 'unknown', decidedBy: undefined, possible: [...possible, rule], missing };
    }
    if (r.value === undefined) {
      outcomes.add(rule.decides);
      possible.push(rule);
      missing = union(missing, r.missing);
    }
  }
  return { obligation: 'unknown', decidedBy: undefined, possible, missing };
}

export function contextFor(
  facts: Facts,
  asOf: PlainDate,
  book: RuleSet,
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
export function obligationOf(facts: Facts, asOf: PlainDate, book: RuleSet): ObligationDecision {
  return withDateScope(() => decideObligation(contextFor(facts, asOf, book, false).ctx, book));
}

/** The assessment; the dates it makes are shared while it runs (plain-date.ts, withDateScope). */
export function assess(facts: Facts, asOf: PlainDate, book: RuleSet): Assessment {
  return withDateScope(() => assessOnce(facts, asOf, book));
}

function assessOnce(facts: Facts, asOf: PlainDate, book: RuleSet): Assessment {
  const { ctx, derivation } = contextFor(facts, asOf, book);
  const decision = decideObligation(ctx, book);
  const { obligation } = decision;
  const regime = derivation.values.regime.value ?? null;
  const { term } = derivation;
  let missing = decision.missing;

  const reasons: Reason[] = [];
  const reason = (rule: string, status: Reason['status'], source: string, params?: Reason['params']) =>
    reasons.push({ rule, status, source: sourceOf(book, source), ...(params ? { params } : {}) });

  const scope: ValueScope = { facts, derivation, book, asOf };
  if (decision.decidedBy)
    reason(
      decision.decidedBy.id,
      'applies',
      sourceIdFor(decision.decidedBy, regime),
      reasonParams(decision.decidedBy, scope),
    );
  else
    for (const r of decision.possible)
      reason(r.id, 'possible', sourceIdFor(r, regime), reasonParams(r, scope));
  const effects: DecisionEffects = decision.decidedBy ?? book.rules.undecided;
  // Not obliged by the rules, but a DUO letter or a PIP says otherwise: the answer stands on the law,
  // and the person is told that DUO decides and how to object (law-facts §6), so no letter is ignored.
  if (
    decision.decidedBy?.decides === 'not-obliged' &&
    decision.decidedBy.id !== 'not-obliged.not-yet-started' &&
    derivation.values.noDuoLetter.value === undefined
  )
    reason('obligation.letter-disagrees', 'applies', 'objection');
  // A DUO letter says obliged, the Turkish cut-offs say not (derive.ts noDuoLetter): DUO decides.
  if (
    !decision.decidedBy &&
    derivation.values.noDuoLetter.value === undefined &&
    decision.possible.some((r) => r.id.startsWith('not-obliged.turkish-'))
  )
    reason('obligation.open.duo-letter', 'applies', 'objection');
  // Born on 29 February: on the 28 February of the 18th year the day of turning 18 is open (derive.ts).
  if (derivation.values.adultDayOpen.value === undefined && facts.birthDate)
    reason('age.open.leap-day', 'applies', 'age-start-after-vrijstelling', {
      age: valueOn(book, 'age.practicalStart', asOf),
      birthday: String(asOf),
      adultFrom: String(plus(asOf, { days: 1 })),
    });

  const inScope = obligation !== 'not-obliged';
  const start = derivation.values.obligationStart.value;
  if (inScope && regime && start) {
    reason(`regime.${regime}`, 'applies', book.rules.acts[regime].source, {
      start: String(start),
      basis: derivation.values.startBasis.value ?? '',
    });
  }
  // No start date, but a PIP date: only Wi2021 has a PIP (derive.ts).
  if (inScope && regime && !start) reason(`regime.${regime}.pip`, 'applies', book.rules.acts[regime].source);
  if (inScope && !regime) missing = union(missing, maskOf('permitDate', 'obligationStartDate'));
  // The facts point to two acts (derive.ts RegimeOpen): no act, no term of one act, no options of one act.
  const open = derivation.regimeOpen;
  if (inScope && open && start)
    reason(`regime.open.${open}`, 'applies', REGIME_OPEN_SOURCES[open], { start: String(start) });
  // Wi2007 read from a permit date (the contract's start without a letter): the old rules also need the
  // notice before 2013 (main §0 Wi2007), so the letter's date is asked; from 2013 on it means Wi2013.
  if (inScope && regime === 'wi2007' && start && derivation.values.startBasis.value !== 'duo-letter') {
    reason('regime.wi2007.told-date', 'applies', 'regime-wi2007', { start: String(start) });
    missing = union(missing, maskOf('obligationStartDate'));
  }

  const showTerm = obligation === 'obliged' || obligation === 'unknown';
  if (showTerm && regime) {
    missing = union(missing, termMissing(facts, regime, derivation));
    if (term.end)
      reason(`term.${regime}.${term.endBasis}`, 'applies', book.rules.acts[regime].termSource, {
        end: String(term.end),
      });
  }

  const shownRegime = obligation === 'not-obliged' ? null : regime;
  const options: OptionResult[] = [];
  // One option per id: the first rule that fits, unless its window has closed and a later one is open.
  const seen = new Map<OptionId, number>();
  for (const rule of book.rules.options) {
    const at = seen.get(rule.id);
    if ((at !== undefined && !options[at]!.closed) || !offered(rule, effects, regime)) continue;
    const trigger = rule.trigger ? evaluate(rule.trigger, ctx) : TRUE;
    if (trigger.value === undefined) missing = union(missing, trigger.missing);
    if (trigger.value !== true) continue;
    const requires = rule.requires ? evaluate(rule.requires, ctx) : TRUE;
    if (requires.value === false) continue;
    missing = union(missing, requires.missing);
    const result = optionResult(rule, shownRegime, derivation, asOf, book, requires.missing);
    if (at === undefined) {
      seen.set(rule.id, options.length);
      options.push(result);
    } else if (!result.closed) options[at] = result;
  }

  const consequences: Assessment['consequences'] = [];
  if (effects.consequences && regime) {
    for (const rule of book.rules.consequences) {
      if (!rule.regimes.includes(regime)) continue;
      if (rule.when && evaluate(rule.when, ctx).value !== true) continue;
      consequences.push({
        id: rule.id,
        decidedBy: rule.decidedBy,
        params: resolveParams(rule.params, scope),
        source: sourceOf(book, rule.source),
        confirmed: rule.confirmed,
      });
    }
  }

  // Past an estimated end (no DUO letter) it is not known whether the term has ended (derive.ts).
  const termPassed = showTerm ? (termEnded(term, asOf) ?? null) : null;
  const afterTerm: AfterTermStep[] = [];
  if (obligation === 'obliged' && regime && termPassed) {
    for (const rule of book.rules.afterTerm) {
      if (!rule.regimes.includes(regime)) continue;
      if (rule.when && evaluate(rule.when, ctx).value !== true) continue;
      afterTerm.push({
        id: rule.id,
        decidedBy: rule.decidedBy,
        params: resolveParams(rule.params, scope),
        source: sourceOf(book, rule.source),
        confirmed: rule.confirmed && sourceOf(book, rule.source).confirmed,
      });
    }
  }

  return {
    asOf,
    regime: shownRegime,
    obligation,
    termStart: showTerm ? (term.start ?? null) : null,
    termEnd: showTerm ? (term.end ?? null) : null,
    applyFrom: showTerm ? (term.applyFrom ?? null) : null,
    termEndBasis: showTerm ? (term.endBasis ?? null) : null,
    termPassed,
    obligationStart: derivation.values.obligationStart.value ?? null,
    aowDate: derivation.aow?.date ?? null,
    options,
    consequences,
    afterTerm,
    missing: factsInMask(missing).filter((f) => facts[f] === undefined),
    obligationMissing: factsInMask(decision.missing).filter((f) => facts[f] === undefined),
    reasons,
    rulesVersion: book.version,
  };
}

function termMissing(facts: Facts, regime: Regime, derivation: Derivation): FactMask {
  if (facts.termEndDate) return 0;
  // Wi2021: the term hangs on the PIP date only.
  if (regime === 'wi2021') return maskOf('pipDate');
  // Wi2013: the DUO letter's start date (it can also move the regime) and end date (extensions).
  const mask = maskOf('termEndDate');
  return derivation.values.startBasis.value !== 'duo-letter'
    ? union(mask, maskOf('obligationStartDate'))
    : mask;
}

/** The sources of an open act: the 2022 wrong notices (main §0 transition). */
const REGIME_OPEN_SOURCES: Readonly<Record<RegimeOpen, string>> = {
  pip: 'transition-wrong-notice',
};

const TRUE = { value: true, missing: 0 } as const;

/**
 * Whether the deciding rule leaves this option open: a route of the person's act when the rule
 * allows all of them, or an option the rule names (a route of the act, or one outside any act).
 */
function offered(rule: OptionRule, effects: DecisionEffects, regime: Regime | null): boolean {
  const ofTheAct = regime !== null && rule.regimes.includes(regime);
  if (effects.options === 'all') return ofTheAct;
  if (!effects.options.includes(rule.id)) return false;
  return ofTheAct || rule.regimes.length === 0;
}

/** What a rule's values are read from: the person, their derivation, the rule set and the date. */
interface ValueScope {
  facts: Facts;
  derivation: Derivation;
  book: RuleSet;
  asOf: PlainDate;
}

/** A per-person figure a rule may name; undefined when it is unknown for this person. */
function figure(name: Figure, s: ValueScope): number | string | undefined {
  const { term, aow } = s.derivation;
  switch (name) {
    case 'termEnd':
      return term.end ? String(term.end) : undefined;
    case 'aowDate':
      return aow ? String(aow.date) : undefined;
    case 'aowEstimated':
      return aow ? (aow.estimated ? 1 : 0) : undefined;
    case 'wi2013Fine':
      return wi2013Fine(s.facts, s.book, s.asOf).amount;
    case 'wi2013NewTermEnd':
      return term.end
        ? String(plus(term.end, { years: valueOn(s.book, 'fine.wi2013.newTermYears', s.asOf) }))
        : undefined;
    case 'obligationStart': {
      const start = s.derivation.values.obligationStart.value;
      return start ? String(start) : undefined;
    }
    case 'loanForgivenessFirstBandEnd':
    case 'loanForgivenessLastBandEnd': {
      if (!term.end) return undefined;
      const ends = loanForgivenessBandEnds(term.end, s.book, s.asOf);
      return String(name === 'loanForgivenessFirstBandEnd' ? ends[0] : ends.at(-1));
    }
  }
}

/** An obligation rule's values for its explanation; none when it names none (or none is known). */
function reasonParams(rule: ObligationRule, scope: ValueScope): Reason['params'] {
  if (!rule.params) return undefined;
  const params = resolveParams(rule.params, scope);
  for (const _ in params) return params;
  return undefined;
}

/** A rule's named values; a figure that is unknown for this person is left out. */
function resolveParams(
  refs: Readonly<Record<string, ValueRef>> | undefined,
  scope: ValueScope,
): Record<string, number | string> {
  const params: Record<string, number | string> = {};
  if (!refs) return params;
  for (const name in refs) {
    const ref = refs[name]!;
    let value: unknown;
    if ('figure' in ref) value = figure(ref.figure, scope);
    else {
      value = valueOn(scope.book, ref.parameter, scope.asOf);
      // `field` picks a part of a structured value; a dotted path walks into it (`onePartLate.0`).
      if (ref.field !== undefined)
        for (const part of ref.field.split('.')) value = (value as Record<string, unknown>)?.[part];
    }
    if (typeof value === 'number' || typeof value === 'string') params[name] = value;
  }
  return params;
}

function optionResult(
  rule: OptionRule,
  regime: Regime | null,
  d: Derivation,
  asOf: PlainDate,
  book: RuleSet,
  toCheckMask: FactMask,
): OptionResult {
  const { term } = d;
  const source = sourceOf(book, sourceIdFor(rule, regime));
  const confirmed = rule.confirmed && source.confirmed;
  // An UNCONFIRMED rule is never presented as something DUO does by itself: ask DUO (issue 7).
  const asksDuo = rule.timing === 'automatic' && !confirmed;
  const timing: Timing = asksDuo ? 'ask-duo' : rule.timing;
  let availableFrom: PlainDate | null = null;
  if (rule.timing === 'apply-window' || rule.timing === 'end-of-term') availableFrom = term.applyFrom ?? null;
  if (rule.timing === 'after-term') availableFrom = term.end ? plus(term.end, { days: 1 }) : null;
  const byApplication = timing !== 'automatic' && timing !== 'ask-duo';
  const windowKnown = rule.timing === 'any-time' || availableFrom !== null;
  // An extension lengthens a running term: once the term's last day has passed, it is too late.
  const availableUntil = rule.until === 'term-end' ? (term.end ?? null) : null;
  // Past an estimated end the term may still run (letters extend it): never "too late" then, and the
  // letter's end date is the fact to check, for an option that hangs on the term (not one that can
  // be asked for at any time, such as integrating voluntarily or a vrijstelling).
  const ended = termEnded(term, asOf);
  const closed = availableUntil && ended === true ? 'term-ended' : null;
  if (term.end && ended === undefined && rule.timing !== 'any-time')
    toCheckMask = union(toCheckMask, maskOf('termEndDate'));
  const params: Record<string, number> = {};
  for (const [name, id] of Object.entries(rule.params ?? {}))
    params[name] = valueOn(book, id, asOf) as number;
  return {
    id: rule.id,
    variant: rule.variant,
    decidedBy: rule.decidedBy,
    regime,
    timing,
    availableFrom,
    availableUntil,
    closed,
    canApplyNow:
      byApplication &&
      windowKnown &&
      closed === null &&
      (availableFrom === null || !isBefore(asOf, availableFrom)),
    extraTime: extraTime(rule, book, asOf),
    ...(rule.scope ? { scope: rule.scope } : {}),
    ...(rule.remaining ? { remaining: rule.remaining } : {}),
    conditions: rule.conditions,
    evidence: rule.evidence,
    form: rule.form ?? null,
    applyVia: asksDuo ? 'ask-duo' : rule.applyVia,
    toCheck: factsInMask(toCheckMask),
    confirmed,
    params,
    source,
  };
}

function extraTime(rule: OptionRule, book: RuleSet, asOf: PlainDate): ExtraTime | null {
  const x = rule.extraTime;
  if (!x) return null;
  if (x === 'decided-by-duo') return { rule: x };
  const value = valueOn(book, x, asOf) as unknown;
  if (typeof value === 'number') return { years: value };
  return { ...(value as ExtraTime) };
}
