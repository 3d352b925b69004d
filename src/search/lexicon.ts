/**
 * The cross-language lexicon: domain concepts (pregnancy, fine, DUO, exemption ...) with their
 * terms in each language, including Latin transliterations. A term found in a question or in a
 * knowledge-base text becomes the concept's language-neutral token, so a question in one
 * language meets the answer written in another. Out-of-scope concepts (driving licence, weather
 * ...) tell the ranker that a question is about something else.
 */
import { lexiconProbeKeys, type Stemmers, wordKeys } from './analyze.ts';
import { FuzzyVocabulary, isNear } from './fuzzy.ts';
import { fold, normaliseText, type Script, type Token, tokenize } from './text.ts';

/** The lexicon as authored (content/search/lexicon.yaml). Language tags: `nl`, `ar`, `ar-Latn` ... */
export interface LexiconSource {
  /** Concepts that mark a question as being about civic integration at all. */
  core?: readonly string[];
  /** Concepts of questions Wegwijs does not answer. */
  outOfScope?: readonly string[];
  /**
   * Concepts that together mark a question Wegwijs does not answer, though each alone is in scope:
   * a school and one's own child is enrolling the child, not one's own school years.
   */
  outOfScopeTogether?: readonly (readonly string[])[];
  /**
   * Concepts only rules read, never ranked: units beside a number (euro, hours, months) tell an
   * amount from an age (numbers.ts), but say nothing about which answer fits.
   */
  markers?: readonly string[];
  concepts: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
  /** Function words of languages without answers (their frequency cannot be learnt from the content). */
  stopwords?: Readonly<Record<string, readonly string[]>>;
  /**
   * Words that say nothing about the topic even in languages with answers: contractions typed without
   * the apostrophe ("couldnt", "im") and question words in Latin letters ("kam" = how many in Arabizi).
   * They rank nothing, so a rare spelling in one answer does not pull the question there.
   */
  functionWords?: Readonly<Record<string, readonly string[]>>;
  /**
   * Cues that tell confusable topics apart: a concept named in a question points at these topics
   * (never able → the medical exemption, not more time; studying now → the temporary exemption,
   * not the diploma).
   */
  cues?: Readonly<Record<string, readonly string[]>>;
  /**
   * Cues of concepts named together, more specific than each one's own cue, which they replace:
   * paying and being late is the fine, not the course costs; the term and not being finished yet
   * is more time.
   */
  cuesTogether?: readonly { when: readonly string[]; topics: readonly string[] }[];
  /**
   * The general answer of a concept (more time → the overview of extensions): it gets the cue when
   * a question names the concept and no cue points at a specific answer.
   */
  overviews?: Readonly<Record<string, string>>;
  /**
   * Concepts too broad to name an answer of their own (integration, an exam): they do not keep an
   * overview from applying ("must I do the exam" is the general obligation question).
   */
  broad?: readonly string[];
  /**
   * Families of answers by the concept that names them (exemption: the vrijstelling and ontheffing
   * answers; extension: the more-time answers): a question naming one family and no other prefers it.
   */
  families?: Readonly<Record<string, readonly string[]>>;
  /** Concepts whose family counts only when no other family is named (failing the exam). */
  familiesAlone?: readonly string[];
}

export interface CompiledTerm {
  /** Concept number. */
  c: number;
  /** Language tag of the term. */
  l: string;
  /** Per word of the term: its matching keys (first key = folded surface). */
  k: string[][];
}

export interface LexiconData {
  concepts: string[];
  core: number[];
  outOfScope: number[];
  /** Concept numbers that, all found in one question, make it out of scope. */
  outOfScopeTogether?: number[][];
  /** Concept numbers that rules read and ranking ignores (see LexiconSource.markers). */
  markers?: number[];
  terms: CompiledTerm[];
  /** Folded function words. */
  stopwords: string[];
  /** Folded words that rank nothing (see LexiconSource.functionWords). */
  functionWords?: string[];
  /** Concept number → the topics it points at. */
  cues: Record<string, string[]>;
  /** Concept numbers that, all named in one question, point at these topics (see LexiconSource). */
  cuesTogether?: { when: number[]; topics: string[] }[];
  /** Concept number → its general topic, pointed at when no cue is found. */
  overviews?: Record<string, string[]>;
  /** Concept numbers an overview passes over like the core ones (see LexiconSource.broad). */
  broad?: number[];
  /** Concept number → the topics of its family. */
  families?: Record<string, string[]>;
  /** Concept numbers whose family counts only when no other family is named. */
  familiesAlone?: number[];
}

export interface ConceptMatch {
  concept: number;
  lang: string;
  start: number;
  end: number;
  /** The term's first word was written as in the lexicon (not found through a stem or as a prefix). */
  exact: boolean;
}

