// `kill -9` of the server during a burst of 1,000 concurrent writes loses no acknowledged write, on
// SQLite and on PostgreSQL (issue 9). The real server runs as a child process (tsx, port 0); one
// session signs in; 1,000 writes (new people and changed facts) go out at once; the server is
// killed with SIGKILL when a third of them have been answered; it is started again on the same
// database, and every write that got a 2xx answer must be there, whole (a change is its new
// version, its new facts and its history line, or none of them).
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Sqlite from 'better-sqlite3';
import { hashPassword } from '#adapters/desk/password.ts';
import { amsterdamToday } from '#app/clock.ts';
import { defaultConfig } from '#app/config.ts';
import { openDeskStore } from '#app/desk.ts';
import { scopeOf } from '#domain/desk/policy.ts';
import { REFUGEE_FACTS } from './support/desk.ts';
import { startPostgres, type TestPostgres } from './support/postgres.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WRITES = 1000;
/** People made before the burst; each is changed once in it (the rest of the burst adds people). */
const CHANGES = 150;
/** The server is killed when this many writes of the burst have been answered. */
const KILL_AFTER = Math.round(WRITES / 3);
/** Open connections at once (the 1,000 requests are all issued together and queue on these). */
const SOCKETS = 64;
const PASSWORD = 'crash test horse battery';
const EMAIL = 'crash@desk.example';

const facts = REFUGEE_FACTS;

interface Server {
  base: string;
  child: ChildProcess;
  exited: Promise<void>;
}

/** The server as `npm run dev` runs it (tsx), on port 0; resolves when it listens. */
function startServer(env: Record<string, string>): Promise<Server> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    ...env,
  };
  delete childEnv.DATA_DIR;
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/app/server.ts')], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let found = false;
    const timer = setTimeout(() => reject(new Error(`no start within 90 s: ${stderr}`)), 90_000);
    // Keep reading (the request log) so the child never blocks on a full pipe.
    child.stdout?.on('data', (d) => {
      if (found) return;
      out = (out + d).slice(-4000);
      const m = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        found = true;
        clearTimeout(timer);
        resolve({ base: m[1], child, exited });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!found) reject(new Error(`the server exited (${code}) before listening: ${stderr}`));
    });
  });
}

interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

