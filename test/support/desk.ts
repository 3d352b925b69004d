/**
 * The case desk for HTTP and browser tests: a fresh SQLite store in a temporary folder with the
 * accounts of two organisations, the app on an ephemeral loopback port with a fixed clock, and a
 * sign-in through the pages (the session cookie and the form's CSRF token).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRuleSet, readRuleBookFiles } from '#adapters/content/load-rulebook.ts';
import { hashPassword } from '#adapters/desk/password.ts';
import { type AppOptions, buildApp } from '#app/build-app.ts';
import { type Config, defaultConfig } from '#app/config.ts';
import { openDeskStore } from '#app/desk.ts';
import { date } from '#domain/dates/plain-date.ts';
import type { DeskStore } from '#domain/desk/store.ts';

export const DESK_TODAY = '2026-03-02';
export const PASSWORD = 'correct horse battery staple';

/** Team A is Utrecht, team B is Zwolle (same organisation); `dina` is of another organisation. */
export const ACCOUNTS = {
  anna: { email: 'anna@vwn.example', role: 'helper', team: 'Utrecht', org: 'vwn' },
  bram: { email: 'bram@vwn.example', role: 'helper', team: 'Zwolle', org: 'vwn' },
  cor: { email: 'cor@vwn.example', role: 'coordinator', team: 'Utrecht', org: 'vwn' },
  dina: { email: 'dina@gemeente.example', role: 'coordinator', team: 'Utrecht', org: 'gemeente' },
} as const;
export type Account = keyof typeof ACCOUNTS;

/** An Eritrean refugee with a permit of May 2023 and a PIP: a definite Wi2021 answer (the desk tests' person). */
export const REFUGEE_FACTS = {
  nationality: 'ER',
  familyOfEeaCitizen: false,
  birthDate: '1996-12-12',
  permitPurpose: 'asylum',
  permitDate: '2023-05-10',
  schoolYearsInNL: 0,
  diplomas: [],
  hasIntegrationDiploma: false,
  pipDate: '2023-07-14',
};

export interface DeskServer {
  base: string;
  store: DeskStore;
  config: Config;
  /** Another app on the same store (another rule set, or a store that is down). */
  another(options: AppOptions): Promise<{ base: string; close: () => Promise<void> }>;
  close(): Promise<void>;
}

async function listen(options: AppOptions) {
  const app = await buildApp(options);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`,
    close: () => app.close(),
  };
}

export async function startDesk(options: AppOptions = {}): Promise<DeskServer> {
  const dir = mkdtempSync(join(tmpdir(), 'wegwijs-desk-'));
  const config = { ...defaultConfig(), dataDir: dir };
  const today = () => date(DESK_TODAY);
  const store = await openDeskStore(config, today);
  const hash = await hashPassword(PASSWORD);
  for (const [name, a] of Object.entries(ACCOUNTS))
    await store.addUser({ email: a.email, name, role: a.role, org: a.org, team: a.team, passwordHash: hash });
  const base = { today, config, ...options };
  const main = await listen({ ...base, deskStore: store });
  const others: (() => Promise<void>)[] = [];
  return {
    base: main.base,
    store,
    config,
    async another(extra) {
      const other = await listen({ ...base, deskStore: store, ...extra });
      others.push(other.close);
      return other;
    },
    async close() {
      for (const c of others) await c();
      await main.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PageSession {
  cookie: string;
  csrf: string;
}

/**
 * Signs in through the login form (one of ACCOUNTS, or any account's e-mail with PASSWORD), then
 * reads the CSRF token from the dashboard's forms.
 */
export async function pageLogin(
  base: string,
  who: Account | `${string}@${string}`,
  lang = 'nl',
): Promise<PageSession> {
  const res = await fetch(`${base}/desk/${lang}/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      email: who.includes('@') ? who : ACCOUNTS[who as Account].email,
      password: PASSWORD,
    }).toString(),
    redirect: 'manual',
  });
  assert.equal(res.status, 303, `login ${who}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const html = await (await fetch(`${base}/desk/${lang}/`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(csrf, 'the dashboard has a CSRF token');
  return { cookie, csrf };
}

/** A GET or a form POST (with the session's CSRF token) through the pages; redirects are not followed. */
export function page(base: string, s: PageSession | null, path: string, form?: Record<string, string>) {
  return fetch(`${base}${path}`, {
    method: form ? 'POST' : 'GET',
    redirect: 'manual',
    headers: {
      ...(s ? { cookie: s.cookie } : {}),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    ...(form ? { body: new URLSearchParams({ ...(s ? { _csrf: s.csrf } : {}), ...form }).toString() } : {}),
  });
}

/** The facts of a Wi2021 asylum status holder (PIP date known) as the person form posts them. */
export const PERSON_FORM: Record<string, string> = {
  displayName: 'Amal',
  language: 'ar',
  'f.nationality': 'SY',
  'f.permitPurpose': 'asylum',
  'f.familyOfEeaCitizen': 'no',
  'f.birthDate': '1990-01-01',
  'f.permitDate': '2023-03-01',
  'f.hasIntegrationDiploma': 'no',
  'f.diplomas': '__none',
  'f.schoolYearsInNL': '0',
  'f.pipDate': '2023-05-10',
  consent: 'yes',
};

/** Adds a person through the form; returns their id (from the redirect to their page). */
export async function addPerson(base: string, s: PageSession, form: Record<string, string> = PERSON_FORM) {
  const res = await page(base, s, '/desk/nl/people', form);
  assert.equal(res.status, 303, 'the new person is stored');
  const id = /\/people\/([^/?#]+)$/.exec(res.headers.get('location') ?? '')?.[1];
  assert.ok(id, `redirected to the person: ${res.headers.get('location')}`);
  return id;
}

/**
 * A proposed rule set: the bundled one with seven school years in the Netherlands enough to be
 * free of the obligation (today: eight). Another rulesVersion, and another answer for FAMILY_FORM.
 */
export function proposedRules() {
  const files = readRuleBookFiles();
  const parameters = structuredClone(files.parameters) as Record<string, { values: unknown }>;
  parameters['schoolYears.minimum']!.values = { '2013-01-01': 7 };
  return buildRuleSet({ files: { ...files, parameters } });
}

/** A family migrant with seven school years here: obliged now, not obliged under proposedRules(). */
export const FAMILY_FORM: Record<string, string> = {
  displayName: 'Noor',
  language: 'fa',
  'f.nationality': 'SY',
  'f.permitPurpose': 'family',
  'f.familyOfEeaCitizen': 'no',
  'f.birthDate': '1990-05-01',
  'f.permitDate': '2023-02-01',
  'f.hasIntegrationDiploma': 'no',
  'f.diplomas': '__none',
  'f.schoolYearsInNL': '7',
  consent: 'yes',
};
