/**
 * Any language tag gets the best language Wegwijs has. Pure (the Intl built-ins only), so pages,
 * the search API, the CLI and the browser choose alike.
 *
 * The chain for one BCP 47 tag:
 * 1. the language itself (pt-BR → pt, zh-CN → zh, es-419 → es; prs and fa-AF are Persian as
 *    written in Afghanistan → fa);
 * 2. Kurdish by script: ku-Arab (or a question in Arabic script) → ckb, otherwise kmr;
 * 3. a related language its readers read (Tajik → Russian, Afrikaans → Dutch, Moroccan Arabic →
 *    Arabic, Amharic → Tigrinya ...), first available;
 * 4. otherwise nothing fits: the caller answers in the language of the question, or English,
 *    and says so.
 *
 * A tag that is not well-formed, or names no language anyone knows (xx, qaa), is nonsense.
 */

/**
 * The languages Wegwijs speaks: the interface, the knowledge base and the search index each have
 * every one of them (content tests check that). Not search's list, nor the interface's: both read it.
 */
export const LANGUAGES = [
  'nl',
  'en',
  'ar',
  'tr',
  'ti',
  'fa',
  'uk',
  'so',
  'es',
  'zh',
  'fr',
  'pt',
  'ps',
  'ru',
  'ckb',
  'kmr',
] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export type TagScript = 'latin' | 'arabic' | 'cyrillic' | 'ethiopic' | 'han' | 'other';

export interface LanguageChoice {
  /** The supported language to answer in. */
  lang: string;
  /** True when that is not the language asked for (a related one, or the question's). */
  fallback: boolean;
}

export type TagReading =
  | { kind: 'nonsense' }
  /** A real language; `candidates` are the supported-or-not languages to try, best first. */
  | { kind: 'language'; primary: string; script: string | undefined; canonical: string };

/** Codes the Intl data does not canonicalise but people (and browsers) send. */
const ALIASES: Readonly<Record<string, string>> = {
  prs: 'fa-AF', // Dari
  pbt: 'ps', // Southern, Northern, Central Pashto
  pbu: 'ps',
  pst: 'ps',
  kmr: 'ku-Latn', // Intl folds kmr into ku: keep the script that tells Kurmanji from Sorani
  ckb: 'ckb',
  sdh: 'ckb', // Southern Kurdish readers read Sorani
  lki: 'ckb',
  hac: 'ckb',
};

/**
 * Languages whose readers read another language best: tried in order when the language itself is
 * not available. Kept short and honest: only where most readers really read the other language.
 */
const RELATED: Readonly<Record<string, readonly string[]>> = {
  // Persian and Pashto speakers of Afghanistan; Tajik in Cyrillic letters
  ps: ['fa'],
  haz: ['fa'],
  bal: ['fa'],
  tg: ['ru', 'fa'],
  // Kurdish: Sorani readers in Iraq read Arabic, in Iran Persian; Kurmanji readers in Turkey Turkish
  ckb: ['ar', 'fa'],
  kmr: ['tr'],
  zza: ['tr'],
  // Arabic varieties and neighbours written in Arabic script
  ary: ['ar'],
  arz: ['ar'],
  apc: ['ar'],
  ajp: ['ar'],
  acm: ['ar'],
  aeb: ['ar'],
  arq: ['ar'],
  ayl: ['ar'],
  shu: ['ar'],
  ars: ['ar'],
  afb: ['ar'],
  syr: ['ar'],
  aii: ['ar'],
  ber: ['ar', 'fr'],
  kab: ['fr', 'ar'],
  tzm: ['ar', 'fr'],
  zgh: ['ar', 'fr'],
  shi: ['ar', 'fr'],
  rif: ['nl', 'ar'],
  // the Horn of Africa
  tig: ['ti'],
  am: ['ti', 'en'],
  om: ['en'],
  // Turkic languages
  az: ['tr'],
  tk: ['tr', 'ru'],
  uz: ['ru', 'tr'],
  kk: ['ru'],
  ky: ['ru'],
  ug: ['tr'],
  crh: ['tr', 'uk'],
  // former Soviet Union
  ru: ['uk'],
  uk: ['ru'],
  be: ['ru', 'uk'],
  hy: ['ru'],
  ka: ['ru'],
  ab: ['ru'],
  ce: ['ru'],
  // Chinese languages
  yue: ['zh'],
  wuu: ['zh'],
  hak: ['zh'],
  nan: ['zh'],
  // close to Dutch
  af: ['nl'],
  fy: ['nl'],
  li: ['nl'],
  nds: ['nl'],
  vls: ['nl'],
  zea: ['nl'],
  srn: ['nl'],
  pap: ['nl', 'es'],
  de: ['en', 'nl'],
  lb: ['fr', 'en'],
  // Romance languages
  ca: ['es', 'fr'],
  gl: ['es', 'pt'],
  ast: ['es'],
  eu: ['es', 'fr'],
  it: ['es', 'fr'],
  ro: ['fr', 'es'],
  oc: ['fr'],
  co: ['fr'],
  br: ['fr'],
  wa: ['fr'],
  ht: ['fr'],
  // where French or Portuguese is the written language
  ln: ['fr'],
  wo: ['fr'],
  ff: ['fr', 'en'],
  bm: ['fr'],
  rw: ['fr', 'en'],
  rn: ['fr'],
  mg: ['fr'],
  kg: ['fr', 'pt'],
  sg: ['fr'],
  kea: ['pt'],
  pov: ['pt'],
};

