// When a volunteer leaves (docs/desk.md): `wegwijs desk list-users / disable-user / enable-user /
// set-password` on the same database the server uses. A disabled account's session stops at once
// (401), its sign-in gets the same 401 as a wrong password, its calendar feed is gone (404);
// enabling restores sign-in; a new password ends the sessions. Every change is in the audit log.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Command } from 'commander';
import { hashPassword } from '#adapters/desk/password.ts';
import { openDeskStore } from '#app/desk.ts';
import { registerDeskCommands } from '#app/desk-cli.ts';
import { date } from '#domain/dates/plain-date.ts';
import {
  ACCOUNTS,
  DESK_TODAY,
  type DeskServer,
  PASSWORD,
  page,
  pageLogin,
  startDesk,
} from './support/desk.ts';

let desk: DeskServer;
before(async () => {
  desk = await startDesk();
});
after(() => desk?.close());

const NEW_PASSWORD = 'a brand new passphrase';

/** Runs `wegwijs desk ARGS` in this process on the test server's database. */
async function cli(args: string[], input = '') {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { dir: process.env.WEGWIJS_DATA_DIR, url: process.env.DATABASE_URL, code: process.exitCode };
  try {
    process.env.WEGWIJS_DATA_DIR = desk.config.dataDir;
    delete process.env.DATABASE_URL;
    process.exitCode = 0;
    const program = new Command().exitOverride();
    registerDeskCommands(program, {
      out: (s) => out.push(s),
      err: (s) => err.push(s),
      input: async () => input,
    });
    await program.parseAsync(['desk', ...args], { from: 'user' });
    return { out: out.join('\n'), err: err.join('\n'), code: process.exitCode ?? 0 };
  } finally {
    process.env.WEGWIJS_DATA_DIR = saved.dir;
    if (saved.dir === undefined) delete process.env.WEGWIJS_DATA_DIR;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
    process.exitCode = saved.code;
  }
}

