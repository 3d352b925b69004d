/**
 * PDF of a page's HTML, printed by headless Chromium: the only engine that shapes Arabic and
 * Ethiopic text and mixes directions correctly. The HTML is set directly (no network, no script).
 *
 * Bounded: one shared browser (started on first use, restarted if it dies), at most `concurrency`
 * prints at a time and `queue` waiting; beyond that `render` refuses at once with PdfBusy (the
 * route answers 503 with Retry-After). A print is cancelled when its signal aborts (the client went
 * away) and after `timeoutMs`. The browser profile lives in a unique directory under the OS temp
 * directory, removed on close; directories left by a killed server are removed on the next start.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { setPriority, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The configured Chromium (CHROMIUM_PATH, see src/app/config.ts), else the usual install paths. */
export function chromiumPath(configured?: string): string | undefined {
  return [configured, ...CANDIDATES].find((p): p is string => Boolean(p && existsSync(p)));
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Prefix of the profile directories; the process id follows, so a stale one can be recognised. */
export const PROFILE_PREFIX = 'wegwijs-pdf-profile-';

export class PdfBusy extends Error {
  constructor() {
    super('pdf-busy');
  }
}
export class PdfCancelled extends Error {
  constructor(readonly reason: 'timeout' | 'aborted') {
    super(`pdf-${reason}`);
  }
}

export interface PdfLimits {
  concurrency: number;
  queue: number;
  timeoutMs: number;
  /** The configured Chromium; undefined: the usual install paths. */
  executablePath?: string;
}

interface Waiter {
  start: () => void;
  signal: AbortSignal;
}

export class PdfRenderer {
  private context: Promise<BrowserContext> | undefined;
  private profile: string | undefined;
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private readonly limits: PdfLimits;

  constructor(
    limits: Partial<PdfLimits> = {},
    readonly tempDir = tmpdir(),
  ) {
    this.limits = { concurrency: 2, queue: 4, timeoutMs: 20_000, ...limits };
    removeStaleProfiles(tempDir);
  }

  available(): boolean {
    return chromiumPath(this.limits.executablePath) !== undefined;
  }

  /** True when a print asked now would be refused (every slot busy, the queue full). */
  full(): boolean {
    return this.running >= this.limits.concurrency && this.waiting.length >= this.limits.queue;
  }

  /** Prints now being made and waiting (for tests and the health of the pool). */
  load() {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** The PDF of the HTML; PdfBusy when the pool and its queue are full, PdfCancelled on abort or timeout. */
  async render(html: string, signal?: AbortSignal): Promise<Buffer> {
    const deadline = AbortSignal.timeout(this.limits.timeoutMs);
    const stop = signal ? AbortSignal.any([signal, deadline]) : deadline;
    const cancelled = () => new PdfCancelled(deadline.aborted ? 'timeout' : 'aborted');
    await this.slot(stop);
    try {
      if (stop.aborted) throw cancelled();
      const context = await this.browser();
      const page = await context.newPage();
      const onAbort = () => void page.close().catch(() => {});
      stop.addEventListener('abort', onAbort, { once: true });
      try {
        if (stop.aborted) throw cancelled();
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        return await page.pdf({
          format: 'A4',
          printBackground: true,
          margin: { top: '15mm', bottom: '15mm', left: '14mm', right: '14mm' },
        });
      } catch (error) {
        if (stop.aborted) throw cancelled();
        throw error;
      } finally {
        stop.removeEventListener('abort', onAbort);
        await page.close().catch(() => {});
      }
    } finally {
      this.release();
    }
  }

  /** Waits for a print slot; refuses at once when the queue is full; leaves the queue on abort. */
  private slot(signal: AbortSignal): Promise<void> {
    if (this.running < this.limits.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.queue) return Promise.reject(new PdfBusy());
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        start: () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(new PdfCancelled(signal.reason?.name === 'TimeoutError' ? 'timeout' : 'aborted'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private release() {
    const next = this.waiting.shift();
    if (next) next.start();
    else this.running--;
  }

  private browser(): Promise<BrowserContext> {
    this.context ??= this.launch();
    return this.context;
  }

  private async launch(): Promise<BrowserContext> {
    const path = chromiumPath(this.limits.executablePath);
    if (!path) throw new Error('chromium-not-installed');
    // Loaded on the first PDF, not at start: most processes never print one.
    const { chromium } = await import('playwright-core');
    const profile = mkdtempSync(join(this.tempDir, `${PROFILE_PREFIX}${process.pid}-`));
    this.profile = profile;
    try {
      const context = await chromium.launchPersistentContext(profile, {
        executablePath: path,
        args: CHROMIUM_ARGS,
        headless: true,
        javaScriptEnabled: false,
        offline: true,
      });
      lowerPriority(process.pid, path);
      // A crashed browser is started again on the next print.
      context.on('close', () => {
        if (this.profile === profile) {
          this.context = undefined;
          this.profile = undefined;
        }
        void removeDir(profile);
      });
      return context;
    } catch (error) {
      this.context = undefined;
      await removeDir(profile);
      throw error;
    }
  }

  async close() {
    const context = this.context;
    const profile = this.profile;
    this.context = undefined;
    this.profile = undefined;
    // The browser may be gone already (killed with the server's process group): nothing to close.
    if (context) await (await context.catch(() => undefined))?.close().catch(() => {});
    if (profile) await removeDir(profile);
  }
}

/** Profile directories of Wegwijs processes that no longer run (a server killed with -9). */
export function removeStaleProfiles(dir: string) {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(PROFILE_PREFIX)) continue;
    const pid = Number(name.slice(PROFILE_PREFIX.length).split('-')[0]);
    if (pid === process.pid || isRunning(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/**
 * Printing must not starve the server: Chromium's processes (the browser, its zygotes; renderers
 * fork from those and inherit it) run at a lower CPU priority than the app. Linux only; elsewhere,
 * or without permission, nothing changes.
 */
function lowerPriority(parent: number, executable: string) {
  const name = basename(executable).slice(0, 15);
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return;
  }
  const children = new Map<number, number[]>();
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(pid)]);
    } catch {}
  }
  const renice = (pid: number) => {
    try {
      setPriority(pid, 10);
    } catch {}
    for (const child of children.get(pid) ?? []) renice(child);
  };
  // Only the browser among the app's children (not, say, a compiler service), and all of its own.
  for (const child of children.get(parent) ?? []) {
    try {
      if (readFileSync(`/proc/${child}/comm`, 'utf8').trim() === name) renice(child);
    } catch {}
  }
}

/** Chromium may still be writing while it exits: retry, and never fail the caller over it. */
async function removeDir(dir: string) {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => {});
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
