/**
 * Script-aware text normalisation and tokenisation for question search. Pure functions, so the
 * same code runs on the server, in the CLI and in the browser (offline search).
 *
 * Pipeline: normaliseText (NFKC, invisible characters, Arabic-script letter variants, digits) →
 * tokenize (words, split at script changes and hyphens, Cyrillic look-alike letters repaired) →
 * per word: stemmers (injected) and light affix stripping → fold (diacritics, dotted/dotless i,
 * Cyrillic and Ethiopic letter variants), which turns every form into a matching key.
 */

export type Script = 'latin' | 'arabic' | 'cyrillic' | 'ethiopic' | 'han' | 'other';

export interface Token {
  /** Lower-cased word (Turkish dotted İ already i), not yet folded. */
  text: string;
  script: Script;
  /** True when the word was written with a capital first letter (an acronym or a name). */
  capital: boolean;
  /** The parts of a hyphenated word written together (is-dhexgal → isdhexgal). */
  joined?: boolean;
}

// Invisible characters that only change rendering: soft hyphen, ZWSP, ZWJ, LRM/RLM, ALM, word
// joiner, BOM and the bidi controls. ZWNJ is a word break in Persian (می‌شود = می + شود).
const INVISIBLE = /[\u00AD\u200B\u200E\u200F\u061C\u2060\uFEFF\u202A-\u202E\u2066-\u2069]|\u200D/g;
// Arabic diacritics (tashkeel), Quranic annotation marks, the superscript alef, and tatweel.
const TASHKEEL = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;

const ARABIC_LETTER_MAP: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ٲ: 'ا',
  ٳ: 'ا',
  ؤ: 'و',
  ئ: 'ي',
  ى: 'ي', // alef maqsura
  ی: 'ي', // Persian yeh
  ې: 'ي',
  ۍ: 'ي',
  ێ: 'ي',
  ک: 'ك', // Persian keheh
  ڪ: 'ك',
  ة: 'ه', // ta marbuta
  ۀ: 'ه',
  ە: 'ه',
  ھ: 'ه',
  ۃ: 'ه',
  // Sorani letters people also type without their marks (on an Arabic or Persian keyboard).
  ڕ: 'ر',
  ڵ: 'ل',
  ۆ: 'و',
  ڤ: 'ف',
  // Pashto letters, likewise typed with the nearest Persian letter.
  ګ: 'گ',
  ټ: 'ت',
  ډ: 'د',
  ړ: 'ر',
  ڼ: 'ن',
  ښ: 'ش',
  ږ: 'ژ',
  ځ: 'ز',
  څ: 'س',
};
const ARABIC_LETTERS = new RegExp(`[${Object.keys(ARABIC_LETTER_MAP).join('')}]`, 'g');

/** Script-level normalisation of a whole text (before tokenisation). Idempotent. */
export function normaliseText(input: string): string {
  return (
    input
      .normalize('NFKC')
      .replace(/\u200C/g, ' ')
      .replace(INVISIBLE, '')
      .replace(TASHKEEL, '')
      .replace(ARABIC_LETTERS, (c) => ARABIC_LETTER_MAP[c] ?? c)
      // Arabic-Indic and extended (Persian) digits → ASCII.
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660))
      .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x6f0))
      // Thousands separators: 1.250 / 1,250 / 1٬250 → 1250 (amounts are asked in every style).
      .replace(/(\d)[.,\u066C](?=\d{3}(?!\d))/g, '$1')
  );
}

export function scriptOfChar(ch: string): Script {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x80) return /[A-Za-z]/.test(ch) ? 'latin' : 'other';
  if ((c >= 0x00c0 && c <= 0x024f) || (c >= 0x1e00 && c <= 0x1eff)) return 'latin';
  if ((c >= 0x0400 && c <= 0x052f) || (c >= 0x1c80 && c <= 0x1c8f)) return 'cyrillic';
  if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0x08a0 && c <= 0x08ff))
    return 'arabic';
  if ((c >= 0x1200 && c <= 0x139f) || (c >= 0x2d80 && c <= 0x2ddf) || (c >= 0xab00 && c <= 0xab2f))
    return 'ethiopic';
  // CJK ideographs (Chinese): the unified block, extension A, compatibility ideographs, extensions B+.
  if (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x20000 && c <= 0x3134f)
  )
    return 'han';
  return 'other';
}

