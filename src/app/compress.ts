/**
 * Compression of the answers the app makes (pages, API JSON): one call to zlib's thread pool per
 * answer, never on the event loop, at a level that costs less than it saves (docs/adr/010).
 *
 * @fastify/compress compresses through a stream pipeline (a Readable, a Transform and their
 * events for one buffer): for a 56 KB page that machinery cost more main-thread time than the
 * compression itself. This onSend hook takes the common case (a buffered page or JSON answer,
 * a client that accepts br or gzip) and hands it to `zlib.brotliCompress` / `zlib.gzip` in one
 * call; anything else (streams, odd Accept-Encoding headers, non-text types) is left to
 * @fastify/compress, which runs after it and leaves an answer with a Content-Encoding alone.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { acceptedEncoding } from '#adapters/web/assets.ts';

/** Smaller answers go as they are (the headers weigh as much as what compression would save). */
export const COMPRESS_THRESHOLD = 1024;
/** Brotli 4, gzip 5: well under a millisecond for a page, 4-6× smaller (docs/adr/010). */
export const BROTLI_QUALITY = 4;
export const GZIP_LEVEL = 5;

/** As @fastify/compress decides what is text (its default list). */
const COMPRESSIBLE = /^text\/(?!event-stream)|(?:\+|\/)json(?:;|$)|(?:\+|\/)text(?:;|$)|(?:\+|\/)xml(?:;|$)/u;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

export async function compressBuffered(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  if (reply.hasHeader('content-encoding') || reply.statusCode === 206 || reply.hasHeader('content-range'))
    return payload;
  if (request.headers['x-no-compression'] !== undefined) return payload;
  const type = reply.getHeader('content-type');
  if (typeof type !== 'string' || !COMPRESSIBLE.test(type)) return payload;
  const size = typeof payload === 'string' ? Buffer.byteLength(payload) : payload.length;
  if (size < COMPRESS_THRESHOLD) return payload;
  const encoding = acceptedEncoding(request.headers['accept-encoding'], ['br', 'gzip']);
  if (encoding === 'identity') return payload; // @fastify/compress decides (e.g. `*`, deflate)
  let compressed: Buffer;
  try {
    compressed =
      encoding === 'br'
        ? await brotli(payload, {
            params: {
              [zlib.constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
              [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
              // A 256 KB window: the same bytes for any page or answer below it, a smaller state.
              [zlib.constants.BROTLI_PARAM_LGWIN]: 18,
            },
          })
        : await gzip(payload, { level: GZIP_LEVEL });
  } catch {
    return payload; // @fastify/compress tries again, or it goes as it is
  }
  const vary = reply.getHeader('vary');
  if (vary === undefined) reply.header('vary', 'accept-encoding');
  else if (!String(vary).toLowerCase().includes('accept-encoding'))
    reply.header('vary', `${String(vary)}, accept-encoding`);
  reply.header('content-encoding', encoding).header('content-length', compressed.length);
  return compressed;
}
