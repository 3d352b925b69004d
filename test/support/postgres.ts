/**
 * A real PostgreSQL for the storage tests. `WEGWIJS_TEST_DATABASE_URL` names one (CI starts the
 * machine's PostgreSQL 15 and sets it); otherwise a throwaway cluster is made with initdb in a
 * temporary folder, listening only on a Unix socket, and removed afterwards. PostgreSQL refuses to
 * run as root, so as root the cluster runs as the `postgres` user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'].find(
  (d) => existsSync(join(d, 'initdb')),
);

export interface TestPostgres {
  url: string;
  /** A fresh, empty database on the same server (each suite gets its own). */
  freshDatabase(): string;
  stop(): void;
}

let counter = 0;

export function startPostgres(): TestPostgres {
  const given = process.env.WEGWIJS_TEST_DATABASE_URL;
  if (given)
    return {
      url: given,
      freshDatabase: () => createDb(given, (n) => withDatabase(given, n)),
      stop: () => {},
    };
  if (!BIN)
    throw new Error(
      'PostgreSQL is not installed (apt-get install postgresql-15), and WEGWIJS_TEST_DATABASE_URL is not set',
    );
  const dir = mkdtempSync(join(tmpdir(), 'wegwijs-pg-'));
  const asRoot = process.getuid?.() === 0;
  const pgUser = asRoot ? 'postgres' : (process.env.USER ?? 'postgres');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const run = (cmd: string, args: string[]) => {
    const full = asRoot
      ? ['runuser', ['-u', 'postgres', '--', join(BIN, cmd), ...args]]
      : [join(BIN, cmd), args];
    const r = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', pgUser, '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  run('pg_ctl', [
    '-D',
    data,
    '-w',
    '-l',
    join(dir, 'log'),
    '-o',
    `-c listen_addresses='' -c unix_socket_directories=${dir} -c fsync=on -c max_connections=200`,
    'start',
  ]);
  const url = `postgres://${pgUser}@/postgres?host=${encodeURIComponent(dir)}`;
  return {
    url,
    freshDatabase: () => createDb(url, (n) => `postgres://${pgUser}@/${n}?host=${encodeURIComponent(dir)}`),
    stop: () => {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function createDb(adminUrl: string, urlOf: (name: string) => string): string {
  const name = `wegwijs_test_${process.pid}_${++counter}`;
  const r = spawnSync('psql', [adminUrl, '-v', 'ON_ERROR_STOP=1', '-qc', `create database ${name}`], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`create database failed: ${r.stderr}`);
  return urlOf(name);
}

/** The same server URL with another database name (postgres://user:pw@host:port/NAME?params). */
function withDatabase(url: string, name: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^/]*\/)[^?]*/, `$1${name}`);
}
