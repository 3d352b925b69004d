/**
 * The question-answering index. One document per topic holds every language's title, phrasings,
 * summary, terms and answer, so a question finds its topic through whichever language it shares
 * words with, and through the concepts of the cross-language lexicon. Five signals are blended:
 *
 * - words: BM25F over stemmed and light-stemmed words (fuzzy, transliterated and consonant-
 *   skeleton keys when a word is unknown);
 * - concepts: BM25 over the lexicon concepts of the titles and phrasings;
 * - 3-grams: character 3-grams of the question-like fields (unstemmed languages, typos);
 * - question: cosine similarity with the nearest single stored question (a general question
 *   finds the general topic before a specific one);
 * - signature: the share of a topic's title concepts the question names.
 *
 * `confident` asks that the best topic scores well and explains most of the question's
 * information, and that the question is not about something else (driving licence, weather).
 * The index is plain data (`toJSON` / `fromJSON`), so the same index ships to the browser for
 * offline search; stemmers are injected on both sides.
 */
import {
  documentExtraTrigrams,
  ethiopicLatinKey,
  queryWordKeys,
  type Stemmers,
  type StemTable,
  skeletonKey,
  stemTable,
  trigramsOf,
  withStemTable,
  wordKeys,
} from './analyze.ts';
import { detectLanguage, isUrdu, LangModelBuilder, type LangModels } from './detect.ts';
import { FuzzyVocabulary } from './fuzzy.ts';
import {
  compileLexicon,
  type LexiconData,
  LexiconMatcher,
  type LexiconSource,
  type ProbeWord,
} from './lexicon.ts';
import { NumberCues } from './numbers.ts';
import {
  cyrillicToLatin,
  fold,
  normaliseText,
  type Script,
  type Token,
  tokenize,
  withWordMemo,
} from './text.ts';

/** One knowledge-base answer in one language (the fields search reads). */
export interface SearchDoc {
  topic: string;
  lang: string;
  title: string;
  summary: string;
  answer: string;
  phrasings: readonly string[];
  terms?: Readonly<Record<string, string>>;
}

export const FIELDS = ['title', 'phrasings', 'summary', 'terms', 'answer'] as const;
export type Field = (typeof FIELDS)[number];

export interface RankingParams {
  /** BM25F weight and length normalisation per field. */
  fields: Record<Field, { weight: number; b: number }>;
  k1: number;
  /** Saturation of concept frequencies (per language). */
  conceptK1: number;
  /** Fields whose concepts count (answers mention many concepts in passing). */
  conceptFields: Field[];
  /** Fields whose words also feed the 3-gram channel. */
  gramFields: Field[];
  gramK1: number;
  gramB: number;
  /** Weights of the channels in the final score. */
  wordWeight: number;
  conceptWeight: number;
  gramWeight: number;
  /** Weight of the nearest single question (title or phrasing) of a topic. */
  questionWeight: number;
  /** Weight of a shared concept against a shared word in question similarity. */
  questionConceptWeight: number;
  /** Weight of the share of a topic's title concepts that the question names. */
  signatureWeight: number;
  /** Weight of the lexicon's cues (concepts that point at one of a confusable pair). */
  cueWeight: number;
  /**
   * Times the cue weight, the weight of an overview (the general answer of the question's one
   * specific concept: "must I do the exam" → who has to), which must outweigh a specific answer
   * whose stored questions happen to share more words.
   */
  overviewWeight?: number;
  /**
   * Bonus of every answer in a family (exemptions, more time) when the question names that
   * family's concept and no other family's: "exempt" is not "more time", whatever else it shares.
   */
  familyWeight?: number;
  /** Confident when score + coverageWeight × coverage reaches confidenceThreshold. */
  coverageWeight: number;
  confidenceThreshold: number;
  /**
   * Floors under both: a weak best topic is not made confident by a question whose few words it
   * all explains ("where can I have my car inspected"), nor a strong one when most of the question
   * is words no answer holds ("bicycle theft police report").
   */
  minScore?: number;
  minCoverage?: number;
  /**
   * The lead the best topic needs over the next one (a share of its score): answers nearly tied
   * are not one answer. A short question (at most `shortWords` words that tell topics apart)
   * rests on little, so it needs the larger `minLeadShort` ("im sick cant do the exam": the
   * medical exemption or more time).
   */
  minLead?: number;
  minLeadShort?: number;
  shortWords?: number;
}

export const DEFAULT_PARAMS: RankingParams = {
  fields: {
    title: { weight: 3, b: 0.5 },
    phrasings: { weight: 3, b: 0.6 },
    summary: { weight: 1.5, b: 0.6 },
    terms: { weight: 1, b: 0.5 },
    answer: { weight: 1, b: 0.75 },
  },
  k1: 1.2,
  conceptK1: 3,
  conceptFields: ['title', 'phrasings'],
  gramFields: ['title', 'phrasings', 'summary', 'terms'],
  gramK1: 1.2,
  gramB: 0.6,
  wordWeight: 1,
  conceptWeight: 0.8,
  gramWeight: 0.6,
  questionWeight: 1,
  questionConceptWeight: 0.7,
  signatureWeight: 0.5,
  cueWeight: 1,
  overviewWeight: 1.5,
  familyWeight: 0.5,
  coverageWeight: 0.5,
  confidenceThreshold: 0.8,
  minScore: 0.4,
  minCoverage: 0.35,
  minLead: 0.05,
  minLeadShort: 0.2,
  shortWords: 2,
};

/** Postings of one key: topic numbers and their length-normalised, field-weighted frequencies. */
type Postings = [number[], number[]];

