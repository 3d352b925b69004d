/**
 * Wires the case desk: the store (SQLite in the data directory, or PostgreSQL by DATABASE_URL),
 * opened and migrated on first use so the public app never waits for it; the service over the
 * same engine; sessions; the calendar feed's texts.
 */
import { join } from 'node:path';
import { translator } from '#adapters/content/load-messages.ts';
import type { DeskLetters } from '#adapters/desk/desk-letters.tsx';
import { sessionManager } from '#adapters/desk/sessions.ts';
import { openDatabase } from '#adapters/storage/database.ts';
import { kyselyStore } from '#adapters/storage/kysely-store.ts';
import { migrate } from '#adapters/storage/migrations.ts';
import { calendar } from '#adapters/web/ics.ts';
import type { LettersKit } from '#adapters/web/letters-kit.tsx';
import { PdfBusy, PdfCancelled, type PdfRenderer } from '#adapters/web/render-pdf.ts';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import { deskService, readStoredFacts } from '#domain/desk/service.ts';
import type { DeskStore } from '#domain/desk/store.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import type { Config } from './config.ts';

export async function openDeskStore(config: Config, today: () => PlainDate): Promise<DeskStore> {
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: join(config.dataDir, 'desk.sqlite'),
  });
  try {
    await migrate(database.db, database.dialect);
  } catch (error) {
    await database.db.destroy().catch(() => {});
    throw error;
  }
  return kyselyStore(database, (json) => readStoredFacts(json, today()));
}

/** A store that opens on first use and tries again after a failure (a database that was down). */
export function lazyStore(open: () => Promise<DeskStore>): DeskStore {
  let opening: Promise<DeskStore> | undefined;
  const get = () => {
    opening ??= open().catch((error: unknown) => {
      opening = undefined;
      throw error;
    });
    return opening;
  };
  return new Proxy({} as DeskStore, {
    get(_target, name: keyof DeskStore) {
      if (name === 'ping')
        return async () => {
          try {
            return await (await get()).ping();
          } catch {
            return false;
          }
        };
      if (name === 'close')
        return async () => (opening ? (await opening.catch(() => undefined))?.close() : undefined);
      return async (...args: unknown[]) => {
        const store = await get();
        return (store[name] as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}

export function deskParts(options: {
  store: DeskStore;
  book: RuleBook;
  today: () => PlainDate;
  config: Config;
}) {
  const service = deskService({
    store: options.store,
    book: options.book,
    today: options.today,
    now: () => new Date().toISOString(),
  });
  const sessions = sessionManager(options.store, { secureCookie: options.config.secureCookie });
  const t = translator('nl');
  return {
    service,
    sessions,
    calendar: {
      render: calendar,
      label: (kind: string) => t.t(`desk.action.${kind}`),
    },
  };
}

/**
 * Letters to DUO for the desk, from the web adapter's letters kit and the bounded PDF renderer
 * (the same pool, queue and 503 as the public pages): HTML for the desk's own page frame.
 */
export function deskLetters(kit: LettersKit, pdf: PdfRenderer, post: string, css: () => string): DeskLetters {
  return {
    offered: kit.offered,
    letter: kit.letter,
    read: kit.read,
    form(t, letter, m) {
      const model = kit.formModel(t, letter, m);
      return {
        title: model.title,
        cautions: [model.when, model.caution].filter((c): c is string => Boolean(c)),
        html: kit.formHtml(t, model),
      };
    },
    letters: (t, letter, input, language) => kit.lettersHtml(t, kit.model(letter, input, language, post)),
    print: (t, letter, input, language) => kit.printHtml(t, kit.model(letter, input, language, post), css()),
    async pdf(html, signal) {
      if (!pdf.available()) return undefined;
      try {
        return await pdf.render(html, signal);
      } catch (error) {
        if (error instanceof PdfBusy || error instanceof PdfCancelled) return null;
        throw error;
      }
    },
  };
}