const ASCII_WORD = /^[A-Za-z0-9]+$/;

// A run of letters, marks and digits, with apostrophes and hyphens inside it.
const WORD_RUN = /[\p{L}\p{M}\p{N}]+(?:['’ʼ‘`´ʻ′\-‐‑–][\p{L}\p{M}\p{N}]+)*/gu;
const APOSTROPHE_CHARS = /['’ʼ‘`´ʻ′]/g;
const HYPHEN_CHARS = /[‐‑–]/g;
const UPPER_START = /^\p{Lu}/u;

// Latin letters that look like Cyrillic ones: a word typed half on a Latin keyboard is repaired.
const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'і',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
  k: 'к',
  m: 'м',
  t: 'т',
  h: 'н',
  b: 'в',
  A: 'А',
  C: 'С',
  E: 'Е',
  I: 'І',
  O: 'О',
  P: 'Р',
  X: 'Х',
  K: 'К',
  M: 'М',
  T: 'Т',
  H: 'Н',
  B: 'В',
};

function repairCyrillic(word: string): string {
  let cyr = 0;
  let lat = 0;
  for (const ch of word) {
    const s = scriptOfChar(ch);
    if (s === 'cyrillic') cyr++;
    else if (s === 'latin') lat++;
  }
  if (cyr === 0 || lat === 0 || lat > cyr) return word;
  let out = '';
  for (const ch of word) out += scriptOfChar(ch) === 'latin' ? (LATIN_TO_CYRILLIC[ch] ?? ch) : ch;
  return out;
}

function lower(word: string, turkish: boolean): string {
  return (turkish ? word.replace(/I/g, 'ı') : word).replace(/İ/g, 'i').toLowerCase();
}

function scriptOfWord(word: string): Script {
  for (const ch of word) {
    const s = scriptOfChar(ch);
    if (s !== 'other') return s;
  }
  return 'other';
}

/**
 * Words of a normalised text. Splits at punctuation, spaces, hyphens (a hyphenated word also
 * yields the joined form: is-dhexgal → is, dhexgal, isdhexgal) and at a change of script
 * (ንDUO → ን, duo). An apostrophe joins (go'aan, об'язково) except after a capitalised part,
 * where Turkish writes suffixes on names (DUO'ya → duo, ya). Chinese, written without spaces,
 * becomes overlapping character bigrams (罚款多少 → 罚款, 款多, 多少), as in CJK search engines:
 * no dictionary is needed, and a two-character word always meets itself.
 */
export function tokenize(text: string, lang?: string): Token[] {
  const turkish = lang === 'tr' || lang === 'az';
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD_RUN)) {
    const run = match[0].replace(APOSTROPHE_CHARS, "'").replace(HYPHEN_CHARS, '-');
    const parts = run.split('-').filter(Boolean);
    const wordTokens: Token[] = [];
    for (const part of parts) {
      for (const piece of splitApostrophes(repairCyrillic(part))) {
        for (const chunk of splitScripts(piece)) {
          if (scriptOfWord(chunk) === 'han') {
            wordTokens.push(...hanTokens(chunk));
            continue;
          }
          const t = lower(chunk, turkish);
          if (t) wordTokens.push({ text: t, script: scriptOfWord(chunk), capital: UPPER_START.test(chunk) });
        }
      }
    }
    for (const t of wordTokens) tokens.push(t);
    if (
      parts.length > 1 &&
      wordTokens.length > 1 &&
      wordTokens[0]!.script !== 'han' &&
      wordTokens.every((t) => t.script === wordTokens[0]!.script)
    ) {
      const joined = wordTokens.map((t) => t.text).join('');
      tokens.push({
        text: joined,
        script: wordTokens[0]!.script,
        capital: wordTokens[0]!.capital,
        joined: true,
      });
    }
  }
  return tokens;
}

