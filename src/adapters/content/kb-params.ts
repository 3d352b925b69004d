/**
 * Legal amounts in the knowledge base come from the rule parameters (content/rules/parameters.yaml),
 * so a changed amount changes every language at once (issue 7, point 5). A KB text writes
 * `{{param:ID}}` or, for a field of a structured parameter, `{{param:ID/field}}` (an array element
 * by its index: `{{param:fine.wi2013.table/notAllTaken/0}}`); the loader replaces it with the value
 * in force on the reference date, formatted as a number of the entry's language with Latin digits
 * (1,250 · 1.250 · 1 250), as DUO's letters write them. The currency sign or word stays in the
 * text, where each language puts it ("€ {{param:…}}", "{{param:…}} €", "{{param:…}} евро").
 * Numbers in prose are isolated left-to-right in right-to-left pages where they are rendered
 * (markLiteralNumbers, src/i18n/isolate.ts).
 */
import { type PlainDate, Temporal } from '#domain/dates/plain-date.ts';
import { type ParameterId, type RuleSet, valueOn } from '#domain/rulebook.ts';

/** A placeholder: `{{param:ID}}` or `{{param:ID/field/…}}`. */
export const PARAM_PLACEHOLDER = /\{\{\s*param:([A-Za-z0-9.]+)((?:\/[A-Za-z0-9]+)*)\s*\}\}/g;

/** The value of a placeholder, or why there is none. */
export type ParamValue = { value: number } | { problem: string };

/** Resolves a parameter id and field path to a number. */
export type ParamResolver = (id: string, path: readonly string[]) => ParamValue;

/** A resolver over a rule set's parameters, on a reference date (the value in force that day). */
export function ruleSetResolver(ruleSet: RuleSet, on: PlainDate): ParamResolver {
  return (id, path) => {
    if (!Object.hasOwn(ruleSet.parameters, id)) return { problem: `unknown parameter "${id}"` };
    let value: unknown = valueOn(ruleSet, id as ParameterId, on);
    for (const field of path) {
      if (value === null || typeof value !== 'object' || !Object.hasOwn(value, field))
        return { problem: `parameter "${id}" has no field "${path.join('/')}"` };
      value = (value as Record<string, unknown>)[field];
    }
    if (typeof value !== 'number' || !Number.isFinite(value))
      return { problem: `parameter "${[id, ...path].join('/')}" is not a number` };
    return { value };
  };
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A number in the way the language writes it, with Latin digits (as DUO's letters); `typed`: as
 * people type it in a question, without a thousands separator ("1250 euro").
 */
export function formatNumber(value: number, lang: string, typed = false): string {
  const key = `${lang}:${typed}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(`${lang}-u-nu-latn`, { maximumFractionDigits: 2, useGrouping: !typed });
    formats.set(key, format);
  }
  return format.format(value);
}

/** The text with every placeholder replaced, and a problem for each one that cannot be. */
export function interpolate(
  text: string,
  lang: string,
  resolve: ParamResolver,
  typed = false,
): { text: string; problems: string[] } {
  const problems: string[] = [];
  const out = text.replace(PARAM_PLACEHOLDER, (whole, id: string, fields: string) => {
    const result = resolve(id, fields ? fields.slice(1).split('/') : []);
    if ('problem' in result) {
      problems.push(`${whole}: ${result.problem}`);
      return whole;
    }
    return formatNumber(result.value, lang, typed);
  });
  // Anything else between double braces is a mistyped placeholder ("{{parm:…}}", "{param:…}").
  for (const m of out.matchAll(/\{\{[^}]*\}\}|\{\s*param:[^}]*\}/g)) {
    if (!problems.some((p) => p.startsWith(m[0]))) problems.push(`${m[0]}: not a placeholder ({{param:ID}})`);
  }
  return { text: out, problems };
}

/** The placeholders of a text, as written (`fine.wi2021.max/pvt`), in order. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PARAM_PLACEHOLDER)].map((m) => `${m[1]}${m[2]}`);
}

/**
 * Every string of a value (a knowledge-base entry) run through `interpolate`; fields named in
 * `keep` (URLs, ids, dates) are left as they are, fields named in `typed` (how people ask) get
 * numbers as people type them.
 */
export function interpolateStrings<T>(
  value: T,
  lang: string,
  resolve: ParamResolver,
  keep: ReadonlySet<string> = new Set(),
  typed: ReadonlySet<string> = new Set(),
): { value: T; problems: string[] } {
  const problems: string[] = [];
  const walk = (v: unknown, asTyped: boolean): unknown => {
    if (typeof v === 'string') {
      if (!v.includes('{')) return v;
      const r = interpolate(v, lang, resolve, asTyped);
      problems.push(...r.problems);
      return r.text;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, asTyped));
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [
          walk(k, asTyped) as string,
          keep.has(k) ? x : walk(x, asTyped || typed.has(k)),
        ]),
      );
    }
    return v;
  };
  return { value: walk(value, false) as T, problems };
}

/** The reference date of the amounts: today in the Netherlands, unless the caller gives one. */
export function amsterdamDate(): PlainDate {
  return Temporal.Now.plainDateISO('Europe/Amsterdam');
}

/**
 * Words for the euro in the knowledge base's languages (the sign, "euro(s)", "EUR", Cyrillic,
 * Arabic-script, Ge'ez and Chinese spellings). Used to find amounts written as literals.
 */
export const EURO_WORDS = [
  '€',
  'euros?',
  'EUR',
  'евро',
  'євро',
  'يورو',
  'یورو',
  'یۆرۆ',
  'ዩሮ',
  'ኤውሮ',
  '欧元',
  'avro',
  'ewro',
  'yuuro',
];

const NUMBER = String.raw`\d(?:[\d.,'\u00a0\u202f\u2009 ]*\d)?`;
const EURO = `(?:${EURO_WORDS.join('|')})`;
/** A number next to a euro word, in either order, with only spaces (or a line break) between. */
const LITERAL_AMOUNT = new RegExp(
  String.raw`${EURO}\s*${NUMBER}|(?<![\dA-Za-z])${NUMBER}\s*(?:-|ـ)?${EURO}`,
  'giu',
);

/**
 * Amounts in euros written as literals (not placeholders) in a knowledge-base text: "€ 340",
 * "1250 евро", "٣٤٠ يورو". Placeholders are removed first, so "€ {{param:…}}" is not one.
 */
export function literalAmounts(text: string): string[] {
  const withoutPlaceholders = text
    .replace(PARAM_PLACEHOLDER, ' ')
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x660))
    .replace(/[\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) - 0x6f0));
  return [...withoutPlaceholders.matchAll(LITERAL_AMOUNT)].map((m) => m[0].trim());
}

/**
 * Amounts the knowledge base may write as literals because they are not legal parameters (none
 * today). Each entry names the topic, the exact text and why it is not a parameter; prefer adding
 * a parameter with its source to content/rules/parameters.yaml.
 */
export const LITERAL_AMOUNTS_ALLOWED: readonly { topic: string; text: string; why: string }[] = [];
