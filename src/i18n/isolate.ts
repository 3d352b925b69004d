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
 * Elements whose content is text only (or not HTML: SVG draws its own text), and comments: a mark
 * there is removed, not turned into an element. One expression that matches only them (a page has
 * a handful), from the opening tag (not a self-closing one) to the first closing tag of its name.
 */
const TEXT_ONLY =
  /<!--[\s\S]*?-->|<(title|textarea|script|style|option|svg)\b(?:[^>]*[^/>])?>[\s\S]*?<\/\1\s*>/gi;

/**
 * Turns the marks in rendered HTML into `<bdi dir="ltr">` (numbers) and `<bdi>` (dates) around the
 * value alone; a currency sign next to an amount goes inside ("€ 340", "340 €"). Marks inside a tag
 * (attribute values) and in text-only elements are removed.
 *
 * Only the places with a mark are looked at (a page has thousands of tags and a few dozen marks):
 * for each, whether it is in a text-only element, inside a tag, or in text; the rest is copied in
 * slices.
 */
export function isolateHtml(html: string): string {
  if (!/[\u2066\u2068]/.test(html)) return html;
  const textOnly = [...html.matchAll(TEXT_ONLY)].map((m) => [m.index, m.index + m[0].length] as const);
  let range = 0; // the first text-only element that does not end before the mark
  const marks = /[\u2066\u2068\u2069]/g;
  let out = '';
  let copied = 0; // html before this index is in `out`
  for (let m = marks.exec(html); m; m = marks.exec(html)) {
    const at = m.index;
    while (range < textOnly.length && textOnly[range]![1] <= at) range++;
    let start: number;
    let end: number;
    let element = false;
    const inside = textOnly[range];
    if (inside && inside[0] <= at) [start, end] = inside;
    else {
      // The tag that opens before the mark, and where it really ends (attribute values are quoted
      // and may hold a `>`): the mark is inside it, or in the text after it.
      const open = html.lastIndexOf('<', at);
      const close = open < 0 ? -1 : tagEnd(html, open);
      if (close > at) [start, end] = [open, close];
      else {
        [start, end] = [Math.max(close, 0), html.indexOf('<', at)];
        if (end < 0) end = html.length;
        element = true;
      }
    }
    const piece = html.slice(start, end);
    out += html.slice(copied, start) + (element ? marksToElements(piece) : plain(piece));
    copied = end;
    marks.lastIndex = end;
  }
  return out + html.slice(copied);
}

/** The index after the `>` that ends the tag opening at `open` (quoted attribute values skipped). */
function tagEnd(html: string, open: number): number {
  for (let i = open + 1; i < html.length; i++) {
    const c = html[i];
    if (c === '>') return i + 1;
    if (c === '"' || c === "'") {
      const q = html.indexOf(c, i + 1);
      if (q < 0) return html.length;
      i = q;
    }
  }
  return html.length;
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
