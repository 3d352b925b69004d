import type { Contacts } from '#adapters/content/load-contacts.ts';
import type { KbEntry } from '#adapters/content/load-kb.ts';
import type { PlainDate } from '#domain/dates/plain-date.ts';
import type { RuleBook } from '#domain/rulebook.ts';
import type { SearchIndex } from '#search/search-index.ts';
import type { Assets } from './assets.ts';
import type { PdfRenderer } from './render-pdf.ts';

export interface WebOptions {
  book: RuleBook;
  contacts: Contacts;
  today: () => PlainDate;
  /** Local time in the Netherlands as HH:MM, for "open now". */
  nowTime: () => string;
  pdf: PdfRenderer;
  /** Knowledge-base topic ids in their reading order, and the answers in every language. */
  kbTopics: readonly string[];
  kb: readonly KbEntry[];
  search: SearchIndex;
  /** The built CSS and static files (dist/, or made in memory for tests and dev). */
  assets: Assets;
  /** Result pages kept after they are made (../page-cache.ts); 0 or undefined: none. */
  pageCacheEntries?: number;
  /** Waits for a request's turn of CPU work, such as making a result page (src/app/turns.ts); none: at once. */
  turn?: () => Promise<void>;
}
