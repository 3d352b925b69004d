/**
 * The page CSS (NL Design System component CSS for buttons, text boxes and selects, plus our
 * theme) minified once at start and inlined in every page; its hash goes in the CSP, so no
 * inline script or unhashed style can run. The enhancement script is served as a file.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildSync, transformSync } from 'esbuild';

const require = createRequire(import.meta.url);
const NLDS = [
  '@utrecht/button-css/dist/index.css',
  '@utrecht/textbox-css/dist/index.css',
  '@utrecht/select-css/dist/index.css',
];

export interface Assets {
  css: string;
  cssHash: string;
  appJs: string;
  appJsEtag: string;
}

/**
 * The browser bundle for offline search: the domain's ranking code and the stemmers, built on
 * first request (esbuild, a few hundred milliseconds), so start-up stays fast.
 */
let searchBundle: string | undefined;
export function offlineSearchScript(): string {
  searchBundle ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./client/offline-search.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.text;
  return searchBundle;
}

export function buildAssets(): Assets {
  const sources = [
    ...NLDS.map((p) => readFileSync(require.resolve(p), 'utf8')),
    readFileSync(new URL('./assets/site.css', import.meta.url), 'utf8'),
  ];
  const css = transformSync(sources.join('\n'), { loader: 'css', minify: true }).code.trim();
  const js = transformSync(readFileSync(new URL('./assets/app.js', import.meta.url), 'utf8'), {
    loader: 'js',
    minify: true,
  }).code;
  return {
    css,
    cssHash: createHash('sha256').update(css).digest('base64'),
    appJs: js,
    appJsEtag: `"${createHash('sha256').update(js).digest('hex').slice(0, 16)}"`,
  };
}

export function contentSecurityPolicy(assets: Assets): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'sha256-${assets.cssHash}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self'",
  ].join('; ');
}