/**
 * Postings as a search reads them, made once when the index is loaded (they depend on the
 * content only): the topics, the key's IDF, and each frequency already saturated
 * (`tf / (tf + k1)`) with the k1 of its channel.
 */
interface Ranked {
  docs: Int32Array;
  idf: number;
  /** Saturated with `k1` (words) or `gramK1` (3-grams). */
  sat: Float64Array;
  /** Concept keys (`~`): saturated with `conceptK1`. */
  satConcept?: Float64Array;
}

export interface SearchIndexData {
  format: 'wegwijs-search/1';
  params: RankingParams;
  topics: string[];
  /** Title per topic and language. */
  titles: Record<string, Record<string, string>>;
  /** Word keys, concept keys (~concept), consonant skeletons (#) and transliterations (%). */
  terms: Record<string, Postings>;
  grams: Record<string, Postings>;
  /** The questions of every topic (titles and phrasings, all languages): topic and vector norm per question. */
  questions: { topic: number[]; norm: number[] };
  /** Word and concept keys → the questions holding them. */
  questionKeys: Record<string, number[]>;
  /** Per topic, the concepts of its title with the share of languages whose title names them. */
  signatures: Record<string, number>[];
  lexicon: LexiconData;
  langModels: LangModels;
  /** The stems of the content's words (the server's index; the offline ones do without). */
  stems?: StemTable;
}

export interface BuildOptions {
  /**
   * Keep the stems of the content's words in the index (~1 MB of JSON, ~1 s to make): a search
   * then stems only the words the content does not hold. For the server's index; the offline
   * indexes, which must stay small, do without.
   */
  stemTable?: boolean;
}

export interface SearchOptions {
  /** Language of the answers wanted (a knowledge-base language). */
  lang?: string;
  limit?: number;
}

export interface SearchResult {
  topic: string;
  title: string;
  lang: string;
  url: string;
  score: number;
}

export interface SearchResponse {
  query: string;
  /** The language the answers are in (a result falls back to English where a topic lacks it). */
  lang: string;
  /** The tag that was asked for (`lang` of the request), when one was. */
  requestedLang?: string;
  /** True when `lang` is not the language asked for: a related language, the question's, or English. */
  fallback: boolean;
  results: SearchResult[];
  confident: boolean;
}

/** What the ranker saw: for tests, the eval script and tuning. */
export interface SearchExplanation {
  detected: string | undefined;
  script: Script;
  answerLang: string;
  concepts: string[];
  outOfScope: string[];
  core: boolean;
  /** Share of the question's information matched by the best topic (0..1). */
  coverage: number;
  /** Each word of the question: its information and whether the best topic explains it. */
  words: { word: string; info: number; explained: number }[];
  ranked: {
    topic: string;
    score: number;
    words: number;
    concepts: number;
    grams: number;
    question: number;
    signature: number;
  }[];
  confident: boolean;
}

const FALLBACK_LANG = 'en';

interface WordInfo {
  word: string;
  keys: Map<string, number>;
  info: number;
  concepts: string[];
}
/**
 * Relative to the IDF of a word found in one topic only: the IDF given to a question word no
 * topic contains (it counts against confidence), and the IDF below which a word tells topics too
 * little apart to count for confidence (how, ask, get).
 */
const OOV_SHARE = 0.75;
const INFO_BASELINE_SHARE = 0.3;

export class SearchIndex {
  readonly data: SearchIndexData;
  private readonly stemmers: Stemmers;
  private readonly lexicon: LexiconMatcher;
  private readonly numberCues: NumberCues;
  private readonly n: number;
  /** IDF of a key found in one topic, and the IDF given to a word found in none. */
  private readonly rareIdf: number;
  private readonly oovIdf: number;
  private readonly terms: Map<string, Ranked>;
  private readonly grams: Map<string, Ranked>;
  /** The IDF of a key no topic holds. */
  private readonly unseenIdf: number;
  /** Word and concept keys → the questions holding them (typed: scanned on every search). */
  private readonly questionKeys: Map<string, Int32Array>;
  /**
   * Working arrays of questionSimilarity, one slot per stored question, allocated once: every
   * slot a search writes is set back to zero before it returns, so nothing of a question stays.
   */
  private readonly scratch: { dot: Float64Array; best: Float64Array; asked: Int32Array; touched: Int32Array };
  private readonly stopwords: ReadonlySet<string>;
  private readonly functionWords: ReadonlySet<string>;
  private readonly vocabulary: FuzzyVocabulary;
  /** The languages that have answers, in order of first appearance. */
  readonly languages: readonly string[];
  private readonly topicNo: ReadonlyMap<string, number>;
  /** Per topic, its title concepts with their IDF weights and their sum (the same for every question). */
  private readonly signatureWeights: { concepts: [string, number][]; total: number }[];
  /** The broad concepts (`~name`), which an overview passes over. */
  private readonly passedOver: ReadonlySet<string>;

