/**
 * The second half of `npm run build` (scripts/build.js bundles this file and runs it with node):
 * writes into the build folder what the server reads at start instead of making it: the search
 * parsed content, the search index, the minified CSS, and every static file with a brotli and a gzip copy, listed in
 * manifest.json. Usage: node make-dist.js BUILD_DIR SOURCE_HASH PROJECT_ROOT
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { snapshotContent } from '#adapters/content/content-snapshot.ts';
import { loadKb } from '#adapters/content/load-kb.ts';
import { CODE_VERSION_FILE, loadRuleBook, ruleCodeVersion } from '#adapters/content/load-rulebook.ts';
import { buildSearchIndex, loadLexicon } from '#adapters/content/load-search.ts';
import { writeSearchIndexFile } from '#adapters/content/search-index-file.ts';
import { type AssetManifest, type Encoding, sha256 } from '#adapters/web/assets.ts';
import { buildAssets } from '#adapters/web/build-assets.ts';
import { assetInputs } from '../asset-inputs.ts';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

const [outDir, sourceHash, root] = process.argv.slice(2);
if (!outDir || !sourceHash || !root) throw new Error('usage: make-dist BUILD_DIR SOURCE_HASH PROJECT_ROOT');

writeFileSync(join(outDir, 'content.json'), JSON.stringify(snapshotContent()));
// The rules' code version from the sources, so the built server's rulesVersion matches `npm run dev`'s.
writeFileSync(join(outDir, CODE_VERSION_FILE), ruleCodeVersion(join(root, 'src', 'domain')));
const book = loadRuleBook();
const kb = loadKb(undefined, { ruleSet: book });
const lexicon = loadLexicon();
const search = buildSearchIndex(kb, lexicon);
writeSearchIndexFile(join(outDir, 'search', 'index.json'), search);

const assets = buildAssets(assetInputs(book, kb, lexicon), join(root, 'src', 'adapters', 'web'));
writeFileSync(join(outDir, 'site.css'), assets.css);

/** Highest compression: it is paid once here, and saved on every download. Same content, same work. */
const compressed = new Map<string, Promise<[Buffer, Buffer]>>();
function compress(body: Buffer): Promise<[Buffer, Buffer]> {
  const key = sha256(body);
  let result = compressed.get(key);
  if (!result) {
    result = Promise.all([
      brotli(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
      gzip(body, { level: 9 }),
    ]);
    compressed.set(key, result);
  }
  return result;
}

const files: AssetManifest['files'] = {};
await Promise.all(
  assets.files.map(async (file) => {
    const content = file.content();
    const body = typeof content === 'string' ? Buffer.from(content) : content;
    const name = file.path.replace(/^\//, '');
    const target = join(outDir, 'public', name);
    mkdirSync(dirname(target), { recursive: true });
    const [br, gz] = await compress(body);
    const encodings: Encoding[] = ['identity'];
    await writeFile(target, body);
    // A compressed copy only where it is smaller.
    if (br.length < body.length) {
      await writeFile(`${target}.br`, br);
      encodings.unshift('br');
    }
    if (gz.length < body.length) {
      await writeFile(`${target}.gz`, gz);
      encodings.splice(encodings.length - 1, 0, 'gzip');
    }
    files[file.path] = {
      file: name,
      type: file.type,
      cacheControl: file.cacheControl,
      hash: sha256(body).slice(0, 16),
      encodings,
    };
  }),
);

const manifest: AssetManifest = {
  sourceHash,
  builtAt: new Date().toISOString(),
  cssHash: assets.cssHash,
  files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b))),
};
writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
