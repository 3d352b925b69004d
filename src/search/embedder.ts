/**
 * The seam for semantic (embedding) search. No multilingual sentence-embedding model can be
 * installed with the project (see shared/reference/dependencies.md §2), so ranking is lexical;
 * a deployer who supplies a model implements `Embedder` in an adapter, and `rerankWithEmbeddings`
 * blends its similarities into the lexical ranking. `HashedNgramEmbedder` is the deterministic
 * stand-in used by tests: character 3-grams hashed into a fixed-size vector.
 */
import type { SearchDoc, SearchResponse } from './search-index.ts';
import { fold, normaliseText, tokenize } from './text.ts';

export interface Embedder {
  /** One unit-length vector per text, all of the same length. */
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** Deterministic: the same text always gives the same vector; texts sharing 3-grams are close. */
export class HashedNgramEmbedder implements Embedder {
  constructor(readonly dimensions = 256) {}

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((text) => this.embedOne(text));
  }

  private embedOne(text: string): Float32Array {
    const v = new Float32Array(this.dimensions);
    for (const tok of tokenize(normaliseText(text))) {
      const chars = [...`^${fold(tok.text, tok.script)}$`];
      for (let i = 0; i + 3 <= chars.length; i++) {
        const h = fnv1a(chars.slice(i, i + 3).join(''));
        v[h % this.dimensions]! += h & 0x80000000 ? -1 : 1;
      }
    }
    return normalise(v);
  }
}

/** Cosine similarity of two unit vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length && i < b.length; i++) dot += a[i]! * b[i]!;
  return dot;
}

/** One vector per topic: the mean of the vectors of its titles and phrasings in every language. */
export async function embedTopics(
  embedder: Embedder,
  docs: readonly SearchDoc[],
): Promise<Map<string, Float32Array>> {
  const texts: string[] = [];
  const owners: string[] = [];
  for (const doc of docs) {
    for (const text of [doc.title, ...doc.phrasings]) {
      texts.push(text);
      owners.push(doc.topic);
    }
  }
  const vectors = await embedder.embed(texts);
  const sums = new Map<string, Float32Array>();
  vectors.forEach((v, i) => {
    const topic = owners[i]!;
    const sum = sums.get(topic) ?? new Float32Array(v.length);
    for (let j = 0; j < v.length; j++) sum[j]! += v[j]!;
    sums.set(topic, sum);
  });
  for (const [topic, sum] of sums) sums.set(topic, normalise(sum));
  return sums;
}

/**
 * Re-orders a lexical answer by blending in the embedding similarity of the question with each
 * result's topic: score' = (1 - weight) · score + weight · cosine. `confident` is kept.
 */
export async function rerankWithEmbeddings(
  response: SearchResponse,
  embedder: Embedder,
  topicVectors: ReadonlyMap<string, Float32Array>,
  weight = 0.3,
): Promise<SearchResponse> {
  const [q] = await embedder.embed([response.query]);
  if (!q) return response;
  const results = response.results
    .map((r) => {
      const v = topicVectors.get(r.topic);
      const sim = v ? Math.max(0, cosine(q, v)) : 0;
      return { ...r, score: Math.round(((1 - weight) * r.score + weight * sim) * 1000) / 1000 };
    })
    .sort((a, b) => b.score - a.score);
  return { ...response, results };
}

function normalise(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
  return v;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