  private constructor(data: SearchIndexData, stemmers: Stemmers) {
    this.data = data;
    this.stemmers = withStemTable(stemmers, data.stems);
    this.lexicon = new LexiconMatcher(data.lexicon);
    this.numberCues = new NumberCues(data.lexicon);
    this.n = data.topics.length;
    this.rareIdf = idf(this.n, 1);
    this.oovIdf = OOV_SHARE * this.rareIdf;
    // Maps, not the records: a question word may be "constructor".
    const p = data.params;
    const ranked = ([docs, tfs]: Postings, k1: number, conceptK1?: number): Ranked => ({
      docs: Int32Array.from(docs),
      idf: idf(this.n, docs.length),
      sat: Float64Array.from(tfs, (tf) => saturate(tf, k1)),
      ...(conceptK1 === undefined
        ? {}
        : { satConcept: Float64Array.from(tfs, (tf) => saturate(tf, conceptK1)) }),
    });
    this.terms = new Map(
      Object.entries(data.terms).map(([key, postings]) => [
        key,
        ranked(postings, p.k1, key.startsWith('~') ? p.conceptK1 : undefined),
      ]),
    );
    this.grams = new Map(
      Object.entries(data.grams).map(([key, postings]) => [key, ranked(postings, p.gramK1)]),
    );
    this.unseenIdf = idf(this.n, 0);
    this.questionKeys = new Map(Object.entries(data.questionKeys).map(([k, qs]) => [k, Int32Array.from(qs)]));
    const count = data.questions.topic.length;
    this.scratch = {
      dot: new Float64Array(count),
      best: new Float64Array(count),
      asked: new Int32Array(count),
      touched: new Int32Array(count),
    };
    this.stopwords = new Set(data.lexicon.stopwords);
    this.functionWords = new Set(data.lexicon.functionWords ?? []);
    this.vocabulary = new FuzzyVocabulary([...this.terms.keys()].filter(isPlainKey));
    this.languages = [...new Set(Object.values(data.titles).flatMap((t) => Object.keys(t)))];
    this.topicNo = new Map(data.topics.map((t, i) => [t, i]));
    const { broad = [], concepts } = data.lexicon;
    this.passedOver = new Set(broad.map((c) => `~${concepts[c]}`));
    this.signatureWeights = data.signatures.map((signature) => {
      const concepts = Object.entries(signature).map(([c, share]): [string, number] => [
        c,
        share * this.idfOf(this.terms.get(c)),
      ]);
      return { concepts, total: concepts.reduce((sum, [, w]) => sum + w, 0) };
    });
  }

  static fromJSON(data: SearchIndexData, stemmers: Stemmers): SearchIndex {
    if (data?.format !== 'wegwijs-search/1')
      throw new Error('not a Wegwijs search index (format wegwijs-search/1)');
    return new SearchIndex(data, stemmers);
  }

  toJSON(): SearchIndexData {
    return this.data;
  }

  /** The index of these answers; the stems of the content are made once each (withWordMemo). */
  static build(
    docs: readonly SearchDoc[],
    lexiconSource: LexiconSource,
    stemmers: Stemmers,
    params: RankingParams = DEFAULT_PARAMS,
    options: BuildOptions = {},
  ): SearchIndex {
    return withWordMemo(() => SearchIndex.buildOnce(docs, lexiconSource, stemmers, params, options));
  }