async function apiLogin(email: string, password = PASSWORD) {
  const res = await fetch(`${desk.base}/desk/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return {
    status: res.status,
    body: await res.text(),
    cookie: (res.headers.get('set-cookie') ?? '').split(';')[0],
  };
}

const me = (cookie: string, base = desk.base) =>
  fetch(`${base}/desk/api/v1/people`, { headers: { cookie } }).then((r) => r.status);

test('list-users: every account with role, team, disabled and last sign-in; never a password hash', async () => {
  await apiLogin(ACCOUNTS.bram.email);
  const all = await cli(['list-users']);
  assert.equal(all.code, 0);
  const lines = all.out.split('\n');
  assert.equal(lines[0], 'email\tname\trole\tteam\torganisation\tdisabled\tlast sign-in');
  assert.equal(lines.length, 1 + Object.keys(ACCOUNTS).length);
  const bram = lines.find((l) => l.startsWith(ACCOUNTS.bram.email))?.split('\t');
  assert.deepEqual(bram?.slice(0, 6), [ACCOUNTS.bram.email, 'bram', 'helper', 'Zwolle', 'vwn', 'no']);
  assert.match(bram?.[6] ?? '', /^\d{4}-\d\d-\d\dT/, 'the sign-in just now');
  assert.doesNotMatch(all.out, /scrypt|argon|\$/i, 'no password hashes');
  const vwn = await cli(['list-users', '--org', 'gemeente', '--json']);
  assert.deepEqual(
    vwn.out.split('\n').map((l) => JSON.parse(l).email),
    [ACCOUNTS.dina.email],
  );
});

test('an unknown e-mail address: a clear error and exit code 2, nothing written', async () => {
  for (const args of [
    ['disable-user', '--email', 'nobody@vwn.example'],
    ['enable-user', '--email', 'nobody@vwn.example'],
    ['set-password', '--email', 'nobody@vwn.example'],
  ]) {
    const r = await cli(args, NEW_PASSWORD);
    assert.equal(r.code, 2, args[0]);
    assert.match(r.err, /no account with e-mail address nobody@vwn\.example/);
  }
  const short = await cli(['set-password', '--email', ACCOUNTS.bram.email], 'short');
  assert.equal(short.code, 2);
  assert.match(short.err, /at least 12 characters/);
});

test('disable-user: the session stops at once (also on another instance), sign-in is a wrong password, the feed is gone; enable-user restores sign-in', async () => {
  const anna = await pageLogin(desk.base, 'anna');
  const api = await apiLogin(ACCOUNTS.anna.email);
  assert.equal(api.status, 200);
  const feed = await fetch(`${desk.base}/desk/api/v1/calendar-token`, {
    method: 'POST',
    headers: { cookie: api.cookie ?? '', 'x-csrf-token': JSON.parse(api.body).csrfToken },
  });
  const { url } = (await feed.json()) as { url: string };
  assert.equal((await fetch(`${desk.base}${url}`)).status, 200);
  // Another instance with its own connection to the same database.
  const other = await desk.another({ deskStore: await openDeskStore(desk.config, () => date(DESK_TODAY)) });
  assert.equal(await me(api.cookie ?? '', other.base), 200);
  const wrong = await apiLogin(ACCOUNTS.anna.email, 'not the password at all');
  assert.equal(wrong.status, 401);

  const r = await cli(['disable-user', '--email', ACCOUNTS.anna.email]);
  assert.equal(r.code, 0);
  assert.match(r.out, /disabled anna@vwn\.example/);

  assert.equal(await me(api.cookie ?? ''), 401, 'the API session ended');
  assert.equal(await me(api.cookie ?? '', other.base), 401, 'on the other instance too');
  assert.notEqual((await page(desk.base, anna, '/desk/nl/')).status, 200, 'the page session ended');
  const refused = await apiLogin(ACCOUNTS.anna.email);
  assert.equal(refused.status, 401);
  assert.equal(refused.body, wrong.body, 'the same answer as a wrong password');
  assert.equal((await fetch(`${desk.base}${url}`)).status, 404, 'the calendar feed is gone');
  const pageRefused = await fetch(`${desk.base}/desk/en/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: ACCOUNTS.anna.email, password: PASSWORD }).toString(),
    redirect: 'manual',
  });
  assert.equal(pageRefused.status, 401, 'the login form refuses too');
  assert.match(
    (await cli(['list-users', '--org', 'vwn'])).out,
    /anna@vwn\.example\tanna\thelper\tUtrecht\tvwn\t\d{4}-/,
  );
  assert.match((await cli(['disable-user', '--email', ACCOUNTS.anna.email])).out, /disabled already/);

  const on = await cli(['enable-user', '--email', ACCOUNTS.anna.email]);
  assert.equal(on.code, 0);
  assert.match(on.out, /enabled anna@vwn\.example/);
  const back = await apiLogin(ACCOUNTS.anna.email);
  assert.equal(back.status, 200, 'sign-in works again');
  assert.equal(await me(back.cookie ?? ''), 200);
  assert.equal((await fetch(`${desk.base}${url}`)).status, 404, 'the old calendar link stays revoked');
  await other.close();

  const log = await desk.store.auditLog('vwn', 50);
  const annaId = (await desk.store.loginOf(ACCOUNTS.anna.email))?.user.id;
  assert.ok(log.some((e) => e.action === 'account-disable' && e.accountId === annaId && e.userId === null));
  assert.ok(log.some((e) => e.action === 'account-enable' && e.accountId === annaId));
});

test('set-password: the new password works, the old one and the existing sessions do not', async () => {
  const before = await apiLogin(ACCOUNTS.cor.email);
  assert.equal(before.status, 200);
  const r = await cli(['set-password', '--email', ACCOUNTS.cor.email], NEW_PASSWORD);
  assert.equal(r.code, 0);
  assert.match(r.out, /new password for cor@vwn\.example/);
  assert.equal(await me(before.cookie ?? ''), 401, 'the old session ended');
  assert.equal((await apiLogin(ACCOUNTS.cor.email)).status, 401, 'the old password is refused');
  assert.equal((await apiLogin(ACCOUNTS.cor.email, NEW_PASSWORD)).status, 200);
  const log = await desk.store.auditLog('vwn', 50);
  assert.ok(log.some((e) => e.action === 'account-password'));
  assert.ok(!JSON.stringify(log).includes(NEW_PASSWORD));
});

