// The dependency rule of docs/architecture.md, checked by reading the imports: the domain is pure,
// adapters never import each other, and legal dates never go through Date arithmetic.
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

test('the domain imports only itself and temporal-polyfill: no node:, no framework, no i18n, no clock', () => {
  const offenders: string[] = [];
  for (const file of sourceFiles('src/domain')) {
    for (const spec of importsOf(file)) {
      if (!(spec.startsWith('.') || spec.startsWith('#domain/') || spec === 'temporal-polyfill'))
        offenders.push(`${file} → ${spec}`);
    }
    const text = readFileSync(join(root, file), 'utf8');
    if (/Temporal\.Now|Date\.now|new Date\(/.test(text))
      offenders.push(`${file} reads the clock or uses Date`);
  }
  assert.deepEqual(offenders, []);
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
