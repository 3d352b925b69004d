// Wegwijs service worker. Downloads nothing in the background: at install it keeps only the small
// offline page of the language; pages the person opens are kept as they are shown. The knowledge
// base with its search index is saved only when the person asks ("save for offline use", a
// message from the page). Never caches a URL with a query string: those carry a person's answers
// or questions; never touches the case desk (/desk).
const VERSION = '__VERSION__';
const CACHE = `wegwijs-${VERSION}`;
const lang = new URL(self.location.href).searchParams.get('lang') || 'nl';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        await cache.add(new Request(`/${lang}/offline`, { credentials: 'omit' }));
      } catch {}
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys())
        if (key.startsWith('wegwijs-') && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

// "Save for offline use": the page asks, the worker downloads the language's list one by one (a
// slow phone line is not flooded) and answers when done. The list itself is kept last: it marks
// the language as saved.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type !== 'save-offline' || !/^[a-z]{2,3}$/.test(data.lang || '')) return;
  const reply = (message) => event.source?.postMessage(message);
  event.waitUntil(
    (async () => {
      try {
        const cache = await caches.open(CACHE);
        const listUrl = `/${data.lang}/offline.json`;
        const listResponse = await fetch(listUrl, { credentials: 'omit' });
        const { urls } = await listResponse.clone().json();
        for (const url of urls) {
          if (url.includes('?')) continue;
          await cache.add(new Request(url, { credentials: 'omit' }));
        }
        await cache.put(listUrl, listResponse);
        reply({ type: 'save-offline', lang: data.lang, ok: true });
      } catch {
        reply({ type: 'save-offline', lang: data.lang, ok: false });
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The case desk holds personal data: never through the worker, never kept (network only).
  if (url.pathname === '/desk' || url.pathname.startsWith('/desk/')) return;
  if (url.search) {
    // Personal: network only; offline, the offline page of the language.
    if (event.request.mode === 'navigate') {
      event.respondWith(fetch(event.request).catch(() => offlinePage(url)));
    }
    return;
  }
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(event.request);
        // Kept while the page is shown, not before: the page never waits for the cache to write.
        if (response.ok && !url.pathname.startsWith('/api/'))
          event.waitUntil(cache.put(event.request, response.clone()).catch(() => {}));
        return response;
      } catch {
        const cached = await cache.match(event.request);
        if (cached) return cached;
        if (event.request.mode === 'navigate') return offlinePage(url);
        return Response.error();
      }
    })(),
  );
});

async function offlinePage(url) {
  const l = url.pathname.split('/')[1] || lang;
  const cache = await caches.open(CACHE);
  return (await cache.match(`/${l}/offline`)) || (await cache.match(`/${lang}/offline`)) || Response.error();
}
