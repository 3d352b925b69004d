/**
 * Which knowledge-base language a question is written in: by script first (Ge'ez → ti,
 * Cyrillic → uk), then by a word-frequency model learnt from the knowledge base itself, with the
 * lexicon's language tags and a few letters as extra evidence. Undefined when the words are not
 * those of any knowledge-base language (the caller then answers in English); `ur` for Urdu, told
 * by its own letters (also answered in English, but its words are not read as Arabic or Persian).
 */
import { SCRIPT_LANGS } from './analyze.ts';
import { fold, type Script, type Token } from './text.ts';

export interface LangModel {
  /** Words counted per language. */
  n: number;
  /** Folded word → count (words seen at least twice). */
  words: Record<string, number>;
}
export type LangModels = Record<string, LangModel>;

const PERSIAN_LETTERS = /[پچژگ]/;
// Letters only Pashto writes (ټ ډ ړ ښ ږ ځ څ ڼ ګ ۍ ې), and only Kurdish (Sorani) writes (ڕ ڵ ۆ ڤ ێ ە):
// they outweigh the Persian letters Pashto and Sorani share with Persian. normaliseText folds them
// to Persian ones (people type them so on a Persian keyboard), so they are looked for in the
// question as typed.
const PASHTO_LETTERS = /[ټډړښږځڅڼګۍې]/;
const SORANI_LETTERS = /[ڕڵۆڤێە]/;
const TURKISH_LETTERS = /[şğı]/;
// Letters Urdu writes and none of our Arabic-script languages do: ٹ ڈ ڑ (Pashto writes ټ ډ ړ),
// noon ghunna ں, bari ye ے ۓ and gol he ہ ۂ (Arabic, Persian and Sorani write ه or ە). Do
// chashmi he ھ is Sorani's h too, so it does not count.
const URDU_LETTERS = /[ٹڈڑںےۓہۂ]/;

/**
 * True when an Arabic-script text is Urdu: it has letters only Urdu writes and none that only
 * Pashto or Sorani writes. Urdu has no answers of its own; its words are not those of Arabic or
 * Persian, even where they look alike (دینا, to give, is not دين, a debt).
 */
export function isUrdu(text: string): boolean {
  return URDU_LETTERS.test(text) && !PASHTO_LETTERS.test(text) && !SORANI_LETTERS.test(text);
}

export interface Detection {
  lang: string | undefined;
  script: Script;
}

/** Counts words per language for the model; only words in the language's own script count. */
export class LangModelBuilder {
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly totals = new Map<string, number>();

  add(lang: string, folded: string, script: Script): void {
    if (!SCRIPT_LANGS[script].includes(lang)) return;
    const map = this.counts.get(lang) ?? new Map<string, number>();
    this.counts.set(lang, map);
    map.set(folded, (map.get(folded) ?? 0) + 1);
    this.totals.set(lang, (this.totals.get(lang) ?? 0) + 1);
  }

  /** The models, keeping words seen at least twice. */
  build(): LangModels {
    const models: LangModels = {};
    for (const [lang, map] of this.counts) {
      const words: Record<string, number> = Object.create(null);
      for (const [w, c] of map) if (c >= 2) words[w] = c;
      models[lang] = { n: this.totals.get(lang) ?? 0, words };
    }
    return models;
  }
}

function count(model: LangModel | undefined, word: string): number {
  return model && Object.hasOwn(model.words, word) ? (model.words[word] ?? 0) : 0;
}

/**
 * @param votes languages of lexicon terms found in the question (one entry per term).
 * @param foreignWords function words of languages without answers (German, French, Spanish ...).
 */
export function detectLanguage(
  tokens: readonly Token[],
  models: LangModels,
  votes: readonly string[] = [],
  foreignWords: ReadonlySet<string> = new Set(),
  /** The question before normalisation, which folds Pashto and Sorani letters to Persian ones. */
  rawText = '',
): Detection {
  const words = tokens.filter((t) => t.script !== 'other');
  if (words.length === 0) return { lang: undefined, script: 'other' };
  // Words every language uses (DUO, inburgering) say nothing about the language.
  const langs = Object.keys(models);
  const neutral = (w: string) => langs.filter((l) => count(models[l], w) > 0).length >= 4;
  const perScript = new Map<Script, Token[]>();
  for (const t of words) {
    if (t.script === 'latin' && neutral(fold(t.text, t.script))) continue;
    const list = perScript.get(t.script) ?? [];
    list.push(t);
    perScript.set(t.script, list);
  }
  if (perScript.size === 0)
    perScript.set(
      'latin',
      words.filter((t) => t.script === 'latin'),
    );
  const [script, scriptWords] = [...perScript.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
  // Urdu: told by its own letters, answered in the fallback language (it has no answers).
  if (script === 'arabic' && isUrdu(rawText || scriptWords.map((t) => t.text).join(' ')))
    return { lang: 'ur', script };
  const candidates = SCRIPT_LANGS[script];
  const modelled = candidates.filter((l) => models[l]);
  if (modelled.length === 0) return { lang: candidates[0], script };
  if (modelled.length === 1) return { lang: modelled[0], script };

  let best: string | undefined;
  let bestScore = Number.NEGATIVE_INFINITY;
  let bestKnown = 0;
  let bestForeign = 0;
  for (const lang of modelled) {
    const model = models[lang];
    if (!model) continue;
    let score = 0;
    let known = 0;
    let foreign = 0;
    for (const t of scriptWords) {
      const w = fold(t.text, t.script);
      const c = count(model, w);
      if (c > 0) known++;
      else if (foreignWords.has(w)) foreign++;
      score += Math.log((c + 0.1) / (model.n + 1));
    }
    // Terms of languages without answers found in the question count for none of ours.
    foreign += votes.filter((v) => !models[v.split('-')[0]!]).length;
    for (const v of votes) if (v === lang) score += 3;
    if (lang === 'fa' && scriptWords.some((t) => PERSIAN_LETTERS.test(t.text))) score += 6;
    if (
      lang === 'ps' &&
      (PASHTO_LETTERS.test(rawText) || scriptWords.some((t) => PASHTO_LETTERS.test(t.text)))
    )
      score += 10;
    if (
      lang === 'ckb' &&
      (SORANI_LETTERS.test(rawText) || scriptWords.some((t) => SORANI_LETTERS.test(t.text)))
    )
      score += 10;
    if (lang === 'tr' && scriptWords.some((t) => TURKISH_LETTERS.test(t.text))) score += 6;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
      bestKnown = known;
      bestForeign = foreign;
    }
  }
  // A Latin-script question whose words no model knows is in another language (German, French ...).
  const voted = best !== undefined && votes.includes(best);
  if (script === 'latin' && !voted && bestKnown < Math.max(1, 0.3 * scriptWords.length))
    return { lang: undefined, script };
  if (script === 'latin' && bestForeign >= 2 && bestForeign >= bestKnown) return { lang: undefined, script };
  return { lang: best, script };
}