/** A word as the matcher sees it. */
export interface ProbeWord {
  keys: ReadonlySet<string>;
  surface: string;
  script: Script;
  joined?: boolean;
  /**
   * A question word the index does not know (Latin or Cyrillic letters): it may be a typo of a
   * lexicon word, with the fuzzy matcher's limits (integartion → integration, inburgerng).
   */
  typo?: boolean;
}

export function compileLexicon(source: LexiconSource, stemmers: Stemmers): LexiconData {
  const concepts = Object.keys(source.concepts);
  const index = new Map(concepts.map((c, i) => [c, i]));
  const idsOf = (ids: readonly string[] | undefined, what: string) =>
    (ids ?? []).map((id) => {
      const i = index.get(id);
      if (i === undefined) throw new Error(`lexicon: ${what} names unknown concept "${id}"`);
      return i;
    });
  const terms: CompiledTerm[] = [];
  const seen = new Set<string>();
  concepts.forEach((concept, c) => {
    for (const [tag, list] of Object.entries(source.concepts[concept]!)) {
      const lang = tag.split('-')[0]!;
      const transliterated = tag.endsWith('-Latn');
      for (const term of list) {
        const tokens = tokenize(normaliseText(String(term)), lang);
        if (tokens.length === 0) continue;
        // Stems shorter than a plain word are left out: Turkish kanun → kan would match Dutch "kan".
        const k = tokens.map((t) =>
          transliterated
            ? [fold(t.text, t.script)]
            : wordKeys(t, lang, stemmers).filter(
                (key, i) => i === 0 || [...key].length >= (t.script === 'ethiopic' ? 3 : 4),
              ),
        );
        const id = `${c}|${k.map((x) => x[0]).join(' ')}`;
        if (seen.has(id)) continue;
        seen.add(id);
        terms.push({ c, l: tag, k });
      }
    }
  });
  const cues: Record<string, string[]> = {};
  for (const [concept, topics] of Object.entries(source.cues ?? {})) {
    const [c] = idsOf([concept], 'cues');
    cues[String(c)] = [...topics];
  }
  const overviews: Record<string, string[]> = {};
  for (const [concept, topic] of Object.entries(source.overviews ?? {})) {
    const [c] = idsOf([concept], 'overviews');
    overviews[String(c)] = [topic];
  }
  const families: Record<string, string[]> = {};
  for (const [concept, topics] of Object.entries(source.families ?? {})) {
    const [c] = idsOf([concept], 'families');
    families[String(c)] = [...topics];
  }
  return {
    concepts,
    cues,
    cuesTogether: (source.cuesTogether ?? []).map((t) => ({
      when: idsOf(t.when, 'cuesTogether'),
      topics: [...t.topics],
    })),
    overviews,
    broad: idsOf(source.broad, 'broad'),
    families,
    familiesAlone: idsOf(source.familiesAlone, 'familiesAlone'),
    core: idsOf(source.core, 'core'),
    outOfScope: idsOf(source.outOfScope, 'outOfScope'),
    outOfScopeTogether: (source.outOfScopeTogether ?? []).map((set) => idsOf(set, 'outOfScopeTogether')),
    markers: idsOf(source.markers, 'markers'),
    terms,
    stopwords: foldedWords(source.stopwords),
    functionWords: foldedWords(source.functionWords),
  };
}

const MAX_SUFFIX = 6;
/** The shortest typo of a term of one word (shorter words have too many neighbours that are words). */
const MIN_TYPO_SINGLE = 6;
function minPrefix(script: Script): number {
  return script === 'latin' || script === 'cyrillic' ? 4 : 3;
}

export class LexiconMatcher {
  readonly data: LexiconData;
  private readonly byKey = new Map<string, number[]>();
  private readonly byPrefix = new Map<string, number[]>();
  /** The first words of the terms in Latin and Cyrillic letters, for typos. */
  private readonly firstWords: FuzzyVocabulary;

  constructor(data: LexiconData) {
    this.data = data;
    const firstWords = new Set<string>();
    data.terms.forEach((term, i) => {
      for (const key of term.k[0]!) push(this.byKey, key, i);
      const surface = term.k[0]![0]!;
      push(this.byPrefix, surface, i);
      if (/^[\p{Script=Latin}\p{Script=Cyrillic}]+$/u.test(surface)) firstWords.add(surface);
    });
    this.firstWords = new FuzzyVocabulary(firstWords);
  }

  /** Words of a text, as probes for the matcher (question words: keys of every language). */
  static probes(tokens: readonly Token[], stemmers: Stemmers, lang?: string): ProbeWord[] {
    return tokens.map((t) => ({
      keys: lang ? new Set(wordKeys(t, lang, stemmers)) : lexiconProbeKeys(t, stemmers),
      surface: fold(t.text, t.script),
      script: t.script,
      joined: t.joined,
    }));
  }