/**
 * A run of Chinese characters as overlapping bigrams; a single character stands alone. Digits
 * and other signs inside the run (3年) are separate tokens.
 */
export function hanTokens(chunk: string): Token[] {
  const out: Token[] = [];
  const segments = chunk.match(/\p{Script=Han}+|[^\p{Script=Han}]+/gu) ?? [];
  for (const segment of segments) {
    const chars = [...segment];
    if (scriptOfChar(chars[0]!) !== 'han') {
      const text = segment.toLowerCase();
      out.push({ text, script: scriptOfWord(segment), capital: false });
      continue;
    }
    if (chars.length === 1) out.push({ text: segment, script: 'han', capital: false });
    for (let i = 0; i + 1 < chars.length; i++)
      out.push({ text: chars[i]! + chars[i + 1]!, script: 'han', capital: false });
  }
  return out;
}

function splitApostrophes(part: string): string[] {
  if (!part.includes("'")) return [part];
  const pieces = part.split("'").filter(Boolean);
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (!current) current = piece;
    else if (UPPER_START.test(current)) {
      out.push(current);
      current = piece;
    } else if (current.length <= 2 || current.toLowerCase() === 'qu') {
      // After a short head the rest may be a word of its own (French l'intégration, d'asile):
      // keep both readings, the joined one (Somali go'aan) and the rest.
      out.push(current + piece, piece);
      current = '';
    } else current += piece;
  }
  if (current) out.push(current);
  return out;
}

function splitScripts(piece: string): string[] {
  if (ASCII_WORD.test(piece)) return [piece];
  const out: string[] = [];
  let current = '';
  let currentScript: Script = 'other';
  for (const ch of piece) {
    const letterScript = scriptOfChar(ch);
    if (letterScript !== 'other' && currentScript !== 'other' && letterScript !== currentScript) {
      out.push(current);
      current = '';
    }
    current += ch;
    if (letterScript !== 'other') currentScript = letterScript;
  }
  if (current) out.push(current);
  return out;
}

// ---- folding: the last step of every key ----

const LATIN_SPECIAL: Record<string, string> = {
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ŋ: 'ng',
  ĳ: 'ij',
};

const CYRILLIC_FOLD: Record<string, string> = {
  ї: 'и',
  і: 'и',
  ы: 'и',
  є: 'е',
  э: 'е',
  ё: 'е',
  ґ: 'г',
  ъ: '',
  "'": '',
};

/** Ethiopic letter series that are pronounced alike (writers mix them), folded to one series. */
const ETHIOPIC_SERIES_FOLD: [number, number][] = [
  [0x1210, 0x1200], // ሐ → ሀ
  [0x1280, 0x1200], // ኀ → ሀ
  [0x1220, 0x1230], // ሠ → ሰ
  [0x1340, 0x1338], // ፀ → ጸ
  [0x12d0, 0x12a0], // ዐ → አ
  [0x1250, 0x1240], // ቐ → ቀ (Tigrinya qh)
  [0x12b8, 0x12a8], // ኸ → ከ (Tigrinya kx)
];

function foldEthiopicChar(c: number): number {
  for (const [from, to] of ETHIOPIC_SERIES_FOLD) if (c >= from && c < from + 7) return to + (c - from);
  return c;
}

/**
 * What one search (or one index build) has already worked out about its words: folds and stems,
 * which are pure and asked for again and again within one question (a word is stemmed for the
 * index keys and again for the lexicon). Only while that call runs (`withWordMemo`): nothing of a
 * question outlives its search.
 */
interface WordMemo {
  folds: Map<string, string>;
  /** Per set of stemmers: `lang \0 word` → stem. */
  stems: WeakMap<object, Map<string, string | undefined>>;
}
let memo: WordMemo | undefined;