const DEFAULT_LANG = 'en';

let displayNames: Intl.DisplayNames | undefined;
/** True when the Intl data knows the language (Dari, Tigrinya), false for xx, qaa, kb. */
function knownLanguage(tag: string): boolean {
  displayNames ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  try {
    return displayNames.of(tag) !== undefined;
  } catch {
    return false;
  }
}

/** Tags already read (Intl's locale functions cost ~20 µs a tag); bounded, emptied when full. */
const readTags = new Map<string, TagReading>();

/** Reads one tag: nonsense, or a language with its primary subtag and script. */
export function readTag(tag: string): TagReading {
  let reading = readTags.get(tag);
  if (!reading) {
    reading = Object.freeze(readTagOnce(tag));
    if (readTags.size >= 1000) readTags.clear();
    readTags.set(tag, reading);
  }
  return reading;
}

function readTagOnce(tag: string): TagReading {
  const raw = tag.trim().replace(/_/g, '-');
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(raw)) return { kind: 'nonsense' };
  const [first, ...rest] = raw.split('-');
  const alias = ALIASES[first!.toLowerCase()];
  let canonical: string;
  try {
    canonical = Intl.getCanonicalLocales(alias ? [alias, ...rest].join('-') : raw)[0]!;
  } catch {
    return { kind: 'nonsense' };
  }
  const locale = new Intl.Locale(canonical);
  const primary = locale.language;
  const known = Object.hasOwn(RELATED, primary) || Object.hasOwn(ALIASES, primary) || knownLanguage(primary);
  if (!known) return { kind: 'nonsense' };
  let script = locale.script;
  if (!script) {
    try {
      script = new Intl.Locale(canonical).maximize().script;
    } catch {
      script = undefined;
    }
  }
  return { kind: 'language', primary, script, canonical };
}

/**
 * The best supported language for a tag, or undefined when none is close (the caller then
 * answers in the question's language or English, with `fallback: true`), or 'nonsense'.
 * `textScript` is the script the person typed in: it tells Sorani (Arabic letters) from
 * Kurmanji (Latin letters) when the tag says only "ku".
 */
export function chooseLanguage(
  tag: string,
  available: readonly string[],
  textScript?: TagScript,
): LanguageChoice | 'nonsense' | undefined {
  const reading = readTag(tag);
  if (reading.kind === 'nonsense') return 'nonsense';
  const has = (l: string) => available.includes(l);
  let own = reading.primary;
  if (own === 'ku') {
    const explicit = reading.canonical.includes('-Arab')
      ? 'arabic'
      : reading.canonical.includes('-Latn')
        ? 'latin'
        : undefined;
    own = (explicit ?? textScript) === 'arabic' ? 'ckb' : 'kmr';
  }
  if (has(own)) {
    // Chinese in Traditional characters is read, but it is not what was asked for.
    const otherScript = own === 'zh' && reading.script === 'Hant';
    return { lang: own, fallback: otherScript };
  }
  for (const related of RELATED[own] ?? []) if (has(related)) return { lang: related, fallback: true };
  return undefined;
}

/** The weighted tags of an Accept-Language header, best first (q=0 and * left out). */
export function acceptedTags(header: string): string[] {
  const entries = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const qParam = params.map((p) => p.trim()).find((p) => /^q=/i.test(p));
      const q = qParam ? Number(qParam.slice(2)) : 1;
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((e) => e.tag && e.tag !== '*' && e.q > 0);
  entries.sort((a, b) => b.q - a.q || a.i - b.i);
  return entries.map((e) => e.tag);
}

/**
 * The start language from Accept-Language: the first tag whose own language is available, else
 * the first with a related available language, else `fallbackLang`.
 */
export function languageFromAcceptLanguage(
  header: string,
  available: readonly string[],
  fallbackLang: string,
): string {
  const choices = acceptedTags(header)
    .slice(0, 20)
    .map((tag) => chooseLanguage(tag, available))
    .filter((c): c is LanguageChoice => c !== undefined && c !== 'nonsense');
  return (choices.find((c) => !c.fallback) ?? choices[0])?.lang ?? fallbackLang;
}

/** The language to answer in when the tag names no supported or related language. */
export function defaultLanguage(available: readonly string[]): string {
  return available.includes(DEFAULT_LANG) ? DEFAULT_LANG : (available[0] ?? DEFAULT_LANG);
}
