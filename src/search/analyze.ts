/**
 * From words to matching keys. A word in a known language (a knowledge-base text, a lexicon
 * term) gets its folded form, its stem from that language's stemmer and a light-stemmed form; a
 * word of a question, whose language is not known for sure, gets the keys of every language
 * written in its script, each with a weight (the detected language weighs most).
 *
 * Stemmers are injected (search imports no packages): `{ nl: stem, en: stem, ... }`.
 */
import {
  arabicLight,
  consonantSkeleton,
  cyrillicToLatin,
  ethiopicLatinSkeleton,
  ethiopicSkeleton,
  fold,
  kurmanjiLight,
  pashtoLight,
  persianLight,
  type Script,
  somaliLight,
  soraniLight,
  stemMemo,
  type Token,
  tigrinyaLight,
} from './text.ts';

export type Stemmer = (word: string) => string;
export type Stemmers = Readonly<Partial<Record<string, Stemmer>>>;

/**
 * The languages answers may be written in, per script, in order of preference when nothing else
 * is known. A language without answers yet is simply absent from the index (detection skips it).
 */
export const SCRIPT_LANGS: Readonly<Record<Script, readonly string[]>> = {
  latin: ['en', 'nl', 'tr', 'so', 'es', 'fr', 'pt', 'kmr'],
  arabic: ['ar', 'fa', 'ckb', 'ps'],
  cyrillic: ['uk', 'ru'],
  ethiopic: ['ti'],
  han: ['zh'],
  other: [],
};

/** Latin-script languages whose stems a question word also gets. */
const QUERY_STEMMED_LATIN = ['nl', 'en', 'tr', 'es', 'fr', 'pt'];

/** Languages with a stemmer but no content: used to match lexicon terms written in them. */
const EXTRA_STEMMED: Readonly<Record<Script, readonly string[]>> = {
  latin: ['de', 'it'],
  arabic: [],
  cyrillic: [],
  ethiopic: [],
  han: [],
  other: [],
};

/**
 * The stems of the words the content is written in, made when the index is built: per language,
 * word → stem (`1`: the word is its own stem). A question's words are mostly the content's own, so
 * most of its ~10 Snowball stems a word are read from here; any other word is stemmed as it comes.
 * Made from the content only: it holds no word because someone asked it.
 */
export type StemTable = Record<string, Record<string, string | 1>>;

/** The stemmer languages a question word of a script is stemmed in (queryWordKeys, lexiconProbeKeys). */
const TABLE_LANGS: Readonly<Record<Script, readonly string[]>> = {
  latin: [...QUERY_STEMMED_LATIN, ...EXTRA_STEMMED.latin],
  arabic: ['ar'],
  cyrillic: ['uk', 'ru'],
  ethiopic: [],
  han: [],
  other: [],
};

/** The stem table of these words (tokens of the content and the lexicon). */
export function stemTable(words: Iterable<Token>, stemmers: Stemmers): StemTable {
  const table: StemTable = {};
  const done = new Set<string>();
  for (const tok of words) {
    if (done.has(tok.text)) continue;
    done.add(tok.text);
    for (const lang of TABLE_LANGS[tok.script]) {
      const s = stemmers[lang];
      if (!s) continue;
      let out: string;
      try {
        out = s(tok.text);
      } catch {
        continue; // stemmed (and refused) as it comes
      }
      if (typeof out !== 'string') continue;
      const byWord = table[lang] ?? Object.create(null);
      table[lang] = byWord;
      byWord[tok.text] = out === tok.text ? 1 : out;
    }
  }
  return table;
}

/** The stemmers with a stem table in front: a word in the table is read, any other stemmed. */
export function withStemTable(stemmers: Stemmers, table: StemTable | undefined): Stemmers {
  if (!table) return stemmers;
  const out: Record<string, Stemmer> = {};
  for (const [lang, stemmer] of Object.entries(stemmers)) {
    if (!stemmer) continue;
    const byWord = table[lang];
    if (!byWord) {
      out[lang] = stemmer;
      continue;
    }
    const known = new Map<string, string>();
    for (const word in byWord) {
      const s = byWord[word]!;
      known.set(word, s === 1 ? word : s);
    }
    out[lang] = (word) => known.get(word) ?? stemmer(word);
  }
  return out;
}

/**
 * A word's stem in one language. A question is stemmed in every language of its script (~10
 * Snowball stemmers a word) and each word more than once: inside a `withWordMemo` call (one
 * search, one index build) each stem is made once, and forgotten when the call returns.
 */
function stem(stemmers: Stemmers, lang: string, word: string): string | undefined {
  const s = stemmers[lang];
  if (!s) return undefined;
  const known = stemMemo(stemmers);
  const key = `${lang}\0${word}`;
  if (known?.has(key)) return known.get(key);
  let out: string | undefined;
  try {
    out = s(word) || undefined;
  } catch {
    out = undefined;
  }
  known?.set(key, out);
  return out;
}

