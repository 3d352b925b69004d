// The case desk's pages over HTTP (a real server on SQLite): every answer under /desk carries the
// security headers and `no-store`; the service worker never touches /desk; a person of another team
// or organisation is answered exactly as an id that does not exist (404, same body), through the
// pages and the JSON API; person ids are random (UUID v4), never sequential.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { translator } from '#adapters/content/load-messages.ts';
import { lazyStore } from '#app/desk.ts';
import {
  ACCOUNTS,
  addPerson,
  type DeskServer,
  FAMILY_FORM,
  PASSWORD,
  type PageSession,
  PERSON_FORM,
  page,
  pageLogin,
  proposedRules,
  startDesk,
} from './support/desk.ts';

let desk: DeskServer;
let anna: PageSession;
let bram: PageSession;
let dina: PageSession;
let cor: PageSession;
before(async () => {
  desk = await startDesk();
  [anna, bram, dina, cor] = await Promise.all([
    pageLogin(desk.base, 'anna'),
    pageLogin(desk.base, 'bram'),
    pageLogin(desk.base, 'dina'),
    pageLogin(desk.base, 'cor'),
  ]);
});
after(() => desk?.close());

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function api(
  s: PageSession,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(`${desk.base}/desk/api/v1${path}`, {
    method,
    redirect: 'manual',
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

/** The names of a response's headers (without date, which differs by the second). */
function headerNames(res: Response): string[] {
  const names: string[] = [];
  res.headers.forEach((_v, k) => {
    if (k !== 'date') names.push(k);
  });
  return names.sort();
}

function assertGuarded(res: Response, what: string) {
  const h = res.headers;
  assert.equal(h.get('cache-control'), 'no-store', `${what}: no-store`);
  assert.equal(h.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
  assert.equal(h.get('x-frame-options'), 'DENY', `${what}: x-frame-options`);
  assert.equal(h.get('referrer-policy'), 'no-referrer', `${what}: referrer-policy`);
  assert.equal(h.get('cross-origin-opener-policy'), 'same-origin', `${what}: COOP`);
  assert.match(h.get('permissions-policy') ?? '', /camera=\(\)/, `${what}: permissions-policy`);
  if ((h.get('content-type') ?? '').startsWith('text/html')) {
    const csp = h.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/, `${what}: CSP`);
    assert.match(csp, /frame-ancestors 'none'/, `${what}: CSP frame-ancestors`);
    assert.match(csp, /form-action 'self'/, `${what}: CSP form-action`);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `${what}: strict CSP`);
  }
}

test('every desk answer (pages, redirects, errors, API, feed) has the security headers and no-store', async () => {
  const id = await addPerson(desk.base, anna, { ...PERSON_FORM, 'f.circumstances': 'special-circumstances' });
  const letter = `/desk/en/people/${id}/letters/extension-special-circumstances`;
  const cal = await page(desk.base, anna, '/desk/en/calendar', { do: 'new' });
  const feed = /value="https?:\/\/[^/"]+(\/desk\/calendar\/[^"]+\.ics)"/.exec(await cal.text())?.[1];
  assert.ok(feed, 'the calendar page shows the new link');
  const checks: [string, () => Promise<Response>, number][] = [
    ['/desk', () => page(desk.base, null, '/desk'), 302],
    ['login nl', () => page(desk.base, null, '/desk/nl/login'), 200],
    ['login en', () => page(desk.base, null, '/desk/en/login'), 200],
    [
      'wrong password',
      () => page(desk.base, null, '/desk/en/login', { email: ACCOUNTS.anna.email, password: 'nope' }),
      401,
    ],
    ['dashboard without a session', () => page(desk.base, null, '/desk/nl/'), 303],
    ['dashboard', () => page(desk.base, anna, '/desk/nl/?due=90&act=wi2021'), 200],
    ['new person', () => page(desk.base, anna, '/desk/en/people/new'), 200],
    ['new person, invalid', () => page(desk.base, anna, '/desk/en/people', { displayName: '' }), 400],
    ['person', () => page(desk.base, anna, `/desk/nl/people/${id}`), 200],
    [
      'person, stale write',
      () => page(desk.base, anna, `/desk/nl/people/${id}`, { ...PERSON_FORM, version: '0' }),
      409,
    ],
    ['erase page', () => page(desk.base, anna, `/desk/en/people/${id}/erase`), 200],
    ['letter form', () => page(desk.base, anna, letter), 200],
    [
      'letter',
      () => page(desk.base, anna, letter, { name: 'A. B.', bsn: '123456782', date: '2026-03-02' }),
      200,
    ],
    ['letter, a bad BSN', () => page(desk.base, anna, letter, { bsn: '123' }), 400],
    ['impact', () => page(desk.base, cor, '/desk/en/impact'), 200],
    ['calendar', () => page(desk.base, anna, '/desk/nl/calendar'), 200],
    ['calendar feed', () => fetch(`${desk.base}${feed}`), 200],
    ['unknown person', () => page(desk.base, anna, `/desk/nl/people/${randomUUID()}`), 404],
    ['unknown desk language', () => page(desk.base, anna, '/desk/xx/'), 404],
    ['no CSRF token', () => page(desk.base, { ...anna, csrf: 'x' }, `/desk/nl/people/${id}/erase`, {}), 403],
    ['API list', () => api(anna, 'GET', '/people'), 200],
    ['API export', () => api(anna, 'GET', `/people/${id}/export`), 200],
    ['API without a session', () => fetch(`${desk.base}/desk/api/v1/people`), 401],
  ];
  for (const [what, get, status] of checks) {
    const res = await get();
    assert.equal(res.status, status, what);
    assertGuarded(res, what);
    // No page needs JavaScript: none has a script.
    assert.doesNotMatch(await res.text(), /<script/i, `${what}: no script`);
  }
});

test('a database that is down: a 503 page in the desk language, guarded like every desk page', async () => {
  const down = await desk.another({
    deskStore: lazyStore(() => Promise.reject(new Error('ECONNREFUSED 5432'))),
  });
  for (const lang of ['nl', 'en']) {
    const res = await page(down.base, anna, `/desk/${lang}/`);
    assert.equal(res.status, 503);
    assert.ok(Number(res.headers.get('retry-after')) > 0);
    assertGuarded(res, `503 ${lang}`);
    const html = await res.text();
    assert.match(html, new RegExp(`<html lang="${lang}"`));
    assert.match(html, /<h1>[^<]+<\/h1>/);
    assert.doesNotMatch(html, /ECONNREFUSED|5432|at .*\.ts/, 'nothing about what failed');
  }
});

test('the service worker never answers or keeps a /desk address (network only), but still keeps public pages', async () => {
  const source = await (await fetch(`${desk.base}/sw.js`)).text();
  const listeners: Record<string, (event: unknown) => void> = {};
  const put: string[] = [];
  const cache = {
    put: async (req: { url?: string } | string) =>
      void put.push(typeof req === 'string' ? req : String(req.url)),
    match: async () => undefined,
    add: async () => {},
  };
  const sandbox = {
    self: {
      location: { href: `${desk.base}/sw.js?lang=nl`, origin: desk.base },
      addEventListener: (type: string, fn: (event: unknown) => void) => {
        listeners[type] = fn;
      },
      skipWaiting: async () => {},
      clients: { claim: async () => {} },
    },
    caches: { open: async () => cache, keys: async () => [] },
    fetch: async () => new Response('<p>page</p>', { status: 200, headers: { 'cache-control': 'no-store' } }),
    Request,
    Response,
    URL,
  };
  runInNewContext(source, sandbox);
  assert.ok(listeners.fetch, 'the worker listens to fetch');
  const dispatch = async (path: string) => {
    let answered: Promise<unknown> | undefined;
    listeners.fetch!({
      request: { url: `${desk.base}${path}`, method: 'GET', mode: 'navigate' },
      respondWith: (r: Promise<unknown>) => {
        answered = r;
      },
    });
    await answered;
    return answered !== undefined;
  };
  for (const path of [
    '/desk',
    '/desk/nl/',
    `/desk/en/people/${randomUUID()}`,
    '/desk/api/v1/people',
    '/desk/calendar/x.ics',
  ])
    assert.equal(await dispatch(path), false, `${path}: not through the worker`);
  assert.deepEqual(put, [], 'nothing of the desk was kept');
  // The same worker does keep a public page: the test above can fail.
  assert.equal(await dispatch('/nl/kb/fine'), true);
  assert.deepEqual(put, [`${desk.base}/nl/kb/fine`]);
});

test('person ids are random UUID v4, not sequential', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    const res = await api(anna, 'POST', '/people', {
      displayName: `P${i}`,
      language: 'ar',
      facts: { nationality: 'SY' },
      consent: true,
    });
    assert.equal(res.status, 201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  for (const id of ids) assert.match(id, V4);
  assert.equal(new Set(ids.map((id) => id.slice(0, 8))).size, ids.length, 'no shared prefix: not a counter');
  for (const id of ids) assert.equal((await api(anna, 'DELETE', `/people/${id}`)).status, 204);
});

test('another team or organisation cannot read, change, erase, export or make a letter through the pages: 404, like no such id', async () => {
  // Special circumstances: the answer offers a letter, so the letter pages exist for team A.
  const id = await addPerson(desk.base, anna, { ...PERSON_FORM, 'f.circumstances': 'special-circumstances' });
  const ghost = randomUUID();
  const letter = (pid: string) => `/desk/nl/people/${pid}/letters/extension-special-circumstances`;
  const details = { name: 'A. B.', bsn: '123456782', reason: 'Ziek.', date: '2026-03-02' };
  assert.equal((await page(desk.base, anna, letter(id))).status, 200, 'team A has the letter form');
  /** Every request an outsider could make about a person, through the pages (and the export link). */
  const attempts = (s: PageSession, pid: string): [string, () => Promise<Response>][] => [
    ['person page', () => page(desk.base, s, `/desk/nl/people/${pid}`)],
    ['person page (en)', () => page(desk.base, s, `/desk/en/people/${pid}`)],
    [
      'change',
      () => page(desk.base, s, `/desk/nl/people/${pid}`, { ...PERSON_FORM, displayName: 'X', version: '1' }),
    ],
    [
      'change, invalid',
      () => page(desk.base, s, `/desk/nl/people/${pid}`, { displayName: '', version: '1' }),
    ],
    ['erase page', () => page(desk.base, s, `/desk/nl/people/${pid}/erase`)],
    ['erase', () => page(desk.base, s, `/desk/nl/people/${pid}/erase`, {})],
    ['export link', () => api(s, 'GET', `/people/${pid}/export`)],
    ['letter form', () => page(desk.base, s, letter(pid))],
    ['letter', () => page(desk.base, s, letter(pid), details)],
    ['letter as PDF', () => page(desk.base, s, `${letter(pid)}/pdf`, details)],
  ];
  /** The body with the id asked for replaced: it appears in the language switch, and nowhere else. */
  const normalised = async (res: Response, pid: string) => (await res.text()).replaceAll(pid, 'ID');
  for (const [who, s] of [
    ['helper of team B', bram],
    ['coordinator of another organisation', dina],
  ] as const) {
    const theirs = attempts(s, id);
    const none = attempts(s, ghost);
    for (let i = 0; i < theirs.length; i++) {
      const [what, get] = theirs[i]!;
      const a = await get();
      const b = await none[i]![1]();
      assert.equal(a.status, 404, `${who}, ${what}: 404`);
      assert.equal(b.status, 404, `${who}, ${what} of an id that does not exist: 404`);
      assert.equal(await normalised(a, id), await normalised(b, ghost), `${who}, ${what}: the same answer`);
      assert.deepEqual(headerNames(a), headerNames(b), `${who}, ${what}: the same headers`);
    }
    // Not on their dashboard either.
    assert.doesNotMatch(await (await page(desk.base, s, '/desk/nl/')).text(), new RegExp(id));
  }
  // Nothing moved: the person is still there for their own team, unchanged.
  const mine = await api(anna, 'GET', `/people/${id}`);
  assert.equal(mine.status, 200);
  const p = (await mine.json()) as { displayName: string; version: number; history: unknown[] };
  assert.equal(p.displayName, PERSON_FORM.displayName);
  assert.equal(p.version, 1);
  assert.deepEqual(p.history, []);
});

test('another team cannot reach a person through the JSON API either: the same 404 as a missing id', async () => {
  const id = await addPerson(desk.base, anna);
  const ghost = randomUUID();
  const attempts = (pid: string): [string, (s: PageSession) => Promise<Response>][] => [
    ['read', (s) => api(s, 'GET', `/people/${pid}`)],
    ['change', (s) => api(s, 'PATCH', `/people/${pid}`, { displayName: 'X' }, { 'if-match': '1' })],
    ['erase', (s) => api(s, 'DELETE', `/people/${pid}`)],
    ['export', (s) => api(s, 'GET', `/people/${pid}/export`)],
  ];
  for (const s of [bram, dina]) {
    const theirs = attempts(id);
    const none = attempts(ghost);
    for (let i = 0; i < theirs.length; i++) {
      const a = await theirs[i]![1](s);
      const b = await none[i]![1](s);
      assert.equal(a.status, 404, theirs[i]![0]);
      assert.equal(b.status, 404, none[i]![0]);
      assert.equal((await a.text()).replaceAll(id, 'ID'), (await b.text()).replaceAll(ghost, 'ID'));
    }
    const list = (await (await api(s, 'GET', '/people')).json()) as { people: { id: string }[] };
    assert.ok(!list.people.some((p) => p.id === id), 'not listed');
    const impact = (await (await api(s, 'GET', '/impact?from=rules-000000000000')).json()) as {
      people: { id: string }[];
    };
    assert.ok(!impact.people.some((p) => p.id === id), 'not in the impact report');
  }
  // A guessed id of another form (a counter, a short id) is a 404 too, never a 400 or 500.
  for (const guess of ['1', '2', '00000000-0000-0000-0000-000000000001', id.toUpperCase(), `${id}x`]) {
    assert.equal((await api(bram, 'GET', `/people/${guess}`)).status, 404, guess);
    assert.equal(
      (await page(desk.base, bram, `/desk/nl/people/${encodeURIComponent(guess)}`)).status,
      404,
      guess,
    );
  }
  assert.equal((await api(anna, 'GET', `/people/${id}`)).status, 200, 'still there for team A');
});

test("another team's id takes as long as a missing one (no timing hint): medians within a wide margin", async () => {
  const id = await addPerson(desk.base, anna);
  const ghost = randomUUID();
  const times: Record<'theirs' | 'none', number[]> = { theirs: [], none: [] };
  // Interleaved, so load on the machine falls on both alike; the margin is wide (a shared CI machine),
  // so only a real second path (a hash, another query) would show.
  for (let i = 0; i < 30; i++)
    for (const [k, pid] of [
      ['theirs', id],
      ['none', ghost],
    ] as const) {
      const t0 = performance.now();
      const res = await page(desk.base, bram, `/desk/nl/people/${pid}`);
      await res.arrayBuffer();
      times[k].push(performance.now() - t0);
    }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const [a, b] = [median(times.theirs), median(times.none)];
  assert.ok(Math.abs(a - b) < 10 + Math.min(a, b), `medians ${a.toFixed(2)} ms and ${b.toFixed(2)} ms`);
});

test('the login is a form that needs no script, and a wrong password says so in the page (401)', async () => {
  const res = await page(desk.base, null, '/desk/en/login', {
    email: ACCOUNTS.bram.email,
    password: `${PASSWORD}!`,
  });
  assert.equal(res.status, 401);
  const html = await res.text();
  assert.match(html, /role="alert"/);
  assert.match(html, /<title>There is a problem: /, 'the title says so first (no script moves the focus)');
  assert.doesNotMatch(html, /<script/);
  assert.match(html, new RegExp(`value="${ACCOUNTS.bram.email}"`), 'the e-mail address is kept');
});

test("the impact page lists whose answer a rule change moved, from what to what, within the caller's teams", async () => {
  const id = await addPerson(desk.base, anna, FAMILY_FORM);
  const proposed = await desk.another({ book: proposedRules() });
  const before = await (await page(desk.base, cor, '/desk/en/impact')).text();
  assert.doesNotMatch(before, new RegExp(id), 'under the same rules nothing moved');
  const res = await page(proposed.base, cor, '/desk/en/impact');
  assert.equal(res.status, 200);
  const html = await res.text();
  const row = new RegExp(`href="/desk/en/people/${id}">Noor</a>[\\s\\S]*?</li>`).exec(html)?.[0] ?? '';
  assert.ok(row, 'Noor is listed');
  assert.ok(row.includes('Yes, you have to integrate'), 'what it was');
  assert.match(row, /→ No, you do not have to integrate/, 'what it is now');
  // Team B's helper does not see team A's person, even in the impact list.
  assert.doesNotMatch(await (await page(proposed.base, bram, '/desk/en/impact')).text(), new RegExp(id));
  assert.equal((await api(anna, 'DELETE', `/people/${id}`)).status, 204);
});

test('the language field suggests the 16 languages by the names their readers know, and still takes any tag', async () => {
  const html = await (await page(desk.base, anna, '/desk/en/people/new')).text();
  assert.match(html, /<input[^>]*name="language"[^>]*list="desk-languages"/);
  const list = /<datalist id="desk-languages">(.*?)<\/datalist>/s.exec(html)?.[1] ?? '';
  assert.equal(list.match(/<option /g)?.length, 16);
  assert.match(list, /<option value="ti">ትግርኛ<\/option>/);
  assert.match(list, /<option value="ar">العربية<\/option>/);
  assert.match(html, /<input[^>]*name="language"[^>]*type="text"/); // a datalist suggests, it does not restrict
});

test('a person whose answer the rules leave open (a British citizen who came after 2020): the desk says to ask DUO, not to add answers', async () => {
  const id = await addPerson(desk.base, anna, {
    ...PERSON_FORM,
    displayName: 'Oliver',
    'f.nationality': 'GB',
    'f.permitPurpose': 'family',
    'f.pipDate': '',
  });
  const html = await (await page(desk.base, anna, `/desk/en/people/${id}`)).text();
  const en = translator('en');
  assert.ok(html.includes(en.t('obligation.unknown-open.title')), 'the open headline');
  assert.ok(!html.includes(en.t('obligation.unknown.title')), 'not "we need a few more answers"');
});