  private static buildOnce(
    docs: readonly SearchDoc[],
    lexiconSource: LexiconSource,
    stemmers: Stemmers,
    params: RankingParams,
    options: BuildOptions,
  ): SearchIndex {
    const lexicon = compileLexicon(lexiconSource, stemmers);
    const matcher = new LexiconMatcher(lexicon);
    const topics = [...new Set(docs.map((d) => d.topic))];
    const topicNo = new Map(topics.map((t, i) => [t, i]));
    const titles: Record<string, Record<string, string>> = Object.create(null);
    // tf[field][topic] key → count; len[field][topic]
    const tf = Object.fromEntries(
      FIELDS.map((f) => [f, topics.map(() => new Map<string, number>())]),
    ) as Record<Field, Map<string, number>[]>;
    const len = Object.fromEntries(FIELDS.map((f) => [f, topics.map(() => 0)])) as Record<Field, number[]>;
    const gramTf = topics.map(() => new Map<string, number>());
    const gramLen = topics.map(() => 0);
    const langModels = new LangModelBuilder();
    // Questions (title, phrasings): per question its topic and, per word, the word's keys.
    const questionUnits: { topic: number; words: string[][]; concepts: string[] }[] = [];
    const titleConcepts = topics.map(() => new Map<string, number>());

    const gramCache = new Map<string, string[]>();
    const gramsOf = (tok: Token): string[] => {
      let grams = gramCache.get(tok.text);
      if (!grams) {
        grams = [...new Set([...trigramsOf(tok), ...documentExtraTrigrams(tok)])];
        gramCache.set(tok.text, grams);
      }
      return grams;
    };
    // Words repeat: analyse each (language, word) once.
    const analysed = new Map<string, ProbeWord>();
    const analyse = (tok: Token, lang: string): ProbeWord => {
      const id = `${lang}\u0000${tok.joined ? '-' : ''}${tok.text}`;
      let probe = analysed.get(id);
      if (!probe) {
        const keys = documentWordKeys(tok, lang, stemmers);
        probe = { keys: new Set(keys), surface: keys[0] ?? '', script: tok.script, joined: tok.joined };
        analysed.set(id, probe);
      }
      return probe;
    };

    for (const doc of docs) {
      const d = topicNo.get(doc.topic)!;
      titles[doc.topic] = { ...titles[doc.topic], [doc.lang]: doc.title };
      for (const field of FIELDS) {
        for (const text of fieldTexts(doc, field)) {
          const tokens = tokenize(normaliseText(text), doc.lang);
          const counts = tf[field][d]!;
          const probes = tokens.map((tok) => analyse(tok, doc.lang));
          for (const probe of probes) {
            for (const key of probe.keys) inc(counts, key);
            langModels.add(doc.lang, probe.surface, probe.script);
          }
          len[field][d]! += tokens.length;
          const questionLike = field === 'title' || field === 'phrasings';
          // Concepts count in the question-like fields only (answers name many concepts in passing).
          const found =
            questionLike || params.conceptFields.includes(field)
              ? matcher
                  .match(probes)
                  .filter((m) => !lexicon.markers?.includes(m.concept))
                  .map((m) => `~${lexicon.concepts[m.concept]}`)
              : [];
          if (params.conceptFields.includes(field)) for (const c of found) inc(counts, c);
          if (field === 'title') for (const c of new Set(found)) inc(titleConcepts[d]!, c);
          if (questionLike) {
            questionUnits.push({
              topic: d,
              words: probes.map((p) => [...p.keys]),
              concepts: [...new Set(found)],
            });
          }
          if (params.gramFields.includes(field)) {
            for (const tok of tokens) {
              for (const g of gramsOf(tok)) inc(gramTf[d]!, g);
              gramLen[d]! += 1;
            }
          }
        }
      }
    }

    const langsPerTopic = topics.map(
      (t) => new Set(docs.filter((doc) => doc.topic === t).map((doc) => doc.lang)).size,
    );
    const terms: Record<string, Postings> = Object.create(null);
    const avg = Object.fromEntries(FIELDS.map((f) => [f, mean(len[f])])) as Record<Field, number>;
    topics.forEach((_, d) => {
      const combined = new Map<string, number>();
      for (const field of FIELDS) {
        const { weight, b } = params.fields[field];
        const norm = 1 - b + (b * len[field][d]!) / (avg[field] || 1);
        for (const [key, count] of tf[field][d]!)
          combined.set(key, (combined.get(key) ?? 0) + (weight * count) / norm);
      }
      // Every language repeats a topic's concepts: count them per language, as words are.
      const langs = langsPerTopic[d] || 1;
      for (const [key, value] of combined)
        addPosting(terms, key, d, key.startsWith('~') ? value / langs : value);
    });
    const grams: Record<string, Postings> = Object.create(null);
    const gramAvg = mean(gramLen);
    gramTf.forEach((counts, d) => {
      const norm = 1 - params.gramB + (params.gramB * gramLen[d]!) / (gramAvg || 1);
      for (const [g, count] of counts) addPosting(grams, g, d, count / norm);
    });

    const idfOf = (key: string) => idf(topics.length, terms[key]?.[0].length ?? 0);
    const questionKeys: Record<string, number[]> = Object.create(null);
    const questions = { topic: [] as number[], norm: [] as number[] };
    questionUnits.forEach((unit, q) => {
      let norm2 = 0;
      const keys = new Set<string>();
      for (const wordKeys of unit.words) {
        norm2 += Math.max(0, ...wordKeys.map(idfOf)) ** 2;
        for (const k of wordKeys) keys.add(k);
      }
      for (const c of unit.concepts) {
        norm2 += (params.questionConceptWeight * idfOf(c)) ** 2;
        keys.add(c);
      }
      for (const k of keys) pushTo(questionKeys, k, q);
      questions.topic.push(unit.topic);
      questions.norm.push(Math.round(Math.sqrt(norm2) * 1000) / 1000);
    });

    return new SearchIndex(
      {
        format: 'wegwijs-search/1',
        params,
        topics,
        titles,
        terms,
        grams,
        questions,
        questionKeys,
        signatures: titleConcepts.map((counts, d) => {
          const signature: Record<string, number> = {};
          for (const [c, n] of counts) {
            const share = n / (langsPerTopic[d] || 1);
            if (share >= 0.3) signature[c] = Math.round(share * 100) / 100;
          }
          return signature;
        }),
        lexicon,
        langModels: langModels.build(),
        ...(options.stemTable ? { stems: stemTable(contentWords(docs, lexiconSource), stemmers) } : {}),
      },
      stemmers,
    );
  }

  /** The contract's answer: best topics first, in the wanted language. */
  search(query: string, options: SearchOptions = {}): SearchResponse {
    // The folds and stems of this question are remembered while it is answered, then dropped.
    return withWordMemo(() => this.run(query, options).response);
  }

  explain(query: string, options: SearchOptions = {}): SearchExplanation {
    return withWordMemo(() => this.run(query, options).explanation());
  }