/** Runs `fn` with folds and stems remembered until it returns (nested calls share the outer memo). */
export function withWordMemo<T>(fn: () => T): T {
  if (memo) return fn();
  memo = { folds: new Map(), stems: new WeakMap() };
  try {
    return fn();
  } finally {
    memo = undefined;
  }
}

/** The stems remembered in the running `withWordMemo` call for this set of stemmers, if any. */
export function stemMemo(stemmers: object): Map<string, string | undefined> | undefined {
  if (!memo) return undefined;
  let stems = memo.stems.get(stemmers);
  if (!stems) {
    stems = new Map();
    memo.stems.set(stemmers, stems);
  }
  return stems;
}

/** Lower-case ASCII letters and digits only: folding leaves such a word as it is. */
const PLAIN_ASCII = /^[a-z0-9]*$/;

/** The matching key of a word: diacritics, dotless i, Cyrillic and Ethiopic variants folded. */
export function fold(word: string, script: Script = scriptOfWord(word)): string {
  if (script !== 'latin' && script !== 'cyrillic' && script !== 'ethiopic') return word;
  if (script === 'latin' && PLAIN_ASCII.test(word)) return word;
  if (!memo) return foldWord(word, script);
  const key = `${script}\0${word}`;
  let folded = memo.folds.get(key);
  if (folded === undefined) {
    folded = foldWord(word, script);
    memo.folds.set(key, folded);
  }
  return folded;
}

