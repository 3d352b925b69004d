/**
 * Search without a connection: the same ranking code as the server (src/domain/search), run in the
 * browser over the index the service worker keeps (/{lang}/search-index.json). Used on the
 * offline page, which the service worker shows for a search made while offline.
 */
import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';
import { SearchIndex, type SearchIndexData } from '#domain/search/search-index.ts';

const STEMMERS = { nl: dutch, en: english, tr: turkish, ar: arabic, uk: ukrainian, ru: russian };

async function run() {
  const box = document.getElementById('offline-results');
  if (!box) return;
  const lang = document.documentElement.lang;
  const q = new URLSearchParams(location.search).get('q')?.trim();
  if (!q) return;
  const input = document.getElementById('q') as HTMLInputElement | null;
  if (input) input.value = q;
  const data = (await (await fetch(`/${lang}/search-index.json`)).json()) as SearchIndexData;
  const index = SearchIndex.fromJSON(data, STEMMERS);
  const { results, confident } = index.search(q.slice(0, 500), { lang, limit: 8 });
  box.hidden = false;
  const notSure = box.querySelector('[data-not-sure]') as HTMLElement | null;
  if (notSure) notSure.hidden = confident;
  const list = box.querySelector('ol');
  if (!list) return;
  for (const r of results) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = r.url;
    a.textContent = r.title;
    li.append(a);
    list.append(li);
  }
}

run().catch(() => {
  // Without the index there is nothing to search: the offline page's own text stays.
});
