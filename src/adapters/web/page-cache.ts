/**
 * The last result pages made, kept briefly: the page is a pure function of its URL, the date and
 * the minute ("open now"), so the same link opened again (shared in a family, reloaded, printed
 * after reading) is sent without rendering or compressing it again. Least recently used first out,
 * at most `maxEntries` pages; the key holds the date and minute, so nothing is older than a
 * minute when used. Not personal: the URL is the state the person chose to put in the link, kept
 * in this process's memory only, never written, logged or shared across instances.
 *
 * The rendering itself is made fast first (docs/production.md: performance); this only spares a
 * page that was just made.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Compressed, compress, encodingFor, markCompressed } from './compress.ts';

export interface CachedPage {
  readonly html: string;
  readonly csp: string;
  /** The page compressed, per encoding, made on first use. */
  readonly compressed: Partial<Record<Compressed, Promise<Buffer>>>;
}

export class PageCache {
  private readonly pages = new Map<string, CachedPage>();

  constructor(readonly maxEntries: number) {}

  get size(): number {
    return this.pages.size;
  }

  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  /** Keeps the page (when caching is on) and returns it. */
  set(key: string, rendered: { html: string; csp: string }): CachedPage {
    const page: CachedPage = { html: rendered.html, csp: rendered.csp, compressed: {} };
    if (this.maxEntries <= 0) return page;
    this.pages.delete(key);
    this.pages.set(key, page);
    while (this.pages.size > this.maxEntries) this.pages.delete(this.pages.keys().next().value!);
    return page;
  }
}

/** Sends a kept page: compressed once per encoding, as compressBuffered would. */
export async function sendCachedPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage) {
  const encoding = encodingFor(request, reply, page.html);
  if (!encoding) return reply.send(page.html);
  const made = page.compressed[encoding] ?? compress(page.html, encoding);
  page.compressed[encoding] = made;
  let body: Buffer;
  try {
    body = await made;
  } catch {
    delete page.compressed[encoding];
    return reply.send(page.html);
  }
  return markCompressed(reply, encoding, body).send(body);
}
