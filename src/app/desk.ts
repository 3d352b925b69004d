/**
 * Wires the case desk: the store (SQLite in the data directory, or PostgreSQL by DATABASE_URL),
 * opened and migrated on first use so the public app never waits for it; the service over the
 * same engine; sessions; the calendar feed's texts.
 */
import { join } from 'node:path';
import { translator } from '#adapters/content/load-messages.ts';
import { sessionManager } from '#adapters/desk/sessions.ts';
import { openDatabase } from '#adapters/storage/database.ts';
import { kyselyStore } from '#adapters/storage/kysely-store.ts';
import { migrate } from '#adapters/storage/migrations.ts';
import { calendar } from '#adapters/web/ics.ts';
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
