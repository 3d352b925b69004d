/**
 * The web assets as the server uses them: the page CSS (minified, inlined in every page, its hash in
 * the Content-Security-Policy) and the static files (client scripts, service worker, offline search
 * index). `npm run build` makes them once (build-assets.ts) and writes each file with a brotli and a
 * gzip copy to dist/public; the server only reads those files, never compiles or compresses them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';

export type Encoding = 'br' | 'gzip' | 'identity';

export interface StaticFile {
  readonly type: string;
  readonly cacheControl: string;
  /** Hash of the content; the ETag of each encoding adds the encoding's name. */
  readonly hash: string;
  readonly encodings: readonly Encoding[];
  read(encoding: Encoding): Promise<Buffer>;
}

export interface Assets {
  css: string;
  cssHash: string;
  /** Static files by URL path (/assets/app.js, /sw.js, /nl/search-index.json, ...). */
  files: ReadonlyMap<string, StaticFile>;
}

/** dist/manifest.json: what the build made. */
export interface AssetManifest {
  /** Hash of everything the build read (sources, content, lock file): the launcher compares it. */
  sourceHash: string;
  builtAt: string;
  cssHash: string;
  files: Record<
    string,
    { file: string; type: string; cacheControl: string; hash: string; encodings: Encoding[] }
  >;
}

export const sha256 = (data: string | Buffer, encoding: 'base64' | 'hex' = 'hex') =>
  createHash('sha256').update(data).digest(encoding);

/** The assets of a build (dist/): the CSS is read now, each file on its first request, then kept. */
export function readBuiltAssets(distDir: string): Assets {
  const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as AssetManifest;
  const css = readFileSync(join(distDir, 'site.css'), 'utf8');
  const files = new Map<string, StaticFile>();
  for (const [path, entry] of Object.entries(manifest.files)) {
    const cache = new Map<Encoding, Promise<Buffer>>();
    const suffix = { br: '.br', gzip: '.gz', identity: '' } as const;
    files.set(path, {
      type: entry.type,
      cacheControl: entry.cacheControl,
      hash: entry.hash,
      encodings: entry.encodings,
      read(encoding) {
        let body = cache.get(encoding);
        if (!body) {
          body = readFile(join(distDir, 'public', entry.file + suffix[encoding]));
          cache.set(encoding, body);
          body.catch(() => cache.delete(encoding));
        }
        return body;
      },
    });
  }
  return { css, cssHash: manifest.cssHash, files };
}

/** The encodings a client accepts, in our order of preference (brotli, gzip, none). */
export function acceptedEncoding(header: string | undefined, available: readonly Encoding[]): Encoding {
  const accepted = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  for (const encoding of ['br', 'gzip'] as const) {
    const q = accepted.get(encoding) ?? (encoding === 'gzip' ? accepted.get('x-gzip') : undefined);
    if (available.includes(encoding) && q !== undefined && q > 0) return encoding;
  }
  return 'identity';
}

/** Sends a static file in the best encoding the client accepts, with its ETag (304 when unchanged). */
export async function sendStatic(request: FastifyRequest, reply: FastifyReply, file: StaticFile) {
  const encoding = acceptedEncoding(request.headers['accept-encoding'], file.encodings);
  const etag = `"${file.hash}${encoding === 'identity' ? '' : `-${encoding}`}"`;
  reply
    .header('content-type', file.type)
    .header('cache-control', file.cacheControl)
    .header('vary', 'accept-encoding')
    .header('etag', etag);
  const match = request.headers['if-none-match'];
  if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) return reply.code(304).send();
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(await file.read(encoding));
}

/** The policy for a page whose inline CSS has this hash (a page's own, ../page-css.ts). */
export function contentSecurityPolicy(assets: Pick<Assets, 'cssHash'>): string {
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
