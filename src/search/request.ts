/**
 * One search request as the API and the CLI receive it (shared/spec/search-api.md): the checks
 * both share, then the search. A bad request names each bad field; nothing here throws.
 *
 * `lang` may be any BCP 47 tag: the answers come in the best language the index has
 * (../languages.ts), and the response says which (`lang`) and whether that is not the one asked
 * for (`fallback`). A tag no supported language is close to searches every language and answers
 * in the question's own language, or English.
 */
import { chooseLanguage, readTag, type TagScript } from '#languages/languages.ts';
import type { SearchIndex, SearchResponse } from './search-index.ts';
import { scriptOfChar } from './text.ts';

export const MAX_QUERY_CHARS = 500;
export const DEFAULT_LIMIT = 5;
export const MAX_LIMIT = 50;

export interface SearchInput {
  q?: unknown;
  lang?: unknown;
  limit?: unknown;
}

export interface SearchProblem {
  field: 'q' | 'lang' | 'limit';
  problem:
    | 'missing'
    | 'empty'
    | 'too-long'
    | 'unreadable'
    | 'not-a-string'
    | 'not-a-language'
    | 'not-a-number'
    | 'out-of-range';
  message: string;
}

export type SearchRequest = { q: string; lang?: string; limit: number };
export type Parsed = { ok: true; request: SearchRequest } | { ok: false; problems: SearchProblem[] };
export type SearchOutcome = { ok: true; response: SearchResponse } | { ok: false; problems: SearchProblem[] };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * Control characters other than tab and line breaks, or the replacement character that stands
 * for bytes that were not UTF-8.
 */
function hasControlOrReplacement(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || c === 0xfffd) return true;
  }
  return false;
}

export function parseSearchRequest(input: SearchInput): Parsed {
  const problems: SearchProblem[] = [];
  const q = parseQuery(input.q, problems);
  const lang = parseLang(input.lang, problems);
  const limit = parseLimit(input.limit, problems);
  if (problems.length || q === undefined) return { ok: false, problems };
  return { ok: true, request: { q, limit, ...(lang ? { lang } : {}) } };
}

export function runSearch(index: SearchIndex, input: SearchInput): SearchOutcome {
  const parsed = parseSearchRequest(input);
  if (!parsed.ok) return parsed;
  const { q, lang: tag, limit } = parsed.request;
  const choice = tag ? chooseLanguage(tag, index.languages, scriptOfText(q)) : undefined;
  const lang = choice && choice !== 'nonsense' ? choice.lang : undefined;
  const response = index.search(q, { limit, ...(lang ? { lang } : {}) });
  if (!tag) return { ok: true, response };
  // A tag no supported language is close to: the question's language or English, said so.
  const fallback = choice === undefined || choice === 'nonsense' || choice.fallback;
  return { ok: true, response: { ...response, requestedLang: tag, fallback } };
}

/** The script most letters of a text are written in (tells Sorani from Kurmanji for "ku"). */
export function scriptOfText(text: string): TagScript {
  const counts = new Map<string, number>();
  for (const ch of text) {
    const s = scriptOfChar(ch);
    if (s !== 'other') counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let best: TagScript = 'other';
  let most = 0;
  for (const [s, n] of counts) {
    if (n > most) {
      best = s as TagScript;
      most = n;
    }
  }
  return best;
}

function parseQuery(value: unknown, problems: SearchProblem[]): string | undefined {
  if (value === undefined || value === null) {
    problems.push({ field: 'q', problem: 'missing', message: 'Ask a question: q=TEXT.' });
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push({
      field: 'q',
      problem: 'not-a-string',
      message: 'Give the question once, as text: q=TEXT.',
    });
    return undefined;
  }
  const q = value.trim();
  if (q.length === 0) {
    problems.push({ field: 'q', problem: 'empty', message: 'The question is empty.' });
    return undefined;
  }
  if ([...q].length > MAX_QUERY_CHARS) {
    problems.push({
      field: 'q',
      problem: 'too-long',
      message: `The question is longer than ${MAX_QUERY_CHARS} characters. Ask it in fewer words.`,
    });
    return undefined;
  }
  if (LONE_SURROGATE.test(q) || hasControlOrReplacement(q) || !/[\p{L}\p{N}]/u.test(q)) {
    problems.push({
      field: 'q',
      problem: 'unreadable',
      message: 'The question cannot be read: send words as UTF-8 text, without control characters.',
    });
    return undefined;
  }
  return q;
}

function parseLang(value: unknown, problems: SearchProblem[]): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && value.length <= 64 && readTag(value).kind === 'language')
    return value.trim();
  problems.push({
    field: 'lang',
    problem: typeof value === 'string' ? 'not-a-language' : 'not-a-string',
    message: 'lang must be one language tag (BCP 47), such as nl, en, ar, fa-AF or pt-BR.',
  });
  return undefined;
}

function parseLimit(value: unknown, problems: SearchProblem[]): number {
  if (value === undefined || value === null || value === '') return DEFAULT_LIMIT;
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d{1,4}\s*$/.test(value)
        ? Number(value)
        : NaN;
  if (!Number.isInteger(n)) {
    problems.push({
      field: 'limit',
      problem: 'not-a-number',
      message: `limit must be a whole number from 1 to ${MAX_LIMIT}.`,
    });
    return DEFAULT_LIMIT;
  }
  if (n < 1 || n > MAX_LIMIT) {
    problems.push({
      field: 'limit',
      problem: 'out-of-range',
      message: `limit must be from 1 to ${MAX_LIMIT}.`,
    });
    return DEFAULT_LIMIT;
  }
  return n;
}
