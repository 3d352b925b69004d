/**
 * Whether this code runs from a build: `npm run build` bundles src/app/server.ts and cli.ts into
 * dist/ and defines WEGWIJS_BUILT there, so DIST_DIR is the folder of the bundle; run from the
 * sources (tests, `npm run dev`), it is undefined and the app makes its assets in memory.
 */
import { fileURLToPath } from 'node:url';

declare const WEGWIJS_BUILT: boolean | undefined;

export const BUILT = typeof WEGWIJS_BUILT !== 'undefined' && WEGWIJS_BUILT === true;

export const DIST_DIR: string | undefined = BUILT ? fileURLToPath(new URL('.', import.meta.url)) : undefined;
