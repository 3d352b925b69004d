/**
 * Numbers readable in every script. A phone number, an amount, a postcode or a reference code
 * inside right-to-left text is reordered by the Unicode bidi algorithm ("050 599 96 00" is drawn
 * "00 96 599 050" in Arabic and Farsi) unless it is isolated left-to-right. The translator marks
 * such values where they are produced, with the Unicode isolates (LRI … PDI for numbers, FSI … PDI
 * for dates, whose words follow the script); the web adapter turns each mark into an HTML `<bdi>`
 * on the value alone (`isolateHtml`), and plain-text outputs remove them (`plain`).
 */

/** LEFT-TO-RIGHT ISOLATE: the start of a number. */
export const LRI = '\u2066';
/** FIRST STRONG ISOLATE: the start of a value whose direction its own letters decide (a date). */
export const FSI = '\u2068';
/** POP DIRECTIONAL ISOLATE: the end of either. */
export const PDI = '\u2069';

const MARKS = /[\u2066\u2068\u2069]/g;
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/** A number, phone number, amount or code, kept left-to-right whatever the text around it. */
export const ltr = (s: string): string => `${LRI}${s}${PDI}`;
/** A value isolated from the text around it, in the direction of its own first letter. */
export const isolated = (s: string): string => `${FSI}${s}${PDI}`;
/** The text without isolation marks (for terminals, calendar files, attributes). */
export const plain = (s: string): string => s.replace(MARKS, '');

/**
 * Whether a message parameter is a number-like value to isolate left-to-right: it has a digit and
 * no right-to-left letter ("050 599 96 00", "+31 50 599 96 00", "Postbus 764, 9700 AT Groningen",
 * "9:00"), and is not marked already.
 */
export function isNumberLike(value: string): boolean {
  return /\d/.test(value) && !RTL_LETTER.test(value) && !/[\u2066-\u2069]/.test(value);
}

/** Parameters with every number-like string marked left-to-right (numbers are marked by the formatter). */
export function isolateParams<P extends Record<string, unknown>>(params: P): P {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' && isNumberLike(v)) {
      out ??= { ...params };
      out[k] = ltr(v);
    }
  }
  return (out ?? params) as P;
}

/**
 * Elements whose content is text only (or not HTML: SVG draws its own text): a mark there is
 * removed, not turned into an element.
 */
const TEXT_ONLY = new Set(['title', 'textarea', 'script', 'style', 'option', 'svg']);

/**
 * Turns the marks in rendered HTML into `<bdi dir="ltr">` (numbers) and `<bdi>` (dates) around the
 * value alone; a currency sign next to an amount goes inside ("€ 340", "340 €"). Marks inside a tag
 * (attribute values) and in text-only elements are removed.
 */
export function isolateHtml(html: string): string {
  if (!/[\u2066\u2068]/.test(html)) return html;
  // One pass over the tags (for the text-only elements); only the text and tags that hold a mark
  // are rewritten, the rest is copied in slices (a page has thousands of tags and a few dozen marks).
  const tag = /<(\/?)([a-zA-Z][\w-]*)[^>]*>|<!--[\s\S]*?-->|<![^>]*>/g;
  const marks = /[\u2066\u2068\u2069]/g;
  const markFrom = (from: number): number => {
    marks.lastIndex = from;
    return marks.exec(html)?.index ?? html.length;
  };
  let out = '';
  let copied = 0; // html before this index is in `out`
  let last = 0; // the end of the previous tag
  let mark = markFrom(0); // the first mark at or after `last`
  let textOnly: string | null = null;
  const text = (end: number) => {
    if (mark >= end) return;
    const segment = html.slice(last, end);
    out += html.slice(copied, last) + (textOnly ? plain(segment) : marksToElements(segment));
    copied = end;
    mark = markFrom(end);
  };
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    text(m.index);
    if (mark < tag.lastIndex) {
      out += html.slice(copied, m.index) + plain(m[0]);
      copied = tag.lastIndex;
      mark = markFrom(copied);
    }
    const name = m[2]?.toLowerCase();
    if (textOnly) {
      if (m[1] && name === textOnly) textOnly = null;
    } else if (name && !m[1] && TEXT_ONLY.has(name) && !m[0].endsWith('/>')) textOnly = name;
    last = tag.lastIndex;
  }
  text(html.length);
  return out + html.slice(copied);
}

function marksToElements(text: string): string {
  return text
    .replace(/(€\s?)?\u2066([^\u2066-\u2069]*)\u2069(\s?€)?/g, (_, pre = '', value, post = '') => {
      return `<bdi dir="ltr">${pre}${value}${post}</bdi>`;
    })
    .replace(/\u2068([^\u2066-\u2069]*)\u2069/g, '<bdi>$1</bdi>')
    .replace(MARKS, '');
}

/**
 * Numbers written literally in prose (a phone number in a knowledge-base answer, an amount, a
 * date written with digits) marked left-to-right, for HTML text from elsewhere than the catalogs.
 */
export function markLiteralNumbers(text: string): string {
  return text.replace(
    /(€\s?)?((?:\+|\()?\d[\d\s.,:\-\u2013/()]*\d|\d)(\s?€|\s?[A-Z]{2}\b)?/g,
    (match, pre = '', num: string, post = '') =>
      // A single digit or a plain year needs no isolation; a postcode keeps its letters.
      /^\d{1,4}$/.test(num) && !pre && !post ? match : ltr(`${pre}${num}${post}`),
  );
}
