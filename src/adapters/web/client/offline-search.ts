/**
 * Search without a connection: the same ranking code as the server (src/search), run in the
 * browser over the index the service worker keeps (/{lang}/search-index.json). Used on the
 * offline page, which the service worker shows for a search made while offline.
 */
import { STEMMERS } from '#adapters/content/stemmers.ts';
import { SearchIndex, type SearchIndexData } from '#search/search-index.ts';

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
  // "This page is not saved on your phone" would contradict the answers below it.
  const pageText = document.querySelector<HTMLElement>('[data-offline-text]');
  const searchText = document.querySelector<HTMLElement>('[data-offline-search-text]');
  if (pageText && searchText) {
    pageText.hidden = true;
    searchText.hidden = false;
  }
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
