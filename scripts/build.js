#!/usr/bin/env node
/**
 * `npm run build`: makes dist/, which `npm start` and the `wegwijs` command run with plain node.
 *
 *   dist/server.js, dist/cli.js   the app, bundled from src/ with its packages (TypeScript and JSX
 *                                 compiled, #imports resolved); only playwright-core stays in
 *                                 node_modules, loaded on the first PDF
 *   dist/content.json             the content's YAML files, parsed (the loaders still check them)
 *   dist/site.css                 the page CSS, minified (inlined in pages, hashed in the CSP)
 *   dist/search/index.json        the search index of the knowledge base
 *   dist/public/...               the static files (client scripts, service worker, offline search
 *                                 index per language), each with a .br and a .gz copy
 *   dist/manifest.json            the static files, and the hash of the sources this was built from
 *
 * Plain JavaScript on purpose: it runs where only the runtime dependencies are installed
 * (`npm ci --omit=dev && npm start`). The build is made in a temporary folder beside dist/ and then
 * swapped in, so a running server or a second start never sees half a build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');

/** What the build reads: any change here makes dist/ stale. */
const INPUTS = ['src', 'content', 'package.json', 'package-lock.json', 'tsconfig.json', 'scripts/build.js'];

function* files(path) {
  if (!existsSync(path)) return;
  const entries = readdirSync(path, { withFileTypes: true });
  if (!entries) return;
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && !/\.test\.tsx?$/.test(entry.name)) yield full;
  }
}

/** A hash of every file the build reads (names and contents; tests excluded). */
export function sourceHash(root = ROOT) {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    const path = join(root, input);
    const list = existsSync(path) && !input.includes('.') ? [...files(path)] : [path];
    for (const file of list) {
      if (!existsSync(file)) continue;
      hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex').slice(0, 24);
}

/** Why dist/ must be (re)built, or undefined when it matches the sources. */
export function staleness(root = ROOT, dist = join(root, 'dist')) {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  } catch {
    return 'dist/ is missing';
  }
  for (const file of ['server.js', 'cli.js', 'site.css', 'content.json', 'search/index.json'])
    if (!existsSync(join(dist, file))) return `dist/${file} is missing`;
  return manifest.sourceHash === sourceHash(root) ? undefined : 'the sources changed since the last build';
}

/** Builds dist/ (or `out`) from the sources. */
export async function build({ root = ROOT, out = join(root, 'dist'), log = console.error } = {}) {
  const started = performance.now();
  const esbuild = await import('esbuild');
  const hash = sourceHash(root);
  const stage = `${out}.build-${process.pid}`;
  rmSync(stage, { recursive: true, force: true });
  try {
    const common = {
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // The packages are bundled too: one file loads in half the time of a few hundred modules.
      // Not playwright-core (loaded on the first PDF, with its own files) nor esbuild (build only).
      // Native addons (the desk's SQLite and argon2) and pg's optional native part stay packages.
      external: ['playwright-core', 'esbuild', 'better-sqlite3', 'argon2', 'pg-native'],
      logLevel: 'warning',
      legalComments: 'none',
      // CommonJS packages inside an ES module bundle still call require() for Node's own modules.
      banner: {
        js: "import { createRequire as __wegwijsRequire } from 'node:module'; const require = __wegwijsRequire(import.meta.url);",
      },
    };
    await esbuild.build({
      ...common,
      entryPoints: { server: 'src/app/server.ts', cli: 'src/app/cli.ts' },
      outdir: stage,
      // Marks the bundle as a build (src/app/dist.ts): it reads dist/ and never makes assets itself.
      define: { WEGWIJS_BUILT: 'true' },
      // Smaller to read at start; names are kept, so stack traces stay readable.
      minifyWhitespace: true,
      minifySyntax: true,
    });
    const maker = join(stage, '.make-dist.mjs');
    await esbuild.build({ ...common, entryPoints: ['src/app/build/make-dist.ts'], outfile: maker });
    const run = spawnSync(process.execPath, [maker, stage, hash, root], { stdio: 'inherit' });
    if (run.status !== 0) throw new Error(`making the assets failed (exit ${run.status ?? run.signal})`);
    rmSync(maker);
    // Swap the new build in.
    const old = `${out}.old-${process.pid}`;
    if (existsSync(out)) renameSync(out, old);
    renameSync(stage, out);
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    rmSync(stage, { recursive: true, force: true });
    throw error;
  } finally {
    esbuild.stop?.();
  }
  log(
    `wegwijs: built ${relative(root, out) || out} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return out;
}

/**
 * For `npm start` and the `wegwijs` command: builds dist/ first when it is missing or older than the
 * sources, so one command works on a fresh clone. A read-only install must ship a current dist/.
 */
export async function ensureBuilt({ root = ROOT, log = console.error } = {}) {
  const dist = join(root, 'dist');
  const reason = staleness(root, dist);
  if (!reason) return dist;
  log(`wegwijs: building dist/ (${reason})...`);
  try {
    return await build({ root, out: dist, log });
  } catch (error) {
    const readOnly = ['EACCES', 'EROFS', 'EPERM'].includes(error?.code);
    throw new Error(
      readOnly
        ? `${reason}, and the code folder is read-only: run \`npm run build\` where it can write, then ship dist/ with the code`
        : `the build failed: ${error.message}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    await build();
  } catch (error) {
    console.error(`wegwijs: ${error.message}`);
    process.exit(1);
  }
}