  private run(
    query: string,
    options: SearchOptions,
  ): { response: SearchResponse; explanation: () => SearchExplanation } {
    const p = this.data.params;
    const limit = Math.max(1, Math.min(options.limit ?? 5, this.n));
    const text = normaliseText(query);
    const allTokens = tokenize(text);
    // An Urdu question takes the terms of other languages as written only: their stems and
    // prefixes are false friends (دینا, to give, starts like Arabic دين, a debt).
    const urdu = isUrdu(query);
    const probes = LexiconMatcher.probes(allTokens, this.stemmers);
    // Words the index does not know may be typos of a lexicon word (never stopwords or numbers).
    for (const probe of probes)
      probe.typo =
        (probe.script === 'latin' || probe.script === 'cyrillic') &&
        !this.stopwords.has(probe.surface) &&
        ![...probe.keys].some((k) => this.terms.has(k));
    const found = this.lexicon.match(probes).filter((m) => !urdu || m.exact || m.lang.split('-')[0] === 'ur');
    // Markers (units beside a number) are read by the number rules only, never ranked.
    const markers = this.data.lexicon.markers ?? [];
    const matches = markers.length ? found.filter((m) => !markers.includes(m.concept)) : found;
    const tokens = dedupe(allTokens);
    // The in-scope concepts each word is part of (a word inside "more time" explains that concept).
    const conceptsOfWord = new Map<string, string[]>();
    for (const m of matches) {
      if (this.data.lexicon.outOfScope.includes(m.concept)) continue;
      for (let i = m.start; i < m.end; i++) {
        const t = allTokens[i]!;
        const id = `${t.script}:${t.text}`;
        conceptsOfWord.set(id, [
          ...(conceptsOfWord.get(id) ?? []),
          `~${this.data.lexicon.concepts[m.concept]}`,
        ]);
      }
    }
    // Numbers name concepts too: an age past 60, a span of school ages (numbers.ts).
    const conceptIds = [
      ...new Set(matches.map((m) => m.concept)),
      ...this.numberCues.concepts(text, allTokens, found),
    ];
    const concepts = conceptIds.map((c) => this.data.lexicon.concepts[c]!);
    const detection = detectLanguage(
      tokens,
      this.data.langModels,
      matches.map((m) => m.lang),
      this.stopwords,
      query,
    );
    const wanted = options.lang ?? detection.lang;
    const answerLang = wanted && this.languages.includes(wanted) ? wanted : FALLBACK_LANG;

    const hanUnknown = this.unknownHanPairs(allTokens);

    // Word channel.
    const words = new Float64Array(this.n);
    let wordsMax = 0;
    const wordInfo: WordInfo[] = [];
    const wordKeyLists: Map<string, number>[] = [];
    for (const tok of tokens) {
      const keys = this.wordKeysInIndex(tok, detection.lang);
      let best = 0;
      for (const [key, weight] of keys) best = Math.max(best, weight * this.idfOf(this.terms.get(key)));
      wordsMax += best;
      const concepts = conceptsOfWord.get(`${tok.script}:${tok.text}`) ?? [];
      // A word inside a concept term carries that concept's information (schwanger: pregnancy).
      const conceptInfo = Math.max(0, ...concepts.map((c) => this.idfOf(this.terms.get(c))));
      // The information of a known word is that of its commonest reading (a rare stem of a common word is noise).
      let common = Number.POSITIVE_INFINITY;
      for (const key of keys.keys()) common = Math.min(common, this.idfOf(this.terms.get(key)));
      const folded = fold(tok.text, tok.script);
      const noise = this.functionWords.has(folded);
      const raw =
        noise || this.stopwords.has(folded)
          ? 0
          : concepts.length
            ? Math.max(keys.size > 0 ? common : 0, conceptInfo)
            : keys.size > 0
              ? common
              : this.oovWeight(tok, hanUnknown);
      // Only what sets a word apart counts: words common to many topics (how, ask, get) carry none.
      const info = Math.max(0, raw - INFO_BASELINE_SHARE * this.rareIdf);
      wordInfo.push({ word: tok.text, keys, info, concepts });
      // A function word ranks nothing: "kam" (how many) is in the Arabizi costs phrasings.
      wordKeyLists.push(noise ? new Map() : keys);
      if (keys.size === 0 || noise) continue;
      const perDoc = new Float64Array(this.n);
      for (const [key, weight] of keys) {
        const { docs, idf, sat } = this.terms.get(key)!;
        const w = weight * idf;
        for (let i = 0; i < docs.length; i++) {
          const v = w * sat[i]!;
          const d = docs[i]!;
          if (v > perDoc[d]!) perDoc[d] = v;
        }
      }
      for (let d = 0; d < this.n; d++) words[d]! += perDoc[d]!;
    }

    // Concept channel.
    const conceptScore = new Float64Array(this.n);
    let conceptMax = 0;
    for (const c of concepts) {
      const postings = this.terms.get(`~${c}`);
      const idf = postings ? postings.idf : this.oovIdf;
      conceptMax += idf;
      if (!postings) continue;
      const { docs } = postings;
      const sat = postings.satConcept!;
      for (let i = 0; i < docs.length; i++) conceptScore[docs[i]!]! += idf * sat[i]!;
    }

    // 3-gram channel.
    const gramScore = new Float64Array(this.n);
    let gramMax = 0;
    const queryGrams = new Set(
      tokens.filter((t) => !this.functionWords.has(fold(t.text, t.script))).flatMap((t) => trigramsOf(t)),
    );
    for (const g of queryGrams) {
      const postings = this.grams.get(g);
      if (!postings) continue;
      const { docs, idf, sat } = postings;
      gramMax += idf;
      for (let i = 0; i < docs.length; i++) gramScore[docs[i]!]! += idf * sat[i]!;
    }

    const question = this.questionSimilarity(wordKeyLists, concepts);
    const signature = this.signatureRecall(concepts);
    const { cues, general } = this.cueScores(conceptIds);
    const cueWeight = p.cueWeight ?? 0;
    const family = this.familyScores(conceptIds);
    const familyWeight = p.familyWeight ?? 0;

    const totalWeight = p.wordWeight + p.conceptWeight + p.gramWeight + p.questionWeight + p.signatureWeight;
    const channels = this.data.topics.map((_, d) => ({
      w: wordsMax > 0 ? words[d]! / wordsMax : 0,
      c: conceptMax > 0 ? conceptScore[d]! / conceptMax : 0,
      g: gramMax > 0 ? gramScore[d]! / gramMax : 0,
      q: question[d]!,
      sig: signature[d]!,
      // An overview's general answer: the question names nothing more specific than its concept.
      cue: general.has(d) ? (p.overviewWeight ?? 1) * cues[d]! : cues[d]!,
      family: family[d]!,
    }));
    const scored = this.data.topics.map((topic, d) => {
      const x = channels[d]!;
      // Cues (a concept that tells a confusable pair apart) add to the score, outside the scale.
      const score =
        (p.wordWeight * x.w +
          p.conceptWeight * x.c +
          p.gramWeight * x.g +
          p.questionWeight * x.q +
          p.signatureWeight * x.sig +
          cueWeight * x.cue +
          familyWeight * x.family) /
        totalWeight;
      return { topic, d, score, words: x.w, concepts: x.c, grams: x.g, question: x.q, signature: x.sig };
    });
    scored.sort((a, b) => b.score - a.score || a.d - b.d);

    const top = scored[0];
    // The general answer an overview pointed at explains the question's core and broad words too.
    const passed = top && general.has(top.d) ? this.passedOver : undefined;
    const coverage = top ? this.coverage(wordInfo, top.d, passed) : 0;
    const outOfScope = conceptIds
      .filter((c) => this.data.lexicon.outOfScope.includes(c))
      .map((c) => this.data.lexicon.concepts[c]!);
    // Concepts in scope one by one that together are about something else (a school for my child).
    for (const set of this.data.lexicon.outOfScopeTogether ?? [])
      if (set.every((c) => conceptIds.includes(c)))
        outOfScope.push(set.map((c) => this.data.lexicon.concepts[c]!).join('+'));
    const core = conceptIds.some((c) => this.data.lexicon.core.includes(c));
    const informative = wordInfo.filter((w) => w.info > 0).length;
    // A question with no word that tells topics apart, whose concepts were all found through a
    // stem or a prefix (Polish "kara", a fine, read as Kurmanji "kar", work), rests on guesses.
    const guessed = informative === 0 && matches.every((m) => !m.exact);
    const confident =
      !guessed &&
      this.isConfident(
        top?.score ?? 0,
        scored[1]?.score ?? 0,
        informative,
        coverage,
        outOfScope.length > 0,
        core,
      );

    const results = scored.slice(0, limit).map((s) => {
      const titles = this.data.titles[s.topic] ?? {};
      const has = (l: string) => Object.hasOwn(titles, l);
      const lang = has(answerLang)
        ? answerLang
        : has(FALLBACK_LANG)
          ? FALLBACK_LANG
          : Object.keys(titles)[0]!;
      return {
        topic: s.topic,
        title: titles[lang] ?? s.topic,
        lang,
        url: `/${lang}/kb/${s.topic}`,
        score: round(s.score),
      };
    });
    return {
      response: { query, lang: answerLang, fallback: answerLang !== wanted, results, confident },
      // Made only when asked for (the API's answer does not need it).
      explanation: () => ({
        detected: detection.lang,
        script: detection.script,
        answerLang,
        concepts,
        outOfScope,
        core,
        coverage: round(coverage),
        words: wordInfo.map((w) => ({
          word: w.word,
          info: round(w.info),
          explained: top ? this.explains(w, top.d, passed) : 0,
        })),
        ranked: scored.map((s) => ({
          topic: s.topic,
          score: round(s.score),
          words: round(s.words),
          concepts: round(s.concepts),
          grams: round(s.grams),
          question: round(s.question),
          signature: round(s.signature),
        })),
        confident,
      }),
    };
  }

