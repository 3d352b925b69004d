// The dashboard's filters on the server-rendered page (issue 9: by team, helper, due date and act):
// a plain GET form with labelled selects in nl and en; a coordinator filters by team and by who
// added a person; a helper gets no team filter, only their own team's accounts, and another team's
// ids in the address change nothing (never a hint of what is there).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { hashPassword } from '#adapters/desk/password.ts';
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
  startDesk,
} from './support/desk.ts';

let desk: DeskServer;
let anna: PageSession;
let bram: PageSession;
let cor: PageSession;
const ids: Record<string, string> = {};
const team: Record<string, string> = {};
const user: Record<string, string> = {};

before(async () => {
  desk = await startDesk();
  const eva = await desk.store.addUser({
    email: 'eva@vwn.example',
    name: 'eva',
    role: 'helper',
    org: 'vwn',
    team: 'Utrecht',
    passwordHash: await hashPassword(PASSWORD),
  });
  for (const [name, a] of Object.entries(ACCOUNTS)) {
    const login = await desk.store.loginOf(a.email);
    user[name] = login?.user.id as string;
    if (a.org === 'vwn') team[a.team] = login?.user.teamId as string;
  }
  user.eva = eva.id;
  anna = await pageLogin(desk.base, 'anna');
  bram = await pageLogin(desk.base, 'bram');
  cor = await pageLogin(desk.base, 'cor');
  // On 2026-03-02: Amal's term ends 2026-05-10 (Wi2021, 69 days); Noor (obliged) has no PIP date yet, so her term end is unknown; Kim's
  // facts are missing (due today); Zed is in team Zwolle.
  ids.amal = await addPerson(desk.base, anna);
  ids.noor = await addPerson(desk.base, anna, FAMILY_FORM);
  const evaSession = await (async () => {
    const res = await fetch(`${desk.base}/desk/nl/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'eva@vwn.example', password: PASSWORD }).toString(),
      redirect: 'manual',
    });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const html = await (await fetch(`${desk.base}/desk/nl/`, { headers: { cookie } })).text();
    return { cookie, csrf: /name="_csrf" value="([^"]+)"/.exec(html)?.[1] as string };
  })();
  ids.kim = await addPerson(desk.base, evaSession, {
    displayName: 'Kim',
    language: 'so',
    consent: 'yes',
  });
  ids.zed = await addPerson(desk.base, bram, { ...PERSON_FORM, displayName: 'Zed' });
});
after(() => desk?.close());

/** The people listed on a dashboard page (by their links), and the page's HTML. */
async function dashboard(s: PageSession, query = '', lang = 'en') {
  const res = await page(desk.base, s, `/desk/${lang}/${query}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  const listed = new Set(
    [...html.matchAll(/href="\/desk\/[a-z]{2}\/people\/([0-9a-f-]{36})"/g)].map((m) => m[1] as string),
  );
  const names = Object.entries(ids)
    .filter(([, id]) => listed.has(id))
    .map(([name]) => name)
    .sort();
  return { html, names };
}

const select = (html: string, name: string) =>
  new RegExp(`<select id="${name}" name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1];
const options = (html: string, name: string) =>
  [...(select(html, name) ?? '').matchAll(/<option value(?:="([^"]*)")?[^>]*>([^<]*)<\/option>/g)].map(
    (m) => [m[1] ?? '', m[2]],
  );

test('a GET form without script: every filter a labelled select, in English and in Dutch', async () => {
  const { html } = await dashboard(cor);
  assert.match(html, /<form method="get" action="\/desk\/en\/" class="desk-filters">/);
  for (const name of ['due', 'act', 'team', 'helper'])
    assert.match(html, new RegExp(`<label for="${name}">[^<]+</label>`), `${name} has a label`);
  assert.match(html, /<label for="team">Team<\/label>/);
  assert.match(html, /<label for="helper">Added by<\/label>/);
  assert.deepEqual(
    options(html, 'due').map(([v]) => v),
    ['', '0', '7', '30', '90', '180', '365'],
  );
  const nl = (await dashboard(cor, '', 'nl')).html;
  assert.match(nl, /<label for="helper">Toegevoegd door<\/label>/);
  assert.match(nl, /<option value="0"[^>]*>Nu of te laat<\/option>/);
  assert.match(nl, /Ikzelf \(cor\)/);
});

test('a coordinator filters by team and by who added the person; the choice stays selected', async () => {
  assert.deepEqual((await dashboard(cor)).names, ['amal', 'kim', 'noor', 'zed']);
  const { html: teams } = await dashboard(cor);
  assert.deepEqual(options(teams, 'team'), [
    ['', 'All'],
    [team.Utrecht, 'Utrecht'],
    [team.Zwolle, 'Zwolle'],
  ]);
  const zwolle = await dashboard(cor, `?team=${team.Zwolle}`);
  assert.deepEqual(zwolle.names, ['zed']);
  assert.match(select(zwolle.html, 'team') ?? '', new RegExp(`<option value="${team.Zwolle}" selected`));
  assert.deepEqual((await dashboard(cor, `?team=${team.Utrecht}`)).names, ['amal', 'kim', 'noor']);
  assert.deepEqual((await dashboard(cor, `?helper=${user.eva}`)).names, ['kim']);
  assert.deepEqual((await dashboard(cor, `?helper=${user.anna}&team=${team.Zwolle}`)).names, []);
  assert.deepEqual(
    options(teams, 'helper').map(([, label]) => label),
    ['Anyone', 'anna', 'bram', 'Me (cor)', 'eva'],
    'the organisation’s accounts (not another organisation’s)',
  );
});

test('a helper: no team filter, only their team’s accounts; another team’s ids change nothing', async () => {
  const { html, names } = await dashboard(anna);
  assert.deepEqual(names, ['amal', 'kim', 'noor']);
  assert.equal(select(html, 'team'), undefined, 'a helper sees one team: no team filter');
  assert.deepEqual(
    options(html, 'helper').map(([, label]) => label),
    ['Anyone', 'Me (anna)', 'cor', 'eva'],
  );
  assert.ok(!html.includes(user.bram as string), 'no account of another team is named');
  assert.deepEqual((await dashboard(anna, `?team=${team.Zwolle}`)).names, ['amal', 'kim', 'noor']);
  assert.deepEqual((await dashboard(anna, `?helper=${user.bram}`)).names, ['amal', 'kim', 'noor']);
  assert.deepEqual((await dashboard(anna, `?helper=${user.anna}`)).names, ['amal', 'noor']);
  assert.deepEqual((await dashboard(anna, '?mine=1')).names, ['amal', 'noor'], 'the old address still works');
  assert.deepEqual((await dashboard(bram, `?team=${team.Utrecht}`)).names, ['zed']);
});

test('due date window and act', async () => {
  // Kim's facts are missing: due today. So is Noor's PIP date (obliged, and without it the end of
  // her term is not known: it may have passed). Amal's term ends on 2026-05-10, in 69 days.
  assert.deepEqual((await dashboard(anna, '?due=0')).names, ['kim', 'noor']);
  assert.deepEqual((await dashboard(anna, '?due=30')).names, ['kim', 'noor']);
  const ninety = await dashboard(anna, '?due=90');
  assert.ok(ninety.names.includes('amal') && ninety.names.includes('kim'));
  assert.match(select(ninety.html, 'due') ?? '', /<option value="90" selected/);
  assert.deepEqual((await dashboard(anna, '?act=wi2013')).names, []);
  assert.ok((await dashboard(anna, '?act=wi2021')).names.includes('amal'));
  assert.ok(!(await dashboard(anna, '?act=wi2021')).names.includes('kim'), 'no act known for Kim');
  // Nonsense is ignored, never an error.
  assert.deepEqual((await dashboard(anna, '?due=abc&act=x&team=1&helper=%3Cb%3E')).names, [
    'amal',
    'kim',
    'noor',
  ]);
});
