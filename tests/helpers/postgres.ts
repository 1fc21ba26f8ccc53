/**
 * A throwaway PostgreSQL server for portability tests: initdb in a temp folder, started with
 * pg_ctl on 127.0.0.1 and a free port, as the `postgres` OS user when running as root (initdb
 * refuses root). `findPostgres()` returns null where PostgreSQL is not installed.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

export function findPostgres(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions)
    if (existsSync(join(root, v, 'bin', 'pg_ctl'))) return join(root, v, 'bin');
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface PgServer {
  url: string;
  /** Stops the server and deletes its files. */
  stop(): void;
  /** Stops it as a crash would (`pg_ctl stop -m immediate`), keeping its files. */
  halt(): void;
  /** Starts it again on the same port, after `halt`. */
  resume(): void;
}

export interface PgOptions {
  /** `wal_level = logical`, so the server can publish for logical replication. */
  logical?: boolean;
}

export async function startPostgres(bin: string, opts: PgOptions = {}): Promise<PgServer> {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], {
          stdio: 'pipe',
        })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
      Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
    );
  run('initdb', ['-D', data, '-U', 'kassa', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      `-h 127.0.0.1 -p ${port} -k ${dir} -F${opts.logical ? ' -c wal_level=logical' : ''}`,
      'start',
    ]);
  const halt = () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  return {
    url: `postgres://kassa@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        halt();
      } catch {
        // not running (halted): nothing to stop
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    halt,
    resume: start,
  };
}

/** Runs `sql` on `url` in a connection of its own (set-up and tampering from outside a core). */
export async function sqlOn(url: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const ds = new DataSource({ type: 'postgres', url, logging: false });
  await ds.initialize();
  try {
    return await ds.query(sql);
  } finally {
    await ds.destroy();
  }
}

/** Creates the empty database `name` on `server` and answers its postgres:// URL. */
export async function createDatabase(server: PgServer, name: string): Promise<string> {
  await sqlOn(server.url, `CREATE DATABASE ${name}`);
  return server.url.replace(/\/postgres$/, `/${name}`);
}