  /**
   * Per topic, the cosine similarity of the question with the topic's nearest single question
   * (title or phrasing, any language), over IDF-weighted words and concepts. Unlike BM25 over a
   * whole topic, it also counts what the stored question has and the asked one lacks, so a
   * general question finds the general topic (more time?) before a specific one (more time
   * after a birth?).
   */
  private questionSimilarity(
    words: readonly Map<string, number>[],
    concepts: readonly string[],
  ): Float64Array {
    const p = this.data.params;
    // `dot` and `best` are all zeros between searches; `asked` lists the questions whose `dot`
    // this search set, `touched` those of one word whose `best` it set (both reset below).
    const { dot, best, asked, touched } = this.scratch;
    let nAsked = 0;
    let norm2 = 0;
    for (const keys of words) {
      if (keys.size === 0) continue;
      let wordMax = 0;
      let nTouched = 0;
      for (const [key, weight] of keys) {
        const idf = this.idfOf(this.terms.get(key));
        const v = weight * idf * idf;
        wordMax = Math.max(wordMax, weight * idf);
        const qs = this.questionKeys.get(key);
        if (!qs || !(v > 0)) continue; // a zero adds nothing (and would list a question twice)
        for (let i = 0; i < qs.length; i++) {
          const q = qs[i]!;
          const b = best[q]!;
          if (b === 0) touched[nTouched++] = q;
          if (v > b) best[q] = v;
        }
      }
      norm2 += wordMax * wordMax;
      for (let i = 0; i < nTouched; i++) {
        const q = touched[i]!;
        if (dot[q] === 0) asked[nAsked++] = q;
        dot[q]! += best[q]!;
        best[q] = 0;
      }
    }
    for (const c of concepts) {
      const key = `~${c}`;
      const w = p.questionConceptWeight * this.idfOf(this.terms.get(key));
      const ww = w * w;
      norm2 += ww;
      const qs = this.questionKeys.get(key);
      if (!qs || !(ww > 0)) continue;
      for (let i = 0; i < qs.length; i++) {
        const q = qs[i]!;
        if (dot[q] === 0) asked[nAsked++] = q;
        dot[q]! += ww;
      }
    }
    const perTopic = new Float64Array(this.n);
    const qNorm = Math.sqrt(norm2);
    const { topic, norm } = this.data.questions;
    // Only the stored questions that share a word or concept with this one (not all thousands).
    for (let i = 0; i < nAsked; i++) {
      const q = asked[i]!;
      const d = dot[q]!;
      dot[q] = 0;
      if (d === 0 || norm2 === 0) continue;
      const sim = d / (qNorm * (norm[q]! || 1));
      const t = topic[q]!;
      if (sim > perTopic[t]!) perTopic[t] = sim;
    }
    return perTopic;
  }

