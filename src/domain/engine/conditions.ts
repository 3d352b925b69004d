/**
 * Declarative conditions with three-valued evaluation (true, false, unknown). An unknown result
 * carries the facts whose absence made it unknown, as a fact mask over FACT_PRIORITY (fact-mask.ts: any number of facts), so the
 * engine can say what to ask next (publicodes' "missing variables") without allocating sets.
 */
import { FACT_PRIORITY, type FactName, type Facts } from '../facts/facts.ts';
import { type FactMask, indexesIn, maskBit, union } from './fact-mask.ts';

export type { FactMask } from './fact-mask.ts';
export { union } from './fact-mask.ts';

export type Tri = boolean | undefined;

export const FACT_BIT: Readonly<Record<FactName, FactMask>> = Object.fromEntries(
  FACT_PRIORITY.map((name, i) => [name, maskBit(i)]),
) as Record<FactName, FactMask>;

/** Fact names in a mask, most useful first. */
export function factsInMask(mask: FactMask): FactName[] {
  return indexesIn(mask).map((i) => FACT_PRIORITY[i]!);
}

export function maskOf(...names: FactName[]): FactMask {
  let mask: FactMask = 0;
  for (const n of names) mask = union(mask, FACT_BIT[n]);
  return mask;
}

/** A value derived from facts (for example the regime), with the facts that were missing for it. */
export interface Derived<T> {
  value: T | undefined;
  missing: FactMask;
}

/** What conditions can read: the facts, plus named derived values computed once per assessment. */
export interface EvalContext<D> {
  facts: Facts;
  derived: D;
  /** A numeric legal parameter (a threshold) as it applies to this assessment. */
  threshold: (id: string) => number;
}

/** A number in a condition: a constant, or a legal parameter looked up on the assessment's date. */
export type Threshold = number | { param: string };

export type Condition<D> =
  | { kind: 'fact-in'; fact: FactName; values: readonly unknown[] }
  | { kind: 'includes-any'; fact: 'diplomas' | 'circumstances'; values: readonly string[] }
  | { kind: 'at-least'; fact: FactName; value: Threshold }
  /** Two-valued: true when the fact was given, false when it is unknown (never "unknown" itself). */
  | { kind: 'known'; fact: FactName }
  | { kind: 'derived'; name: keyof D & string; values: readonly unknown[] }
  | { kind: 'all'; of: readonly Condition<D>[] }
  | { kind: 'any'; of: readonly Condition<D>[] }
  | { kind: 'not'; of: Condition<D> };

export interface Result {
  value: Tri;
  missing: FactMask;
}

const TRUE: Result = { value: true, missing: 0 };
const FALSE: Result = { value: false, missing: 0 };

export function evaluate<D extends Record<string, Derived<unknown>>>(
  c: Condition<D>,
  ctx: EvalContext<D>,
): Result {
  switch (c.kind) {
    case 'fact-in': {
      const v = ctx.facts[c.fact];
      if (v === undefined) return { value: undefined, missing: FACT_BIT[c.fact] };
      return c.values.includes(v) ? TRUE : FALSE;
    }
    case 'includes-any': {
      const list = ctx.facts[c.fact] as readonly string[] | undefined;
      if (list === undefined) return { value: undefined, missing: FACT_BIT[c.fact] };
      for (const v of list) if (c.values.includes(v)) return TRUE;
      return FALSE;
    }
    case 'at-least': {
      const v = ctx.facts[c.fact];
      if (v === undefined) return { value: undefined, missing: FACT_BIT[c.fact] };
      const min = typeof c.value === 'number' ? c.value : ctx.threshold(c.value.param);
      return (v as number) >= min ? TRUE : FALSE;
    }
    case 'known':
      return ctx.facts[c.fact] === undefined ? FALSE : TRUE;
    case 'derived': {
      const d = ctx.derived[c.name] as Derived<unknown>;
      if (d.value === undefined) return { value: undefined, missing: d.missing };
      return c.values.includes(d.value) ? TRUE : FALSE;
    }
    case 'all': {
      let missing: FactMask = 0;
      let unknown = false;
      for (const part of c.of) {
        const r = evaluate(part, ctx);
        if (r.value === false) return FALSE;
        if (r.value === undefined) {
          unknown = true;
          missing = union(missing, r.missing);
        }
      }
      return unknown ? { value: undefined, missing } : TRUE;
    }
    case 'any': {
      let missing: FactMask = 0;
      let unknown = false;
      for (const part of c.of) {
        const r = evaluate(part, ctx);
        if (r.value === true) return TRUE;
        if (r.value === undefined) {
          unknown = true;
          missing = union(missing, r.missing);
        }
      }
      return unknown ? { value: undefined, missing } : FALSE;
    }
    case 'not': {
      const r = evaluate(c.of, ctx);
      return r.value === undefined ? r : r.value ? FALSE : TRUE;
    }
  }
}

/** Builders typed for one set of derived values, so rule files read as declarations. */
export function builders<D>() {
  return {
    factIn: (fact: FactName, values: readonly unknown[]): Condition<D> => ({ kind: 'fact-in', fact, values }),
    is: (fact: FactName, value: boolean): Condition<D> => ({ kind: 'fact-in', fact, values: [value] }),
    includesAny: (fact: 'diplomas' | 'circumstances', values: readonly string[]): Condition<D> => ({
      kind: 'includes-any',
      fact,
      values,
    }),
    atLeast: (fact: FactName, value: Threshold): Condition<D> => ({ kind: 'at-least', fact, value }),
    known: (fact: FactName): Condition<D> => ({ kind: 'known', fact }),
    derived: (name: keyof D & string, values: readonly unknown[]): Condition<D> => ({
      kind: 'derived',
      name,
      values,
    }),
    all: (...of: Condition<D>[]): Condition<D> => ({ kind: 'all', of }),
    any: (...of: Condition<D>[]): Condition<D> => ({ kind: 'any', of }),
    not: (of: Condition<D>): Condition<D> => ({ kind: 'not', of }),
  };
}

/** The facts a condition reads (for the rule book listing and the flow graph). */
export function factsRead<D>(c: Condition<D>): FactName[] {
  switch (c.kind) {
    case 'fact-in':
    case 'includes-any':
    case 'at-least':
    case 'known':
      return [c.fact];
    case 'derived':
      return [];
    case 'all':
    case 'any':
      return [...new Set(c.of.flatMap((p) => factsRead(p)))];
    case 'not':
      return factsRead(c.of);
  }
}
