/**
 * The content's YAML files, parsed once by `npm run build` into dist/content.json: a start from a
 * build reads one JSON file instead of parsing a few hundred YAML files (most of a start's time on a
 * small machine). The loaders still check every value against its schema; only the parsing is done
 * ahead. Files the snapshot does not have are read from content/ as before.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { CONTENT_DIR } from './content-paths.ts';

let snapshot: Map<string, unknown> | undefined;

const key = (path: string) => relative(CONTENT_DIR, path).split(sep).join('/');

/** Every .yaml file under the content folder, parsed, by path relative to it. */
export function snapshotContent(contentDir: string = CONTENT_DIR): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of readdirSync(contentDir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.yaml')) continue;
    const file = join(entry.parentPath, entry.name);
    out[relative(contentDir, file).split(sep).join('/')] = parse(readFileSync(file, 'utf8'));
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

/** Makes readYaml answer from a snapshot written by the build. */
export function useContentSnapshot(file: string): void {
  snapshot = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>));
}

/** The parsed file from the snapshot, or undefined when there is none (then parse the file). */
export function fromSnapshot(path: string): { value: unknown } | undefined {
  if (!snapshot) return undefined;
  const k = key(path);
  return snapshot.has(k) ? { value: snapshot.get(k) } : undefined;
}
