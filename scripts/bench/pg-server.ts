/**
 * The throwaway PostgreSQL of `npm run bench -- --postgres` (issue 12, section 5): initdb in a
 * temp folder, started with pg_ctl on 127.0.0.1 and a free port, with the server's default
 * durability (fsync and synchronous_commit on, as a store server runs), as the `postgres` OS user
 * when running as root (initdb refuses root). Debian's `postgresql` package provides the binaries.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

/** The bin folder of the newest installed PostgreSQL, or null when none is installed. */
export function findPostgres(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  for (const v of versions)
    if (existsSync(join(root, v, 'bin', 'pg_ctl'))) return join(root, v, 'bin');
  return null;
}

/** A TCP port free on 127.0.0.1 at the moment of asking. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface BenchServer {
  /** postgres:// URL of the `kassa` database, user `kassa` (trust on loopback). */
  url: string;
  /** The postmaster's process id (data/postmaster.pid, first line), for its CPU time. */
  pid: number;
  /** Stops the server and deletes its files. */
  stop(): void;
}

/** Starts a server with `settings` (`-c name=value` each) and an empty `kassa` database. */
export async function startBenchServer(settings: string[] = []): Promise<BenchServer> {
  const bin = findPostgres();
  if (!bin) throw new Error('--postgres needs PostgreSQL (Debian: apt install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'kassa-bench-pg-'));
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
  run('initdb', ['-D', data, '-U', 'kassa', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const options = [`-h 127.0.0.1 -p ${port} -k ${dir}`, ...settings.map((s) => `-c ${s}`)];
  run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', options.join(' '), 'start']);
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'kassa', 'kassa']);
  return {
    url: `postgres://kassa@127.0.0.1:${port}/kassa`,
    pid: Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
