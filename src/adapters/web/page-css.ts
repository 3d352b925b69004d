/**
 * Each page inlines only the CSS rules it can use (docs/adr/013-each-page-inlines-the-css-it-uses.md).
 * The whole site's CSS is ~35 KB, most of it the form controls' component CSS; a start or result
 * page has no text box, a question page no timeline. A rule stays when every class its selector
 * requires is on the page (classes inside `:not()`, `:has()` and other functional pseudo-classes
 * are not required, so such a rule stays whenever the rest matches); rules without classes (`body`,
 * `h1`, `details[open]`) always stay; `@media` blocks are filtered inside, other @-rules and
 * comments (the licence) stay whole.
 *
 * The rendered HTML is the only input: its `class` attributes. The pages' scripts add no classes
 * (page-css.test.ts checks), so what the server renders is what the CSS must style. The CSS made for
 * one set of classes is kept (a few dozen page shapes in all), so a page costs one scan of its
 * `class` attributes and a map lookup.
 */
import { sha256 } from './assets.ts';
import { splitSelectors } from './purge-css.ts';

/** What the page layout puts in its `<style>` until the page's own CSS replaces it. */
export const PAGE_CSS_MARKER = '/*page-css*/';

type Item =
  | { kind: 'rule'; selectors: { text: string; needs: string[] }[]; block: string }
  | { kind: 'media'; prelude: string; items: Item[] }
  | { kind: 'raw'; text: string };

export interface PageStyle {
  readonly css: string;
  /** sha256 of the CSS, base64, for the Content-Security-Policy. */
  readonly hash: string;
}

/** At most this many distinct CSS variants are kept (the pages have a few dozen shapes). */
const MAX_KEPT = 256;

export class PageCss {
  private readonly items: Item[];
  /** Every class some selector requires: only these matter for the choice. */
  private readonly known = new Set<string>();
  private readonly kept = new Map<string, PageStyle>();

  constructor(readonly full: string) {
    this.items = parse(full);
    const collect = (items: Item[]) => {
      for (const item of items) {
        if (item.kind === 'rule') for (const s of item.selectors) for (const c of s.needs) this.known.add(c);
        else if (item.kind === 'media') collect(item.items);
      }
    };
    collect(this.items);
  }

  /** The CSS for a page with these classes. */
  forClasses(classes: Iterable<string>): PageStyle {
    const present = [...new Set(classes)].filter((c) => this.known.has(c)).sort();
    const key = present.join(' ');
    let style = this.kept.get(key);
    if (!style) {
      const css = dropUnusedProperties(serialize(this.items, new Set(present)));
      style = { css, hash: sha256(css, 'base64') };
      if (this.kept.size >= MAX_KEPT) this.kept.clear();
      this.kept.set(key, style);
    }
    return style;
  }

  /** The CSS for rendered HTML: the classes of its `class` attributes. */
  forHtml(html: string): PageStyle {
    return this.forClasses(classesOf(html));
  }
}

/**
 * The CSS without the custom properties nothing in it reads (`--x: …` where no `var(--x` is left),
 * repeated until none is left, and without rules left empty. The component CSS declares a few
 * hundred properties for states and variants whose rules a page does not keep. Pages set no
 * properties themselves: the CSP allows no `style` attribute, and the scripts read none.
 */
export function dropUnusedProperties(css: string): string {
  for (;;) {
    const read = new Set([...css.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]!));
    let next = '';
    let i = 0;
    while (i < css.length) {
      const c = css[i]!;
      if (c === '"' || c === "'") {
        const end = stringEnd(css, i) + 1;
        next += css.slice(i, end);
        i = end;
        continue;
      }
      next += c;
      i++;
      if (c !== '{' && c !== ';') continue;
      // Unread declarations right here are skipped: up to their `;` or the block's `}`.
      while (css.startsWith('--', i)) {
        const name = /^--[\w-]+/.exec(css.slice(i, i + 200))?.[0] ?? '--';
        if (read.has(name)) break;
        let depth = 0;
        let j = i;
        for (; j < css.length; j++) {
          const d = css[j]!;
          if (d === '"' || d === "'") j = stringEnd(css, j);
          else if (d === '(' || d === '[') depth++;
          else if (d === ')' || d === ']') depth--;
          else if (depth === 0 && (d === ';' || d === '}')) break;
        }
        i = css[j] === ';' ? j + 1 : j;
      }
    }
    next = next.replace(/;}/g, '}').replace(/(^|[{}])[^{}/]+\{\}/g, '$1');
    if (next === css) return css;
    css = next;
  }
}

/** The classes in the `class` attributes of rendered HTML (Preact writes them double-quoted). */
export function classesOf(html: string): Set<string> {
  const classes = new Set<string>();
  for (const m of html.matchAll(/\sclass="([^"]*)"/g))
    for (const c of m[1]!.split(/\s+/)) if (c) classes.add(c);
  return classes;
}

/** The classes a selector requires: not those inside functional pseudo-classes or attribute tests. */
export function requiredClasses(selector: string): string[] {
  let outer = '';
  let depth = 0;
  for (const c of selector) {
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (depth === 0) outer += c;
  }
  return [...outer.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!);
}

function serialize(items: Item[], present: ReadonlySet<string>): string {
  let out = '';
  for (const item of items) {
    if (item.kind === 'raw') out += item.text;
    else if (item.kind === 'media') {
      const inner = serialize(item.items, present);
      if (inner) out += `${item.prelude}{${inner}}`;
    } else {
      const selectors = item.selectors.filter((s) => s.needs.every((c) => present.has(c)));
      if (selectors.length) out += selectors.map((s) => s.text).join(',') + item.block;
    }
  }
  return out;
}

/** Minified CSS (esbuild) as rules, `@media` blocks and whole other pieces. */
function parse(css: string): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < css.length) {
    // Comments (the licence header) stay as they are.
    const comment = /^\s*\/\*[\s\S]*?\*\//.exec(css.slice(i, i + 4096));
    if (comment) {
      items.push({ kind: 'raw', text: comment[0] });
      i += comment[0].length;
      continue;
    }
    const open = css.indexOf('{', i);
    const semicolon = css.indexOf(';', i);
    if (open < 0) {
      if (css.slice(i).trim()) items.push({ kind: 'raw', text: css.slice(i) });
      break;
    }
    const prelude = css.slice(i, open);
    if (prelude.trimStart().startsWith('@') && semicolon >= 0 && semicolon < open) {
      // A statement (@import, @charset, @layer a,b;): kept.
      items.push({ kind: 'raw', text: css.slice(i, semicolon + 1) });
      i = semicolon + 1;
      continue;
    }
    let depth = 1;
    let j = open + 1;
    for (; j < css.length && depth > 0; j++) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
      else if (css[j] === '"' || css[j] === "'") j = stringEnd(css, j);
    }
    const block = css.slice(open, j);
    const head = prelude.trim();
    if (/^@media\b/i.test(head))
      items.push({ kind: 'media', prelude: prelude, items: parse(block.slice(1, -1)) });
    else if (head.startsWith('@')) items.push({ kind: 'raw', text: prelude + block });
    else
      items.push({
        kind: 'rule',
        selectors: splitSelectors(prelude).map((text) => ({ text, needs: requiredClasses(text) })),
        block,
      });
    i = j;
  }
  return items;
}

/** The index of the quote that closes the string opening at `start` (escapes skipped). */
function stringEnd(css: string, start: number): number {
  const quote = css[start];
  for (let k = start + 1; k < css.length; k++) {
    if (css[k] === '\\') k++;
    else if (css[k] === quote) return k;
  }
  return css.length;
}