test('the accounts page: an admin lists and disables or enables their organisation’s accounts; other roles get 403', async () => {
  const admin = await desk.store.addUser({
    email: 'ada@vwn.example',
    name: 'Ada',
    role: 'admin',
    org: 'vwn',
    team: 'Utrecht',
    passwordHash: await hashPassword(PASSWORD),
  });
  const ada = await pageLogin(desk.base, 'ada@vwn.example', 'en');
  const bramId = (await desk.store.loginOf(ACCOUNTS.bram.email))?.user.id ?? '';
  const dinaId = (await desk.store.loginOf(ACCOUNTS.dina.email))?.user.id ?? '';

  assert.equal((await page(desk.base, null, '/desk/en/accounts')).status, 303, 'not signed in: to the login');
  const helper = await pageLogin(desk.base, 'bram', 'en');
  const refused = await page(desk.base, helper, '/desk/en/accounts');
  assert.equal(refused.status, 403);
  assert.doesNotMatch(await refused.text(), /anna@vwn/);
  assert.doesNotMatch(
    await (await page(desk.base, helper, '/desk/en/')).text(),
    /href="\/desk\/en\/accounts"/,
    'no link for a helper',
  );
  assert.equal(
    (await page(desk.base, helper, '/desk/en/accounts', { account: dinaId, do: 'disable' })).status,
    403,
  );

  const nl = await (await page(desk.base, ada, '/desk/nl/accounts')).text();
  assert.match(nl, /<h1>Accounts<\/h1>/);
  assert.match(nl, /Zet het account van bram uit/);
  const html = await (await page(desk.base, ada, '/desk/en/accounts')).text();
  assert.match(html, /href="\/desk\/en\/accounts"/, 'the admin has the link');
  for (const a of ['anna', 'bram', 'cor']) assert.match(html, new RegExp(`${a}@vwn\\.example`));
  assert.doesNotMatch(html, /dina@gemeente/, 'never another organisation');
  assert.doesNotMatch(html, /Disable the account of Ada/, 'no button to lock oneself out');
  assert.match(html, /Disable the account of bram/);

  assert.equal(
    (
      await page(desk.base, { ...ada, csrf: 'wrong' }, '/desk/en/accounts', {
        account: bramId,
        do: 'disable',
      })
    ).status,
    403,
    'CSRF',
  );
  assert.equal(
    (await page(desk.base, ada, '/desk/en/accounts', { account: dinaId, do: 'disable' })).status,
    404,
    'another organisation’s account does not exist here',
  );
  assert.equal(
    (await page(desk.base, ada, '/desk/en/accounts', { account: admin.id, do: 'disable' })).status,
    403,
  );
  assert.equal((await apiLogin(ACCOUNTS.dina.email)).status, 200, 'Dina untouched');

  const done = await page(desk.base, ada, '/desk/en/accounts', { account: bramId, do: 'disable' });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get('location'), `/desk/en/accounts#account-${bramId}`);
  assert.notEqual((await page(desk.base, helper, '/desk/en/')).status, 200, 'Bram is signed out');
  assert.equal((await apiLogin(ACCOUNTS.bram.email)).status, 401);
  assert.match(
    await (await page(desk.base, ada, '/desk/en/accounts')).text(),
    /Disabled since <time[^>]*>[^<]+<\/time>[\s\S]*Enable the account of bram again/,
  );
  const log = await desk.store.auditLog('vwn', 20);
  assert.ok(
    log.some((e) => e.action === 'account-disable' && e.userId === admin.id && e.accountId === bramId),
  );

  assert.equal(
    (await page(desk.base, ada, '/desk/en/accounts', { account: bramId, do: 'enable' })).status,
    303,
  );
  assert.equal((await apiLogin(ACCOUNTS.bram.email)).status, 200, 'enabling restores sign-in');
  assert.ok(
    (await desk.store.auditLog('vwn', 20)).some(
      (e) => e.action === 'account-enable' && e.userId === admin.id && e.accountId === bramId,
    ),
  );
});
