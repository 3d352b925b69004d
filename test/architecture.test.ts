// The dependency rule of docs/architecture.md, checked by reading the imports: the law domain and
// search are two pure bounded contexts that never import each other, adapters never import each
// other, and legal dates never go through Date arithmetic.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const sourceFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)));
const importsOf = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+'([^']+)'/gm)].map(
    (m) => m[1]!,
  );

/** Imports of `dir` that `allowed` refuses, as `file → spec`; relative imports must stay inside `dir`. */
function offendersIn(dir: string, allowed: (spec: string) => boolean): string[] {
  const offenders: string[] = [];
  for (const file of sourceFiles(dir)) {
    for (const spec of importsOf(file)) {
      const escapes = spec.startsWith('.') && !relative(dir, join(file, '..', spec)).match(/^[^.]/);
      if (escapes || (!spec.startsWith('.') && !allowed(spec))) offenders.push(`${file} → ${spec}`);
    }
    const text = readFileSync(join(root, file), 'utf8');
    if (/Temporal\.Now|Date\.now|new Date\(/.test(text))
      offenders.push(`${file} reads the clock or uses Date`);
  }
  return offenders;
}

test('the law domain imports only itself and temporal-polyfill: no search, no node:, no framework, no i18n, no clock', () => {
  assert.deepEqual(
    offendersIn('src/domain', (spec) => spec.startsWith('#domain/') || spec === 'temporal-polyfill'),
    [],
  );
});

test('search is its own bounded context: only itself and the language list, never the law domain or adapters', () => {
  // Pure and package-free: the same code ranks on the server and in the browser (offline search).
  assert.deepEqual(
    offendersIn('src/search', (spec) => spec.startsWith('#search/') || spec.startsWith('#languages/')),
    [],
  );
});

test('the language list and tag reading depend on nothing of the project', () => {
  assert.deepEqual(
    offendersIn('src/languages', (spec) => spec.startsWith('#languages/')),
    [],
  );
});

test('the rules are checked where they apply: both contexts have source files', () => {
  assert.ok(sourceFiles('src/domain').length > 10);
  assert.ok(sourceFiles('src/search').some((f) => f.endsWith('search-index.ts')));
  assert.ok(sourceFiles('src/languages').some((f) => f.endsWith('languages.ts')));
});

test('adapters never import another adapter kind', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles('src/adapters')) {
    const kind = file.split('/')[2];
    for (const spec of importsOf(file)) {
      const m = /^#adapters\/([^/]+)\//.exec(spec);
      // Every adapter may read content (it is data, not an edge of its own kind).
      if (m && m[1] !== kind && m[1] !== 'content') offenders.push(`${file} → ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('i18n depends on the domain only, never on adapters or the app', () => {
  const offenders = sourceFiles('src/i18n').flatMap((file) =>
    importsOf(file)
      .filter((s) => s.startsWith('#adapters/') || s.startsWith('#app/'))
      .map((s) => `${file} → ${s}`),
  );
  assert.deepEqual(offenders, []);
});

test('the environment is read in one place: src/app/config.ts', () => {
  const offenders = sourceFiles('src')
    .filter((file) => file !== 'src/app/config.ts')
    .filter((file) => /process\.env/.test(readFileSync(join(root, file), 'utf8')));
  assert.deepEqual(offenders, []);
});