  /**
   * The share of the question's information that a topic explains: each word weighs its IDF (an
   * unknown word weighs much, a function word nothing) and counts as explained when the topic
   * holds the word, or a concept the word belongs to.
   */
  private coverage(words: readonly WordInfo[], d: number, passed?: ReadonlySet<string>): number {
    let total = 0;
    let explained = 0;
    for (const w of words) total += w.info;
    for (const w of words) explained += w.info * this.explains(w, d, passed);
    if (total > 0) return explained / total;
    // No word sets topics apart (each is common to many): the share of its known words it explains.
    let known = 0;
    for (const w of words) {
      if (w.keys.size === 0 && w.concepts.length === 0) continue;
      known++;
      explained += this.explains(w, d, passed);
    }
    return known > 0 ? explained / known : 0;
  }

  /**
   * 1 when topic d holds the word (or a concept it belongs to), less for a fuzzy match, else 0.
   * `passed`: concepts that count as held (those an overview passed over, for its general answer).
   */
  private explains(w: WordInfo, d: number, passed?: ReadonlySet<string>): number {
    if (passed && w.concepts.length > 0 && w.concepts.every((c) => passed.has(c))) return 1;
    let best = 0;
    for (const [key, weight] of w.keys) if (this.holds(key, d)) best = Math.max(best, weight);
    for (const c of w.concepts) if (this.holds(c, d)) best = 1;
    return best;
  }

  private holds(key: string, d: number): boolean {
    return this.terms.get(key)?.docs.includes(d) ?? false;
  }

  /**
   * Per topic, the share of the question's cue concepts that point at it (0..1), and the topics
   * an overview pointed at (general answers).
   */
  private cueScores(conceptIds: readonly number[]): { cues: Float64Array; general: Set<number> } {
    const out = new Float64Array(this.n);
    const general = new Set<number>();
    let cues = this.data.lexicon.cues ?? {};
    let found = conceptIds.filter((c) => Object.hasOwn(cues, String(c)));
    // Concepts named together point more precisely than each alone (paying + late: the fine).
    const named = (this.data.lexicon.cuesTogether ?? []).filter((t) =>
      t.when.every((c) => conceptIds.includes(c)),
    );
    // ... and a larger combination than a smaller one inside it.
    const together = named.filter(
      (t) => !named.some((o) => o.when.length > t.when.length && t.when.every((c) => o.when.includes(c))),
    );
    if (together.length) found = found.filter((c) => !together.some((t) => t.when.includes(c)));
    // No cue names one of a family of answers (more time because of ...): a concept with an
    // overview points at the general answer instead of at whichever specific one shares most words.
    // Only when the question names nothing the general answer's title does not (besides what
    // shows it is about integration at all): "divorce ... more time" is not a general question.
    // Broad concepts (integration, an exam) pass: "must I do the exam" is the general question.
    if (found.length === 0 && together.length === 0) {
      cues = this.data.lexicon.overviews ?? {};
      const { broad = [] } = this.data.lexicon;
      found = conceptIds.filter((c) => {
        const topic = cues[String(c)]?.[0];
        const d = topic === undefined ? undefined : this.topicNo.get(topic);
        if (d === undefined) return false;
        const signature = this.data.signatures[d] ?? {};
        return conceptIds.every(
          (other) =>
            other === c ||
            broad.includes(other) ||
            Object.hasOwn(signature, `~${this.data.lexicon.concepts[other]}`),
        );
      });
    }
    const pointers = [...together.map((t) => t.topics), ...found.map((c) => cues[String(c)]!)];
    const overview = cues === this.data.lexicon.overviews;
    for (const topics of pointers) {
      for (const topic of topics) {
        const d = this.topicNo.get(topic);
        if (d === undefined) continue;
        out[d]! += 1 / (topics.length * pointers.length);
        if (overview) general.add(d);
      }
    }
    return { cues: out, general };
  }

  /** 1 for the answers of the one family whose concept the question names (none when it names several). */
  private familyScores(conceptIds: readonly number[]): Float64Array {
    const out = new Float64Array(this.n);
    const families = this.data.lexicon.families ?? {};
    let named = conceptIds.filter((c) => Object.hasOwn(families, String(c)));
    // A family that stands back for any other (failing the exam) counts only alone.
    const alone = this.data.lexicon.familiesAlone ?? [];
    const others = named.filter((c) => !alone.includes(c));
    if (others.length) named = others;
    // Two concepts may name one family (exempt, not obliged): one family named, however often.
    const distinct = new Set(named.map((c) => families[String(c)]!.join(' ')));
    if (distinct.size !== 1) return out;
    const members = families[String(named[0])]!;
    // A cue that points outside the family wins (extra time in the exam is an adjusted exam).
    const cues = this.data.lexicon.cues ?? {};
    for (const c of conceptIds)
      if ((cues[String(c)] ?? []).some((topic) => !members.includes(topic))) return out;
    for (const topic of members) {
      const d = this.topicNo.get(topic);
      if (d !== undefined) out[d] = 1;
    }
    return out;
  }

  /** Per topic, the IDF-weighted share of its title concepts that the question names. */
  private signatureRecall(concepts: readonly string[]): Float64Array {
    const asked = new Set(concepts.map((c) => `~${c}`));
    const out = new Float64Array(this.n);
    if (asked.size === 0) return out;
    this.signatureWeights.forEach(({ concepts: weights, total }, d) => {
      let found = 0;
      for (const [c, w] of weights) if (asked.has(c)) found += w;
      out[d] = total > 0 ? found / total : 0;
    });
    return out;
  }