/** Keys of a word written in a known language (knowledge-base text, lexicon term). */
export function wordKeys(tok: Token, lang: string, stemmers: Stemmers): string[] {
  const surface = fold(tok.text, tok.script);
  if (!surface) return [];
  const keys = new Set([surface]);
  const add = (k: string | undefined, script: Script = tok.script) => {
    if (k) keys.add(fold(k, script));
  };
  switch (tok.script) {
    case 'latin': {
      // A Latin word in an Arabic, Farsi, Ukrainian or Tigrinya text is a Dutch term (DUO, inburgering).
      const l = SCRIPT_LANGS.latin.includes(lang) || EXTRA_STEMMED.latin.includes(lang) ? lang : 'nl';
      if (l === 'so') add(somaliLight(surface));
      else if (l === 'kmr' || l === 'ku') add(kurmanjiLight(surface));
      else add(stem(stemmers, l, tok.text));
      break;
    }
    case 'arabic':
      if (lang === 'fa') add(persianLight(surface));
      else if (lang === 'ckb') add(soraniLight(surface));
      else if (lang === 'ps') add(pashtoLight(surface));
      else {
        add(arabicLight(surface));
        add(stem(stemmers, 'ar', tok.text));
      }
      break;
    case 'cyrillic':
      add(stem(stemmers, lang === 'ru' ? 'ru' : 'uk', tok.text));
      break;
    case 'ethiopic':
      add(tigrinyaLight(surface));
      break;
  }
  return [...keys];
}

/**
 * Keys of a question word with weights: every language of its script may be meant. The detected
 * language's stem weighs 1, other languages' stems a little less (they can collide by chance).
 */
export function queryWordKeys(tok: Token, stemmers: Stemmers, primary?: string): Map<string, number> {
  const keys = new Map<string, number>();
  const surface = fold(tok.text, tok.script);
  if (!surface) return keys;
  const add = (k: string | undefined, weight: number) => {
    if (!k) return;
    const key = fold(k, tok.script);
    if (key && (keys.get(key) ?? 0) < weight) keys.set(key, weight);
  };
  const w = (lang: string) => (primary === lang ? 1 : 0.85);
  add(surface, 1);
  switch (tok.script) {
    case 'latin':
      for (const l of QUERY_STEMMED_LATIN) add(stem(stemmers, l, tok.text), w(l));
      add(somaliLight(surface), w('so'));
      add(kurmanjiLight(surface), w('kmr'));
      break;
    case 'arabic':
      // Urdu shares words with Arabic and Persian, not their endings: دینا (to give) is not دين.
      if (primary === 'ur') break;
      add(arabicLight(surface), w('ar'));
      add(stem(stemmers, 'ar', tok.text), w('ar'));
      add(persianLight(surface), w('fa'));
      add(soraniLight(surface), w('ckb'));
      add(pashtoLight(surface), w('ps'));
      break;
    case 'cyrillic':
      add(stem(stemmers, 'uk', tok.text), 1);
      add(stem(stemmers, 'ru', tok.text), 0.9);
      break;
    case 'ethiopic':
      add(tigrinyaLight(surface), 0.9);
      break;
  }
  return keys;
}

/** Keys used to find lexicon terms in a question: every stemmer of the script, content or not. */
export function lexiconProbeKeys(tok: Token, stemmers: Stemmers): Set<string> {
  const keys = new Set(queryWordKeys(tok, stemmers).keys());
  for (const l of EXTRA_STEMMED[tok.script]) {
    const s = stem(stemmers, l, tok.text);
    if (s) keys.add(fold(s, tok.script));
  }
  return keys;
}

/** The Latin consonant skeleton of an Ethiopic word (Tigrinya typed in Latin letters finds it). */
export function ethiopicLatinKey(tok: Token): string | undefined {
  if (tok.script !== 'ethiopic') return undefined;
  const s = ethiopicLatinSkeleton(tok.text);
  return s.length >= 3 ? s : undefined;
}

/** Character 3-grams with word boundaries; Ethiopic words by their consonant skeleton. */
export function trigramsOf(tok: Token): string[] {
  const base = tok.script === 'ethiopic' ? ethiopicSkeleton(tok.text) : fold(tok.text, tok.script);
  return gramsOfString(base);
}

export function gramsOfString(base: string): string[] {
  const chars = [...`^${base}$`];
  if (chars.length < 4) return [];
  const out: string[] = [];
  for (let i = 0; i + 3 <= chars.length; i++) out.push(chars.slice(i, i + 3).join(''));
  return out;
}

/** Extra 3-grams of a document word: Cyrillic words also in Latin letters (shtraf finds штраф). */
export function documentExtraTrigrams(tok: Token): string[] {
  if (tok.script !== 'cyrillic') return [];
  return gramsOfString(fold(cyrillicToLatin(tok.text), 'latin'));
}

/** Consonant skeleton of an Arabic-script word, or of a Latin word that may transliterate one. */
export function skeletonKey(tok: Token): string | undefined {
  if (tok.script !== 'arabic' && tok.script !== 'latin') return undefined;
  const s = consonantSkeleton(tok.text, tok.script);
  return s.length >= 3 ? s : undefined;
}
