/**
 * Drops the rules of a component library's CSS that no page can use: a rule stays when one of its
 * selectors names only classes of the library (prefix) that our views or scripts use. The button
 * CSS alone brings 36 KB of variants (danger, subtle, busy, pressed, …) we never render; inlined in
 * every page, they cost bytes on the wire and time to compress on every request.
 *
 * Works on minified CSS from esbuild: flat rules and @-blocks (kept whole).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Classes with the prefix that appear in the files of a folder (views, scripts), recursively. */
export function usedClasses(dir: string, prefix: string): Set<string> {
  const used = new Set<string>();
  const pattern = new RegExp(`${prefix}[a-z0-9_-]+`, 'g');
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(tsx?|js)$/.test(entry.name) || /\.test\./.test(entry.name)) continue;
    for (const m of readFileSync(join(entry.parentPath, entry.name), 'utf8').matchAll(pattern))
      used.add(m[0]);
  }
  return used;
}

export function purgeCss(css: string, prefix: string, used: ReadonlySet<string>): string {
  const classPattern = new RegExp(`\\.(${prefix}[a-z0-9_-]+)`, 'g');
  const keep = (selector: string) => [...selector.matchAll(classPattern)].every((m) => used.has(m[1]!));
  let out = '';
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    const prelude = css.slice(i, open);
    // The matching closing brace (blocks may nest inside @-rules).
    let depth = 1;
    let j = open + 1;
    for (; j < css.length && depth > 0; j++) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
    }
    const block = css.slice(open, j);
    // Comments before a rule (the licence header) always stay.
    const comments = /^(\s*\/\*[\s\S]*?\*\/)*/.exec(prelude)![0];
    const rule = prelude.slice(comments.length);
    out += comments;
    if (rule.trim().startsWith('@')) out += rule + block;
    else {
      const selectors = splitSelectors(rule).filter(keep);
      if (selectors.length) out += selectors.join(',') + block;
    }
    i = j;
  }
  return out;
}

/** A selector list split at its top-level commas only: `a:not(:disabled,[x]),b` is two selectors. */
export function splitSelectors(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let k = 0; k < list.length; k++) {
    const c = list[k];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, k));
      start = k + 1;
    }
  }
  parts.push(list.slice(start));
  return parts;
}
