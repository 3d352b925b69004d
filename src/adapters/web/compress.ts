/**
 * Compression of the answers the app makes (pages, API JSON): one call to zlib's thread pool per
 * answer, never on the event loop, at a level that costs less than it saves (docs/adr/010).
 *
 * @fastify/compress compresses through a stream pipeline (a Readable, a Transform and their
 * events for one buffer): for a 56 KB page that machinery cost more main-thread time than the
 * compression itself. `compressBuffered` (an onSend hook) takes the common case (a buffered page
 * or JSON answer, a client that accepts br or gzip) and hands it to `zlib.brotliCompress` /
 * `zlib.gzip` in one call; anything else (streams, odd Accept-Encoding headers, other types) is
 * left to @fastify/compress, which runs after it and leaves an answer with a Content-Encoding alone.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptedEncoding } from './assets.ts';

/** Smaller answers go as they are (the headers weigh as much as what compression would save). */
export const COMPRESS_THRESHOLD = 1024;
/** Pages: brotli 4, gzip 5: about a millisecond of a thread for a 56 KB page, 5× smaller (docs/adr/010). */
export const BROTLI_QUALITY = 4;
export const GZIP_LEVEL = 5;
/**
 * API JSON: brotli 0, gzip 1. Answers of 1-9 KB (an assessment, a search) come out 2-2.5× smaller at
 * brotli 0 for ~28 % less CPU than brotli 1, which saves 4-8 % more bytes (about 50 bytes); brotli 4
 * costs four times as much again (docs/adr/012).
 */
export const JSON_BROTLI_QUALITY = 0;
export const JSON_GZIP_LEVEL = 1;

export type Compressed = 'br' | 'gzip';

/** As @fastify/compress decides what is text (its default list). */
const COMPRESSIBLE = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)text(?:;|$)|(?:\+|\/)xml(?:;|$)/u;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The encoding to compress this answer in here, or undefined: as it is, or @fastify/compress decides. */
export function encodingFor(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: string | Buffer,
): Compressed | undefined {
  if (reply.hasHeader('content-encoding') || reply.statusCode === 206 || reply.hasHeader('content-range'))
    return undefined;
  if (request.headers['x-no-compression'] !== undefined) return undefined;
  const type = reply.getHeader('content-type');
  if (typeof type !== 'string' || !COMPRESSIBLE.test(type)) return undefined;
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  if (size < COMPRESS_THRESHOLD) return undefined;
  const encoding = acceptedEncoding(request.headers['accept-encoding'], ['br', 'gzip']);
  return encoding === 'identity' ? undefined : encoding; // identity: @fastify/compress decides (`*`, deflate)
}

/** The payload compressed in zlib's thread pool; `json`: at the cheap levels. */
export function compress(payload: string | Buffer, encoding: Compressed, json = false): Promise<Buffer> {
  if (encoding === 'gzip') return gzip(payload, { level: json ? JSON_GZIP_LEVEL : GZIP_LEVEL });
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  return brotli(payload, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: json ? JSON_BROTLI_QUALITY : BROTLI_QUALITY,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
      // A 256 KB window: the same bytes for any page or answer below it, a smaller state.
      [zlib.constants.BROTLI_PARAM_LGWIN]: 18,
    },
  });
}

/** The headers of a compressed answer (Vary kept, Content-Length of the compressed bytes). */
export function markCompressed(reply: FastifyReply, encoding: Compressed, body: Buffer): FastifyReply {
  const vary = reply.getHeader('vary');
  if (vary === undefined) reply.header('vary', 'accept-encoding');
  else if (!String(vary).toLowerCase().includes('accept-encoding'))
    reply.header('vary', `${String(vary)}, accept-encoding`);
  return reply.header('content-encoding', encoding).header('content-length', body.length);
}

/** onSend: a buffered text answer compressed in one thread-pool call. */
export async function compressBuffered(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  const encoding = encodingFor(request, reply, payload);
  if (!encoding) return payload;
  let body: Buffer;
  try {
    body = await compress(payload, encoding, /json/.test(String(reply.getHeader('content-type'))));
  } catch {
    return payload; // @fastify/compress tries again, or it goes as it is
  }
  markCompressed(reply, encoding, body);
  return body;
}
