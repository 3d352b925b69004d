/**
 * The last result pages made, kept briefly: the page is a pure function of its URL, the date and
 * the minute ("open now"), so the same link opened again (shared in a family, reloaded, printed
 * after reading) is sent without rendering or compressing it again. Least recently used first out,
 * at most `maxEntries` pages.
 *
 * The URL holds a person's answers, so a page is kept no longer than it can be used: the key holds
 * the date and minute it was made for, and a sweep (every `sweepMs`, 10 s) drops every page whose
 * minute has passed or that is older than `maxAgeMs` (110 s), whatever traffic there is or is not;
 * a page is never sent once it is older than that. So no answers stay in memory much past their
 * minute, and none for more than two minutes. Kept in this process's memory only, never written,
 * logged or shared across instances (docs/production.md: privacy).
 *
 * The rendering itself is made fast first (docs/production.md: performance); this only spares a
 * page that was just made.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Compressed, compress, encodingFor, markCompressed } from './compress.ts';

export interface CachedPage {
  /** The page as UTF-8, encoded once: sent, compressed and measured as it is. */
  readonly bytes: Buffer;
  readonly csp: string;
  /** The page compressed, per encoding, made on first use. */
  readonly compressed: Partial<Record<Compressed, Promise<Buffer>>>;
}

interface Entry {
  readonly page: CachedPage;
  /** The date and minute the page was made for (its key holds them too). */
  readonly period: string;
  /** When it was made (options.now, milliseconds). */
  readonly made: number;
}

export interface PageCacheOptions {
  /** The current date and minute, as the keys hold them. */
  period: () => string;
  /** No page is used, nor kept past the next sweep, once it is this old. Default 110 s. */
  maxAgeMs?: number;
  /** The clock for ages (milliseconds). Default performance.now. */
  now?: () => number;
}

export class PageCache {
  private readonly pages = new Map<string, Entry>();
  private readonly period: () => string;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(
    readonly maxEntries: number,
    options: PageCacheOptions = { period: () => '' },
  ) {
    this.period = options.period;
    this.maxAgeMs = options.maxAgeMs ?? 110_000;
    this.now = options.now ?? (() => performance.now());
  }

  get size(): number {
    return this.pages.size;
  }

  get(key: string): CachedPage | undefined {
    const entry = this.pages.get(key);
    if (!entry) return undefined;
    this.pages.delete(key);
    if (this.now() - entry.made > this.maxAgeMs) return undefined;
    this.pages.set(key, entry);
    return entry.page;
  }

  /** Keeps the page (when caching is on), made for `period` (the date and minute in its key), and returns it. */
  set(key: string, rendered: { html: string; csp: string }, period = this.period()): CachedPage {
    const page: CachedPage = { bytes: Buffer.from(rendered.html), csp: rendered.csp, compressed: {} };
    if (this.maxEntries <= 0) return page;
    this.pages.delete(key);
    this.pages.set(key, { page, period, made: this.now() });
    while (this.pages.size > this.maxEntries) this.pages.delete(this.pages.keys().next().value!);
    return page;
  }

  /** Drops every page whose minute has passed or that is too old. */
  sweep(): void {
    const period = this.period();
    const oldest = this.now() - this.maxAgeMs;
    for (const [key, entry] of this.pages)
      if (entry.period !== period || entry.made < oldest) this.pages.delete(key);
  }

  /** Sweeps every `sweepMs` until the returned function is called (the timer never keeps the process up). */
  startSweeping(sweepMs = 10_000): () => void {
    if (this.maxEntries <= 0) return () => {};
    const timer = setInterval(() => this.sweep(), sweepMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.pages.clear();
    };
  }
}

/** Sends a kept page: compressed once per encoding, as compressBuffered would. */
export async function sendCachedPage(request: FastifyRequest, reply: FastifyReply, page: CachedPage) {
  const encoding = encodingFor(request, reply, page.bytes);
  if (!encoding) return reply.send(page.bytes);
  const made = page.compressed[encoding] ?? compress(page.bytes, encoding);
  page.compressed[encoding] = made;
  let body: Buffer;
  try {
    body = await made;
  } catch {
    delete page.compressed[encoding];
    return reply.send(page.bytes);
  }
  return markCompressed(reply, encoding, body).send(body);
}