  /**
   * Confident when the best topic scores well, leads the next one clearly (more so for a short
   * question), explains most of what the question says, and the question is not about something
   * Wegwijs does not answer (driving licence, weather ...) unless it is also about civic
   * integration itself.
   */
  private isConfident(
    top: number,
    second: number,
    informative: number,
    coverage: number,
    outOfScope: boolean,
    core: boolean,
  ): boolean {
    const p = this.data.params;
    if (outOfScope && !core) return false;
    if (top < (p.minScore ?? 0) || coverage < (p.minCoverage ?? 0)) return false;
    const lead = informative <= (p.shortWords ?? 0) ? (p.minLeadShort ?? 0) : (p.minLead ?? 0);
    if (top - second < lead * top) return false;
    return top + p.coverageWeight * coverage >= p.confidenceThreshold;
  }

  /** The keys of a question word that the index knows, with weights; fuzzy and transliterated keys as a fallback. */
  private wordKeysInIndex(tok: Token, primary: string | undefined): Map<string, number> {
    const keys = new Map<string, number>();
    for (const [key, weight] of queryWordKeys(tok, this.stemmers, primary)) {
      if (this.terms.has(key)) keys.set(key, weight);
    }
    if (keys.size > 0) return keys;
    const surface = fold(tok.text, tok.script);
    if (tok.script === 'latin') {
      // Ukrainian typed in Latin letters, Arabic or Farsi typed in Latin letters.
      if (this.terms.has(`%${surface}`)) keys.set(`%${surface}`, 0.9);
      const skeleton = skeletonKey(tok);
      if (skeleton && this.terms.has(`#${skeleton}`)) keys.set(`#${skeleton}`, 0.6);
    }
    for (const [key, distance] of this.vocabulary.near(surface)) {
      const weight = distance === 1 ? 0.75 : 0.55;
      if ((keys.get(key) ?? 0) < weight) keys.set(key, weight);
    }
    return keys;
  }

  private oovWeight(tok: Token, hanUnknown: ReadonlySet<string>): number {
    // Numbers and one- or two-letter words carry no information even when unknown. A Chinese
    // character pair the index lacks carries some only when it is not the seam of two known ones
    // (驾照 in 考驾照 is a word of its own; 试我 in 考试我 is a seam).
    if (tok.script === 'han') return hanUnknown.has(tok.text) ? 0.5 * this.oovIdf : 0;
    return /^\d+$/.test(tok.text) || [...tok.text].length <= 2 ? 0 : this.oovIdf;
  }

  /** The Chinese character pairs of a question the index lacks whose neighbouring pairs it lacks too. */
  private unknownHanPairs(tokens: readonly Token[]): Set<string> {
    const out = new Set<string>();
    const known = (t: Token | undefined) => {
      if (t?.script !== 'han') return false;
      for (const key of queryWordKeys(t, this.stemmers).keys()) if (this.terms.has(key)) return true;
      return false;
    };
    tokens.forEach((t, i) => {
      if (t.script !== 'han' || [...t.text].length !== 2 || known(t)) return;
      if (!known(tokens[i - 1]) && !known(tokens[i + 1])) out.add(t.text);
    });
    return out;
  }

  private idfOf(postings: Ranked | undefined): number {
    return postings ? postings.idf : this.unseenIdf;
  }
}

/** Every word of the content and the lexicon, as a question's words are read. */
function* contentWords(docs: readonly SearchDoc[], lexicon: LexiconSource): Generator<Token> {
  for (const doc of docs)
    for (const field of FIELDS)
      for (const text of fieldTexts(doc, field)) yield* tokenize(normaliseText(text));
  for (const byLang of Object.values(lexicon.concepts))
    for (const terms of Object.values(byLang)) for (const term of terms) yield* tokenize(normaliseText(term));
}

function documentWordKeys(tok: Token, lang: string, stemmers: Stemmers): string[] {
  const keys = wordKeys(tok, lang, stemmers);
  if (tok.script === 'arabic') {
    const s = skeletonKey(tok);
    if (s) keys.push(`#${s}`);
  } else if (tok.script === 'ethiopic') {
    const s = ethiopicLatinKey(tok);
    if (s) keys.push(`#${s}`);
  } else if (tok.script === 'cyrillic') {
    // Typed in Latin letters the Ukrainian way (h for г) or the Russian way (g).
    for (const russian of [false, true]) keys.push(`%${fold(cyrillicToLatin(tok.text, russian), 'latin')}`);
  }
  return [...new Set(keys)];
}

function saturate(tf: number, k1: number): number {
  return tf / (tf + k1);
}

function idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function isPlainKey(key: string): boolean {
  const c = key[0];
  return c !== '~' && c !== '#' && c !== '%';
}

function fieldTexts(doc: SearchDoc, field: Field): string[] {
  switch (field) {
    case 'title':
      return [doc.title];
    case 'phrasings':
      return [...doc.phrasings];
    case 'summary':
      return [doc.summary];
    case 'terms':
      return Object.entries(doc.terms ?? {}).map(([k, v]) => `${k}: ${v}`);
    case 'answer':
      return [plainText(doc.answer)];
  }
}

/** Markdown to the words a reader sees: link targets, URLs and emphasis marks removed. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[*_#>`|]/g, ' ');
}

function dedupe(tokens: Token[]): Token[] {
  const seen = new Set<string>();
  return tokens.filter((t) => {
    const k = `${t.script}:${t.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function inc(map: Map<string, number>, key: string) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function addPosting(target: Record<string, Postings>, key: string, doc: number, value: number) {
  const p = target[key] ?? [[], []];
  target[key] = p;
  p[0].push(doc);
  p[1].push(Math.round(value * 1000) / 1000);
}

function pushTo(target: Record<string, number[]>, key: string, value: number) {
  const list = target[key] ?? [];
  target[key] = list;
  list.push(value);
}

function mean(values: readonly number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
