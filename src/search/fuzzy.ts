/**
 * Typo tolerance: the words of the index within a small edit distance of an unknown word.
 * Candidates share the first letter and (nearly) the length; a letter-set mask rejects most of
 * them before the edit distance is computed, so a lookup stays well under a millisecond.
 */

export class FuzzyVocabulary {
  private readonly buckets = new Map<string, { words: string[]; masks: number[] }>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (/\d/.test(word)) continue;
      const chars = [...word];
      if (chars.length < 3) continue;
      const id = `${chars[0]}${chars.length}`;
      const bucket = this.buckets.get(id) ?? { words: [], masks: [] };
      this.buckets.set(id, bucket);
      bucket.words.push(word);
      bucket.masks.push(letterMask(word));
    }
  }

  /**
   * The nearest words (edit distance 1, or 2 for words of 8 letters and more) with their distance.
   * Words shorter than `minLength` (4) have too many neighbours to guess from.
   */
  near(word: string, minLength = 4): [string, number][] {
    const chars = [...word];
    if (chars.length < minLength || /\d/.test(word)) return [];
    const maxDistance = chars.length >= 8 ? 2 : 1;
    const mask = letterMask(word);
    const out: [string, number][] = [];
    let bestDistance = maxDistance + 1;
    for (let len = chars.length - maxDistance; len <= chars.length + maxDistance; len++) {
      const bucket = this.buckets.get(`${chars[0]}${len}`);
      if (!bucket) continue;
      for (let i = 0; i < bucket.words.length; i++) {
        // Each edit changes at most two letters of the set of letters used: most words fail here.
        if (popcount(mask ^ bucket.masks[i]!) > 2 * maxDistance) continue;
        const candidate = bucket.words[i]!;
        const dist = damerauLevenshtein(word, candidate, Math.min(maxDistance, bestDistance));
        if (dist > maxDistance || dist > bestDistance) continue;
        if (dist < bestDistance) {
          bestDistance = dist;
          out.length = 0;
        }
        out.push([candidate, dist]);
      }
    }
    return out;
  }
}

/**
 * Whether a typed word is a typo of a word (the limits of `FuzzyVocabulary.near`: the same first
 * letter, edit distance 1, or 2 for words of 8 letters and more).
 */
export function isNear(typed: string, word: string): boolean {
  const a = [...typed];
  const b = [...word];
  if (a[0] !== b[0] || /\d/.test(typed)) return false;
  const max = Math.max(a.length, b.length) >= 8 ? 2 : 1;
  return damerauLevenshtein(typed, word, max) <= max;
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), stopping early above `max`. */
export function damerauLevenshtein(a: string, b: string, max: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[t.length]!;
}

/** A 32-bit set of the letters of a word (by code point modulo 32). */
function letterMask(word: string): number {
  let mask = 0;
  for (const ch of word) mask |= 1 << (ch.codePointAt(0)! & 31);
  return mask;
}

function popcount(x: number): number {
  let n = x - ((x >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
