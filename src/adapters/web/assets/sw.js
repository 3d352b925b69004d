// Wegwijs service worker: keeps the public pages of one language (start, check start, help, the
// knowledge base and its search index) for offline use. Never caches a URL with a query string:
// those carry a person's answers or questions.
const VERSION = '__VERSION__';
const CACHE = `wegwijs-${VERSION}`;
const lang = new URL(self.location.href).searchParams.get('lang') || 'nl';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const manifest = await fetch(`/${lang}/offline.json`).then((r) => r.json());
      // With "save data" on, skip the search index (about 600 KB): pages still work offline.
      const saveData = self.navigator.connection && self.navigator.connection.saveData;
      const urls = saveData ? manifest.urls.filter((u) => !u.endsWith('/search-index.json')) : manifest.urls;
      // One by one, so a slow phone line is not flooded; a failure leaves the rest cached.
      for (const url of urls) {
        try {
          await cache.add(new Request(url, { credentials: 'omit' }));
        } catch {}
      }
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

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
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
        if (response.ok && !url.pathname.startsWith('/api/'))
          await cache.put(event.request, response.clone());
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
