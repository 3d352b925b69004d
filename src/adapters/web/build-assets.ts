/**
 * Makes the web assets (build time only; the running server never imports this file): the page CSS
 * (NL Design System component CSS for buttons, text boxes and selects, plus our theme) minified, the
 * enhancement script minified, the offline-search bundle (the domain's ranking code and the stemmers,
 * for the browser), the service worker with its version, and the offline search index per language.
 * `npm run build` writes them to dist/ with brotli and gzip copies; tests and `npm run dev` use them
 * in memory (inMemoryAssets).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync, transformSync } from 'esbuild';
import type { Locale } from '#i18n/locales.ts';
import { type Assets, type StaticFile, sha256 } from './assets.ts';
import { purgeCss, usedClasses } from './purge-css.ts';

const resolvePackage = createRequire(import.meta.url).resolve;
const NLDS = [
  '@utrecht/button-css/dist/index.css',
  '@utrecht/textbox-css/dist/index.css',
  '@utrecht/select-css/dist/index.css',
];

export interface BuiltFile {
  /** URL path. */
  path: string;
  type: string;
  cacheControl: string;
  /** Made when asked: the offline indexes are large and a test needs none of them. */
  content: () => string | Buffer;
}

export interface BuiltAssets {
  css: string;
  cssHash: string;
  files: BuiltFile[];
}

export interface AssetInputs {
  rulesVersion: string;
  locales: readonly Locale[];
  /** The search index the browser keeps for offline search in one language, as JSON data. */
  offlineIndex: (locale: Locale) => unknown;
}

const JS = 'text/javascript; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * webDir: this folder (src/adapters/web), where the asset sources are; the build passes it, since
 * it runs this code bundled elsewhere.
 */
export function buildAssets(
  inputs: AssetInputs,
  webDir: string = fileURLToPath(new URL('.', import.meta.url)),
): BuiltAssets {
  const source = (path: string) => readFileSync(join(webDir, path), 'utf8');
  // Only the component rules our pages can use (purge-css.ts): the CSS is inlined in every page.
  const used = usedClasses(webDir, 'utrecht-');
  const nlds = NLDS.map((p) =>
    purgeCss(
      transformSync(readFileSync(resolvePackage(p), 'utf8'), { loader: 'css', minify: true }).code,
      'utrecht-',
      used,
    ),
  );
  const sources = [...nlds, source('assets/site.css')];
  const css = transformSync(sources.join('\n'), { loader: 'css', minify: true }).code.trim();
  const appJs = transformSync(source('assets/app.js'), { loader: 'js', minify: true }).code;
  const version = `${inputs.rulesVersion}-${sha256(appJs).slice(0, 8)}`;
  const sw = source('assets/sw.js').replace('__VERSION__', version);
  let offlineSearch: string | undefined;
  const files: BuiltFile[] = [
    { path: '/assets/app.js', type: JS, cacheControl: 'public, max-age=3600', content: () => appJs },
    { path: '/sw.js', type: JS, cacheControl: 'no-cache', content: () => sw },
    {
      path: '/assets/offline-search.js',
      type: JS,
      cacheControl: 'no-cache',
      content: () => {
        offlineSearch ??= offlineSearchBundle(webDir);
        return offlineSearch;
      },
    },
    ...inputs.locales.map(
      (locale): BuiltFile => ({
        path: `/${locale}/search-index.json`,
        type: JSON_TYPE,
        cacheControl: 'no-cache',
        content: () => JSON.stringify(inputs.offlineIndex(locale)),
      }),
    ),
  ];
  return { css, cssHash: sha256(css, 'base64'), files };
}

/** The browser bundle for offline search: the domain's ranking code and the stemmers. */
function offlineSearchBundle(webDir: string): string {
  return buildSync({
    entryPoints: [join(webDir, 'client', 'offline-search.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
}

/** The assets served from memory, uncompressed (the response compression handles them): for tests and dev. */
export function inMemoryAssets(built: BuiltAssets): Assets {
  const files = new Map<string, StaticFile>();
  for (const file of built.files) {
    let body: Buffer | undefined;
    const load = () => {
      if (!body) {
        const content = file.content();
        body = typeof content === 'string' ? Buffer.from(content) : content;
      }
      return body;
    };
    files.set(file.path, {
      type: file.type,
      cacheControl: file.cacheControl,
      get hash() {
        return sha256(load()).slice(0, 16);
      },
      encodings: ['identity'],
      read: async () => load(),
    });
  }
  return { css: built.css, cssHash: built.cssHash, files };
}
