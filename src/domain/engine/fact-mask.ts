/**
 * A set of facts, by their index in FACT_PRIORITY, for the engine's "missing facts" bookkeeping.
 * The common case costs nothing: while every index is below 30 the set is a plain small integer
 * (bit i = index i; empty is 0) and a union is one `|`. From index 30 on, the set is an array of
 * 30-bit words (word k holds indexes 30k..30k+29), so any number of facts fits: no silent wrap at
 * 32 (`1 << 32 === 1`) and no sign bit at 31. The form is canonical (an array only when some index
 * is ≥ 30), so equal sets compare equal with deepEqual.
 */
export type FactMask = number | readonly number[];

const WORD = 30;

export const NO_FACTS: FactMask = 0;

/** The set holding one index. */
export function maskBit(index: number): FactMask {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`not a fact index: ${index}`);
  if (index < WORD) return 1 << index;
  const words: number[] = new Array(Math.floor(index / WORD) + 1).fill(0);
  words[words.length - 1] = 1 << (index % WORD);
  return words;
}

/** a ∪ b. Two small sets: one `|`, no allocation. */
export function union(a: FactMask, b: FactMask): FactMask {
  if (typeof a === 'number' && typeof b === 'number') return a | b;
  if (a === 0) return b;
  if (b === 0) return a;
  const wa = typeof a === 'number' ? [a] : a;
  const wb = typeof b === 'number' ? [b] : b;
  const out: number[] = new Array(Math.max(wa.length, wb.length));
  for (let i = 0; i < out.length; i++) out[i] = (wa[i] ?? 0) | (wb[i] ?? 0);
  return out;
}

export function hasIndex(mask: FactMask, index: number): boolean {
  if (typeof mask === 'number') return index < WORD && (mask & (1 << index)) !== 0;
  const word = mask[Math.floor(index / WORD)];
  return word !== undefined && (word & (1 << (index % WORD))) !== 0;
}

/** The indexes in the set, ascending. */
export function indexesIn(mask: FactMask): number[] {
  const out: number[] = [];
  const words = typeof mask === 'number' ? [mask] : mask;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (word === 0) continue;
    for (let b = 0; b < WORD; b++) if (word & (1 << b)) out.push(w * WORD + b);
  }
  return out;
}