/** One HTTP request; resolves only when the whole answer arrived (that is the acknowledgement). */
function send(
  agent: Agent,
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      {
        method,
        agent,
        headers: { ...headers, ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('aborted', () => reject(new Error('aborted')));
        res.on('end', () => {
          if (!res.complete) return reject(new Error('incomplete answer'));
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            // Not JSON: kept as text.
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, headers: res.headers });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function pool<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}

interface Engine {
  name: string;
  env: () => Record<string, string>;
  databaseUrl: () => string | undefined;
}

let pg: TestPostgres;
let dataDir: string;
before(() => {
  pg = startPostgres();
  // One data directory for both runs: the search index cache made by the first start is reused.
  dataDir = mkdtempSync(join(tmpdir(), 'wegwijs-crash-'));
});
after(() => {
  pg?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

let pgUrl = '';
const engines: Engine[] = [
  { name: 'SQLite', env: () => ({ WEGWIJS_DATA_DIR: dataDir }), databaseUrl: () => undefined },
  {
    name: 'PostgreSQL',
    env: () => ({ WEGWIJS_DATA_DIR: dataDir, DATABASE_URL: pgUrl }),
    databaseUrl: () => pgUrl,
  },
];

for (const engine of engines) {
  describe(`kill -9 during 1,000 concurrent writes on ${engine.name}`, () => {
    const servers: Server[] = [];
    after(async () => {
      for (const s of servers) {
        s.child.kill('SIGKILL');
        await s.exited;
      }
    });

    test('every acknowledged write is there after a restart, and whole', { timeout: 180_000 }, async (t) => {
      if (engine.name === 'PostgreSQL') pgUrl = pg.freshDatabase();
      const config = { ...defaultConfig(), dataDir, databaseUrl: engine.databaseUrl() };
      const setup = await openDeskStore(config, amsterdamToday);
      const user = await setup.addUser({
        email: EMAIL,
        name: 'Crash',
        role: 'helper',
        org: 'crash',
        team: 'Team',
        passwordHash: await hashPassword(PASSWORD),
      });
      await setup.close();

      const agent = new Agent({ keepAlive: true, maxSockets: SOCKETS });
      let server = await startServer(engine.env());
      servers.push(server);

      // One session for everything (the sign-in rate limit and lock-out never come into it).
      const login = await send(
        agent,
        server.base,
        'POST',
        '/desk/api/v1/session',
        {},
        { email: EMAIL, password: PASSWORD },
      );
      assert.equal(login.status, 200);
      const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
      const headers = { cookie, 'x-csrf-token': (login.body as { csrfToken: string }).csrfToken };

      // The people that the burst changes, made (and acknowledged) before it.
      const existing: string[] = [];
      await pool(
        Array.from({ length: CHANGES }, (_, i) => i),
        16,
        async (i) => {
          const r = await send(agent, server.base, 'POST', '/desk/api/v1/people', headers, {
            displayName: `before-${i}`,
            language: 'ti',
            facts,
            consent: true,
          });
          assert.equal(r.status, 201);
          existing.push((r.body as { id: string }).id);
        },
      );

      // The burst: every request issued at once; the server dies when a third are answered.
      const created = new Map<string, string>(); // id → displayName, acknowledged
      const changed = new Map<string, string>(); // id → new displayName, acknowledged
      let answered = 0;
      let failed = 0;
      let busy = 0; // 5xx (e.g. no database connection free in time): answered, not acknowledged
      let killedAt = 0;
      const kill = () => {
        if (killedAt) return;
        killedAt = answered;
        server.child.kill('SIGKILL');
      };
      const started = performance.now();
      await Promise.all(
        Array.from({ length: WRITES }, async (_, i) => {
          try {
            if (i < CHANGES) {
              const id = existing[i] as string;
              const name = `changed-${i}`;
              const r = await send(
                agent,
                server.base,
                'PATCH',
                `/desk/api/v1/people/${id}`,
                { ...headers, 'if-match': '1' },
                { displayName: name, facts: { ...facts, nationality: 'SO' } },
              );
              if (r.status === 200) changed.set(id, name);
              else if (r.status >= 500) busy++;
              else assert.fail(`a change answered ${r.status}: ${JSON.stringify(r.body)}`);
            } else {
              const name = `burst-${i}`;
              const r = await send(agent, server.base, 'POST', '/desk/api/v1/people', headers, {
                displayName: name,
                language: 'ar',
                facts,
                consent: true,
              });
              if (r.status === 201) created.set((r.body as { id: string }).id, name);
              else if (r.status >= 500) busy++;
              else assert.fail(`a new person answered ${r.status}: ${JSON.stringify(r.body)}`);
            }
            answered++;
            if (answered >= KILL_AFTER) kill();
          } catch (error) {
            if ((error as { code?: string }).code === 'ERR_ASSERTION') throw error;
            failed++; // connection reset or refused: the server is gone, nothing was acknowledged
          }
        }),
      );
      await server.exited;
      const burstMs = Math.round(performance.now() - started);
      agent.destroy();
      const acknowledged = created.size + changed.size;
      assert.ok(killedAt > 0, 'the server was killed during the burst');
      assert.ok(failed > 0, 'writes were still in flight or queued when the server was killed');
      assert.equal(acknowledged + busy + failed, WRITES);
      assert.ok(acknowledged >= KILL_AFTER / 2, 'most answers before the kill were acknowledgements');

      if (engine.name === 'SQLite') {
        // Killed between checkpoints: the acknowledged writes are (partly) only in the WAL file.
        assert.ok(existsSync(join(dataDir, 'desk.sqlite-wal')), 'the write-ahead log is there');
      }

      // The same database, a new process: the session made before the kill still works.
      const agent2 = new Agent({ keepAlive: true, maxSockets: 16 });
      server = await startServer(engine.env());
      servers.push(server);
      const list = await send(agent2, server.base, 'GET', '/desk/api/v1/people', headers);
      assert.equal(list.status, 200, 'the session lives in the database and survives the crash');
      const found = new Map(
        (list.body as { people: { id: string; displayName: string; version: number }[] }).people.map((p) => [
          p.id,
          p,
        ]),
      );
      const lostCreates = [...created].filter(([id, name]) => found.get(id)?.displayName !== name);
      const lostChanges = [...changed].filter(
        ([id, name]) => found.get(id)?.displayName !== name || found.get(id)?.version !== 2,
      );
      assert.deepEqual(lostCreates, [], 'no acknowledged new person is lost');
      assert.deepEqual(lostChanges, [], 'no acknowledged change is lost');
      for (const id of existing) assert.ok(found.has(id), 'the people made before the burst are all there');
      // The acknowledged changes' facts, read through the API of the new process.
      await pool([...changed.keys()], 8, async (id) => {
        const r = await send(agent2, server.base, 'GET', `/desk/api/v1/people/${id}`, headers);
        assert.equal(r.status, 200);
        assert.equal((r.body as { facts: { nationality: string } }).facts.nationality, 'SO');
      });
      const unacknowledgedButStored = found.size - CHANGES - created.size;
      server.child.kill('SIGTERM');
      await server.exited;
      agent2.destroy();

      // Whole or not at all: a change is its version, its facts and its history line together.
      const store = await openDeskStore(config, amsterdamToday);
      try {
        const scope = scopeOf(user);
        const people = new Map((await store.listPeople(scope)).map((p) => [p.id, p]));
        for (const id of existing) {
          const p = people.get(id);
          assert.ok(p);
          const history = await store.history(scope, id);
          if (p.version === 1) {
            assert.equal(p.displayName.startsWith('before-'), true);
            assert.equal(p.facts.nationality, 'ER');
            assert.equal(history.length, 0, `${id}: an unchanged person has no history line`);
          } else {
            assert.equal(p.version, 2);
            assert.equal(p.displayName.startsWith('changed-'), true);
            assert.equal(p.facts.nationality, 'SO');
            assert.equal(history.length, 1, `${id}: a change has exactly one history line`);
          }
        }
      } finally {
        await store.close();
      }

      if (engine.name === 'SQLite') {
        const db = new Sqlite(join(dataDir, 'desk.sqlite'));
        try {
          assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', 'the file opens cleanly');
          assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
        } finally {
          db.close();
        }
      }

      t.diagnostic(
        `${engine.name}: ${WRITES} writes (${CHANGES} changes, ${WRITES - CHANGES} new people) with ${SOCKETS} connections; ` +
          `killed after ${killedAt} answers, ${Math.round(burstMs)} ms into the burst; ` +
          `${acknowledged} acknowledged (${created.size} new, ${changed.size} changes), ${failed} cut off, ${busy} answered 5xx; ` +
          `after restart ${acknowledged - lostCreates.length - lostChanges.length} of ${acknowledged} acknowledged found; ` +
          `${unacknowledgedButStored} unacknowledged new people were stored anyway`,
      );
    });
  });
}