function foldWord(word: string, script: Script): string {
  switch (script) {
    case 'latin': {
      let s = word.replace(/[ıßæœøłđðþŋĳ]/g, (c) => LATIN_SPECIAL[c] ?? c);
      s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return s.replace(/'/g, '');
    }
    case 'cyrillic':
      return word.replace(/[їіиыєэёґъ']/g, (c) => CYRILLIC_FOLD[c] ?? c);
    case 'ethiopic': {
      let s = '';
      for (const ch of word) s += String.fromCodePoint(foldEthiopicChar(ch.codePointAt(0)!));
      return s;
    }
    default:
      return word;
  }
}

/**
 * An Ethiopic word reduced to its consonants (each syllable to the first-order form of its
 * series): Tigrinya and Amharic inflect by changing vowels, so ወሊደ, ወሊዳ and ምውላድ share ወለደ.
 */
export function ethiopicSkeleton(word: string): string {
  let s = '';
  for (const ch of word) {
    const c = foldEthiopicChar(ch.codePointAt(0)!);
    s += c >= 0x1200 && c <= 0x1357 ? String.fromCodePoint(c - ((c - 0x1200) % 8)) : ch;
  }
  return s;
}

// ---- light affix stripping where no stemmer exists or the stemmer is weak ----

const AR_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
const AR_SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/** Light Arabic stemming (after Larkey's light10): و, the article with its prepositions, common suffixes. */
export function arabicLight(word: string): string {
  let w = word;
  if (w.length > 3 && w.startsWith('و')) w = w.slice(1);
  for (const p of AR_PREFIXES) {
    if (w.startsWith(p) && w.length - p.length >= 2) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of AR_SUFFIXES) if (w.length - s.length >= 2 && w.endsWith(s)) w = w.slice(0, -s.length);
  return w;
}

// After normaliseText, Persian ی is ي and ک is ك.
const FA_PREFIXES = ['نمي', 'مي', 'بي'];
// Plural, comparative, possessive and personal endings, longest first.
const FA_SUFFIXES = [
  'هايمان',
  'هايتان',
  'هايشان',
  'هايي',
  'هايم',
  'هايت',
  'هايش',
  'هاي',
  'ترين',
  'ها',
  'تر',
  'يي',
  'شان',
  'تان',
  'مان',
  'ايم',
  'ايد',
  'اند',
  'يم',
  'يد',
  'ند',
  'ام',
  'اي',
  'ات',
  'اش',
  'ان',
  'ي',
  'م',
  'ت',
  'ش',
];

/** Light Persian stemming: verbal prefixes (می، نمی) and one plural, possessive or personal ending. */
export function persianLight(word: string): string {
  let w = word;
  for (const p of FA_PREFIXES) {
    if (w.startsWith(p) && w.length - p.length >= 3) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of FA_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= 3) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  return w;
}

// Articles and possessives, also in their assimilated forms (ganaax-aaga, imtixaan-ka); longest first.
const SO_SUFFIXES = [
  'ooyinkeeda',
  'ooyinka',
  'ooyin',
  'yaasha',
  'kaaga',
  'taada',
  'kayga',
  'tayda',
  'kiisa',
  'tiisa',
  'keeda',
  'teeda',
  'kooda',
  'tooda',
  'keena',
  'teena',
  'kiina',
  'tiina',
  'aaga',
  'aada',
  'ayga',
  'ayda',
  'iisa',
  'eeda',
  'ooda',
  'eena',
  'iina',
  'adda',
  'yada',
  'yaal',
  'kii',
  'tii',
  'gii',
  'dii',
  'hii',
  'aha',
  'ka',
  'ta',
  'ga',
  'da',
  'ha',
  'sa',
  'a',
].sort((a, b) => b.length - a.length);

/** Light Somali stemming: definite articles and possessive endings (ganaaxa, ganaaxaaga → ganaax). */
export function somaliLight(word: string): string {
  for (const s of SO_SUFFIXES) {
    if (word.endsWith(s) && word.length - s.length >= 4) return word.slice(0, -s.length);
  }
  return word;
}

const TI_PREFIXES = ['እንተ', 'ካብ', 'ናብ', 'ምስ', 'ከም', 'ብ', 'ን', 'ዝ', 'ክ'];
// Tigrinya and Amharic endings written as syllables of their own (Amharic: ው/ዋ the, ን the object).
const TI_SUFFIXES = ['ታትን', 'ታት', 'ኩም', 'ኹም', 'ኩን', 'ኹን', 'ውን', 'ካ', 'ኻ', 'ኪ', 'ኺ', 'ና', 'ን', 'ይ', 'ው', 'ዋ'];

/**
 * Light Tigrinya and Amharic stemming: attached prepositions, the commonest endings written as a
 * syllable (ብሕማም → ሕማም), and endings that only change the vowel of the last syllable: the article
 * or "his" (-u: Amharic ቅጣቱ → ቅጣት, Tigrinya ሕማሙ → ሕማም), "my" (-e: ቅጣቴ) and the plural's -o before
 * ች (ቅጣቶች → ቅጣት) turn the last syllable back into its plain (sixth-order) form, in words of three
 * syllables or more.
 */
export function tigrinyaLight(word: string): string {
  let w = word;
  for (const p of TI_PREFIXES) {
    if (w.startsWith(p) && [...w].length - [...p].length >= 2) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of TI_SUFFIXES) {
    if (w.endsWith(s) && [...w].length - [...s].length >= 2) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  return ethiopicPlainLast(w);
}

/** The last syllable of an Ethiopic word of three syllables or more in its sixth order when it ends in -u, -e or -o. */
function ethiopicPlainLast(word: string): string {
  const chars = [...word];
  // The Amharic plural: -o on the last syllable, then ች (ቅጣቶች).
  if (chars.length >= 4 && chars[chars.length - 1] === 'ች') {
    const before = chars[chars.length - 2]!.codePointAt(0)!;
    if (before >= 0x1200 && before <= 0x135a && (before - 0x1200) % 8 === 6) chars.pop();
  }
  if (chars.length < 3) return word;
  const c = chars[chars.length - 1]!.codePointAt(0)!;
  if (c < 0x1200 || c > 0x135a) return chars.join('');
  const order = (c - 0x1200) % 8;
  if (order !== 1 && order !== 4 && order !== 6) return chars.join('');
  const plain = String.fromCodePoint(c - order + 5);
  if (!/\p{L}/u.test(plain)) return chars.join('');
  chars[chars.length - 1] = plain;
  return chars.join('');
}

// After normaliseText, Sorani ە is ه, ی and ێ are ي, ک is ك. Definite, plural, indefinite and
// possessive endings, longest first (باوکم → باوك, کۆرسەکان → كورس, نەخۆشییەکە → نهخوشي).
const CKB_SUFFIXES = [
  'هكانمان',
  'هكانتان',
  'هكانيان',
  'يهكانم',
  'هكانم',
  'هكانت',
  'هكاني',
  'يهكان',
  'هكان',
  'هكهم',
  'هكهت',
  'هكهي',
  'يهكه',
  'هكه',
  'يهك',
  'انمان',
  'انتان',
  'انيان',
  'هوه',
  'مان',
  'تان',
  'يان',
  'يك',
  'ان',
  'ات',
  'يه',
  'م',
  'ت',
  'ي',
  'ه',
];

/** Light Sorani stemming: the verbal prefixes ده and نه, and one ending. */
export function soraniLight(word: string): string {
  let w = word;
  for (const p of ['ده', 'نه', 'نا']) {
    if (w.startsWith(p) && [...w].length - 2 >= 4) {
      w = w.slice(2);
      break;
    }
  }
  for (const s of CKB_SUFFIXES) {
    if (w.endsWith(s) && [...w].length - [...s].length >= 3) return w.slice(0, -s.length);
  }
  return w;
}

// After normaliseText, Pashto ې and ۍ are ي, ګ is گ.
const PS_SUFFIXES = ['گاني', 'ونو', 'ونه', 'انو', 'يږي', 'وي', 'ان', 'و', 'ي', 'ه'];

/** Light Pashto stemming: one plural, oblique or verbal ending. */
export function pashtoLight(word: string): string {
  for (const s of PS_SUFFIXES) {
    if (word.endsWith(s) && [...word].length - [...s].length >= 3) return word.slice(0, -s.length);
  }
  return word;
}

// Folded Kurmanji endings (ê → e, î → i): izafe, definite, plural, oblique and personal endings.
const KMR_SUFFIXES = [
  'iyen',
  'iye',
  'iya',
  'eke',
  'eki',
  'yen',
  'en',
  'ye',
  'ya',
  'an',
  'im',
  'in',
  'e',
  'a',
  'i',
];

/** Light Kurmanji stemming: the verbal prefixes di-, bi-, ne-, na-, ni- and one ending (bistînim → stin). */
export function kurmanjiLight(word: string): string {
  let w = word;
  for (const p of ['di', 'bi', 'ne', 'na', 'ni']) {
    if (w.startsWith(p) && w.length - 2 >= 5) {
      w = w.slice(2);
      break;
    }
  }
  for (const s of KMR_SUFFIXES) {
    if (w.endsWith(s) && w.length - s.length >= 4) return w.slice(0, -s.length);
  }
  return w;
}

/** Latin consonant of each Ethiopic consonant series (glottal አ and ዐ have none, like vowels). */
const ETHIOPIC_LATIN: Readonly<Record<number, string>> = {
  4608: 'h',
  4616: 'l',
  4624: 'h',
  4632: 'm',
  4640: 's',
  4648: 'r',
  4656: 's',
  4664: 'S',
  4672: 'q',
  4688: 'q',
  4704: 'b',
  4712: 'w',
  4720: 't',
  4728: 'S',
  4736: 'h',
  4752: 'n',
  4760: 'n',
  4768: '',
  4776: 'k',
  4792: 'x',
  4808: 'w',
  4816: '',
  4824: 'z',
  4832: 'Z',
  4840: 'y',
  4848: 'd',
  4864: 'j',
  4872: 'g',
  4896: 't',
  4904: 'S',
  4912: 'b',
  4920: 'ts',
  4928: 'ts',
  4936: 'f',
  4944: 'b',
};

/**
 * An Ethiopic word as the consonant skeleton of its Latin spelling, the key that Tigrinya typed
 * in Latin letters shares with it: መቕጻዕቲ and "meqtsaeti" → mqtst, ግዴታ and "gdeta" → gdt.
 */
export function ethiopicLatinSkeleton(word: string): string {
  let s = '';
  for (const ch of word) {
    const c = ch.codePointAt(0)!;
    if (c < 0x1200 || c > 0x1357) continue;
    const base = c - ((c - 0x1200) % 8);
    s += ETHIOPIC_LATIN[base] ?? '';
  }
  return s.replace(/(.)\1+/g, '$1');
}

// ---- transliteration keys ----

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ye',
  ж: 'zh',
  з: 'z',
  и: 'y',
  і: 'i',
  ї: 'yi',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ь: '',
  ю: 'yu',
  я: 'ya',
  ы: 'y',
  э: 'e',
  ё: 'yo',
  ъ: '',
  "'": '',
};

const RUSSIAN_TO_LATIN: Record<string, string> = { г: 'g', и: 'i', й: 'y', е: 'e' };

/**
 * Ukrainian (or, with `russian`, Russian) written in Latin letters, the way people type it:
 * штраф → shtraf; Russian г and и are g and i (гражданство → grazhdanstvo).
 */
export function cyrillicToLatin(word: string, russian = false): string {
  let s = '';
  for (const ch of word) s += (russian ? RUSSIAN_TO_LATIN[ch] : undefined) ?? CYRILLIC_TO_LATIN[ch] ?? ch;
  return s;
}

/**
 * A consonant skeleton shared by Arabic-script words and their Latin transliterations (Arabizi,
 * Finglish): تمديد and "tamdeed" → tmdd, غرامة and "gharama" → qrm, جریمه and "jarimeh" → jrm.
 * Vowels are not written in Arabic script, so they are dropped on both sides.
 */
export function consonantSkeleton(word: string, script: Script): string {
  let s = '';
  if (script === 'arabic') {
    const chars = [...word];
    chars.forEach((ch, i) => {
      if (i === 0 && (ch === 'و' || ch === 'ي')) s += ch === 'و' ? 'w' : 'y';
      else s += AR_SKELETON[ch] ?? '';
    });
  } else if (script === 'latin') {
    const w = fold(word, 'latin')
      .replace(/sh|ch/g, 'S')
      .replace(/kh|x|5/g, 'x')
      .replace(/gh|q|9|8/g, 'q')
      .replace(/th/g, 's')
      .replace(/dh/g, 'z')
      .replace(/zh/g, 'Z')
      .replace(/ph/g, 'f')
      .replace(/7/g, 'h')
      .replace(/6/g, 't')
      .replace(/c/g, 'k')
      .replace(/p/g, 'b')
      .replace(/v/g, 'w');
    [...w].forEach((ch, i) => {
      if (i === 0 && (ch === 'w' || ch === 'y')) s += ch;
      else if (!/[aeiouy'2-4]/.test(ch)) s += ch;
    });
  } else return '';
  // Word-final h is usually a vowel (ة, Persian ـه): جریمه / jarimeh / jarime all end in m.
  s = s.replace(/h$/, '');
  // Double letters: written once in Arabic script (shadda is stripped).
  return s.replace(/(.)\1+/g, '$1');
}

const AR_SKELETON: Record<string, string> = {
  ب: 'b',
  پ: 'b',
  ت: 't',
  ط: 't',
  ث: 's',
  ج: 'j',
  چ: 'S',
  ح: 'h',
  ه: 'h',
  خ: 'x',
  د: 'd',
  ذ: 'z',
  ر: 'r',
  ز: 'z',
  ژ: 'Z',
  س: 's',
  ص: 's',
  ش: 'S',
  ض: 'd',
  ظ: 'z',
  غ: 'q',
  ق: 'q',
  ف: 'f',
  ك: 'k',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
};
