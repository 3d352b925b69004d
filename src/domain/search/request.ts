/**
 * One search request as the API and the CLI receive it (shared/spec/search-api.md): the checks
 * both share, then the search. A bad request names each bad field; nothing here throws.
 */
import { KB_LANGS, type KbLang } from './analyze.ts';
import type { SearchIndex, SearchResponse } from './search-index.ts';

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
    | 'unsupported'
    | 'not-a-number'
    | 'out-of-range';
  message: string;
}

export type SearchRequest = { q: string; lang?: KbLang; limit: number };
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
const LANG_TAG = /^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{2,8})*$/;

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
  const { q, lang, limit } = parsed.request;
  return { ok: true, response: index.search(q, { limit, ...(lang ? { lang } : {}) }) };
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

function parseLang(value: unknown, problems: SearchProblem[]): KbLang | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const m = typeof value === 'string' ? LANG_TAG.exec(value.trim()) : null;
  const primary = m?.[1]?.toLowerCase();
  if (primary && (KB_LANGS as readonly string[]).includes(primary)) return primary as KbLang;
  problems.push({
    field: 'lang',
    problem: typeof value === 'string' ? 'unsupported' : 'not-a-string',
    message: `Use one of these language codes: ${KB_LANGS.join(', ')}.`,
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
