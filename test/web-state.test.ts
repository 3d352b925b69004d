// The check's URL state through the real server: old links (no `v`) give the same pages as v=1
// links, and a link with something unreadable gets a note that names it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from './helpers.ts';

let server: Awaited<ReturnType<typeof startServer>>;
before(async () => {
  server = await startServer('2025-06-01');
});
after(() => server.close());

const get = (path: string) => fetch(server.base + path, { redirect: 'manual' });
const OLD_LINK =
  'nationality=ER&familyOfEeaCitizen=false&birthDate=1996-12-12&permitPurpose=asylum&permitDate=2022-11-02&schoolYearsInNL=0&diplomas=&hasIntegrationDiploma=false&dk=pipDate';

test('an old result link without v gives the same page as the v=1 link, without a note', async () => {
  for (const page of ['result', 'summary']) {
    const old = await get(`/en/${page}?${OLD_LINK}`);
    const current = await get(`/en/${page}?v=1&${OLD_LINK}`);
    assert.equal(old.status, 200);
    const html = await old.text();
    assert.equal(html, await current.text(), page);
    assert.doesNotMatch(html, /class="alert notice"/);
  }
});

test('the page names what the link held that could not be read', async () => {
  const res = await get('/en/result?v=1&nationality=DE&colour=blue&birthDate=2030-99-99');
  assert.equal(res.status, 200);
  const html = await res.text();
  const note = /<div class="alert notice" role="status"><p>([^<]*)<\/p>/.exec(html)?.[1] ?? '';
  assert.match(note, /could not be read/);
  assert.match(note, /colour/);
  assert.match(note, /What is your date of birth\?/);
});

test('in Dutch and Arabic too, and across the redirect from the check to the result', async () => {
  const res = await get('/nl/check?nationality=DE&colour=blue');
  assert.equal(res.status, 303);
  const location = res.headers.get('location') ?? '';
  assert.match(location, /^\/nl\/result\?v=1&nationality=DE&ignored=colour$/);
  const html = await (await get(location)).text();
  assert.match(html, /Een deel van deze link konden we niet lezen[^<]*colour/);
  const ar = await (await get('/ar/summary?v=7&nationality=SY')).text();
  // In right-to-left text the Latin key is isolated (<bdi dir="ltr">), so it reads in order.
  assert.match(
    ar,
    /<div class="alert notice" role="status"><p>لم نتمكن من قراءة[^<]*<bdi dir="ltr">“v=7”<\/bdi>/,
  );
});