  /** Every term found, longest first at each position; one match per concept and position. */
  /**
   * The terms found, as concepts. At each word the longest terms win, and among those the ones
   * whose first word was written as in the lexicon beat those found through a stem: "Pays-Bas"
   * is the Netherlands, not English "pay".
   */
  match(words: readonly ProbeWord[]): ConceptMatch[] {
    const out: ConceptMatch[] = [];
    // The end of the longest term found so far: a word inside it is part of that term and starts
    // no shorter one ("mai mult timp" is more time, not Portuguese "multa").
    let reach = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      // The joined form of a hyphenated word only continues a term (Pays-Bas); its parts start them.
      if (word.joined) continue;
      const exact = new Set<number>();
      for (const key of word.keys) for (const t of this.byKey.get(key) ?? []) exact.add(t);
      let found = this.extend(exact, words, i);
      // A longer word that starts with a term (hamileyim, ganaaxaaga) counts when nothing matched exactly.
      if (found.length === 0) found = this.extend(this.prefixCandidates(word), words, i);
      // A typo of a term's first word: of 6 letters or more for a term of one word, of 3 when the rest of a
      // longer term follows.
      if (found.length === 0 && word.typo) found = this.extend(this.typoCandidates(word), words, i);
      if (found.length === 0) continue;
      const end = Math.max(...found.map((f) => f.match.end));
      if (end <= reach) continue;
      reach = end;
      const longest = found.filter((f) => f.match.end === end);
      const quality = Math.max(...longest.map((f) => f.quality));
      const best = new Map<number, ConceptMatch>();
      for (const f of longest) if (f.quality === quality) best.set(f.match.concept, f.match);
      out.push(...best.values());
    }
    return out;
  }

  private extend(candidates: ReadonlySet<number>, words: readonly ProbeWord[], i: number) {
    const found: { match: ConceptMatch; quality: number }[] = [];
    for (const t of candidates) {
      const term = this.data.terms[t]!;
      const end = this.matchRest(term, words, i);
      if (end < 0) continue;
      const exact = term.k[0]![0] === words[i]!.surface;
      found.push({ match: { concept: term.c, lang: term.l, start: i, end, exact }, quality: exact ? 2 : 1 });
    }
    return found;
  }

  private prefixCandidates(word: ProbeWord): Set<number> {
    const out = new Set<number>();
    const chars = [...word.surface];
    const min = minPrefix(word.script);
    for (let len = Math.max(min, chars.length - MAX_SUFFIX); len < chars.length; len++) {
      for (const t of this.byPrefix.get(chars.slice(0, len).join('')) ?? []) out.add(t);
    }
    return out;
  }

  /**
   * Terms whose first word the word is a typo of. A term of one word takes a typo of 6 letters or
   * more only (five → fine, tepat → telat are words, not typos); the first word of a longer term one
   * of 3 or more, as the rest of the term must follow.
   */
  private typoCandidates(word: ProbeWord): Set<number> {
    const out = new Set<number>();
    const length = [...word.surface].length;
    for (const [near] of this.firstWords.near(word.surface, 3)) {
      for (const t of this.byPrefix.get(near) ?? []) {
        const single = this.data.terms[t]!.k.length < 2;
        if (single ? length < MIN_TYPO_SINGLE : [...near].length < 4) continue;
        out.add(t);
      }
    }
    return out;
  }

  /** Index after the last word of the term starting at i, or -1. One extra word may sit inside. */
  private matchRest(term: CompiledTerm, words: readonly ProbeWord[], i: number): number {
    let pos = i + 1;
    let gaps = 0;
    for (let w = 1; w < term.k.length; w++) {
      const keys = term.k[w]!;
      if (pos < words.length && wordMatches(keys, words[pos]!)) pos++;
      else if (gaps === 0 && pos + 1 < words.length && wordMatches(keys, words[pos + 1]!)) {
        gaps++;
        pos += 2;
      } else return -1;
    }
    return pos;
  }
}

function wordMatches(termKeys: readonly string[], word: ProbeWord): boolean {
  for (const k of termKeys) if (word.keys.has(k)) return true;
  const surface = termKeys[0]!;
  const len = [...surface].length;
  const wordLen = [...word.surface].length;
  if (
    len >= minPrefix(word.script) &&
    wordLen > len &&
    wordLen - len <= MAX_SUFFIX &&
    word.surface.startsWith(surface)
  )
    return true;
  // A typo of a word inside a term, the term's first words already found (integration exma).
  return word.typo === true && len >= 4 && wordLen >= 3 && isNear(word.surface, surface);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function foldedWords(byLang: Readonly<Record<string, readonly string[]>> | undefined): string[] {
  return [
    ...new Set(
      Object.values(byLang ?? {}).flatMap((list) =>
        list.flatMap((w) => tokenize(normaliseText(w)).map((t) => fold(t.text, t.script))),
      ),
    ),
  ];
}
