/**
 * A throwaway PostgreSQL server for portability tests: initdb in a temp folder, started with
 * pg_ctl on 127.0.0.1 and a free port, as the `postgres` OS user when running as root (initdb
 * refuses root). `findPostgres()` returns null where PostgreSQL is not installed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { findPostgres, freePort } from '../../scripts/bench/pg-server';
import { makeTestCertificates } from './test-certificates';
import { sleep } from './waits';

export { findPostgres };

export interface PgServer {
  url: string;
  port: number;
  /** With `tls`: the PEM of the CA that signed the server's certificate. */
  ca?: string;
  /** Stops the server and deletes its files. */
  stop(): void;
  /** Stops it as a crash would (`pg_ctl stop -m immediate`), keeping its files. */
  halt(): void;
  /** Starts it again on the same port, after `halt`. */
  resume(): void;
  /**
   * Freezes it as a hung host would: SIGSTOP to the postmaster and every process it started.
   * Its connections stay open, and nothing on them answers.
   */
  freeze(): void;
  /** Lets it run on after `freeze` (SIGCONT). */
  thaw(): void;
}

export interface PgOptions {
  /** `wal_level = logical`, so the server can publish for logical replication. */
  logical?: boolean;
  /** Serve TLS too (ssl = on) with a certificate for 127.0.0.1 signed by `PgServer.ca`. */
  tls?: boolean;
  /** pg_hba.conf lines put before initdb's `trust` ones (first match wins). */
  hba?: string[];
}

export async function startPostgres(bin: string, opts: PgOptions = {}): Promise<PgServer> {
  const folder = serverFolder(bin);
  const { dir, data, run } = folder;
  // C.UTF-8: text sorts by code point, as on SQLite and as docs/deployment.md makes a store's.
  run('initdb', [
    '-D',
    data,
    '-U',
    'kassa',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--no-sync',
  ]);
  const extra: string[] = [];
  if (opts.logical) extra.push('-c wal_level=logical');
  if (opts.hba) {
    const hba = join(data, 'pg_hba.conf');
    run(
      'sh',
      ['-c', `cat - ${hba} > ${hba}.new && mv ${hba}.new ${hba}`],
      opts.hba.join('\n') + '\n',
    );
  }
  let ca: string | undefined;
  if (opts.tls) {
    const certs = makeTestCertificates(dir);
    ca = certs.ca;
    if (folder.asRoot) execFileSync('chown', ['postgres', certs.certFile, certs.keyFile]);
    chmodSync(certs.keyFile, 0o600);
    extra.push(`-c ssl=on -c ssl_cert_file=${certs.certFile} -c ssl_key_file=${certs.keyFile}`);
  }
  return { ...(await serve(folder, extra)), ...(ca !== undefined ? { ca } : {}) };
}

/** A hot standby: a server that streams `primary`'s changes and can be promoted to take over. */
export interface PgStandby extends PgServer {
  /** Ends recovery (`pg_ctl promote`): from then on it takes writes, as the new primary. */
  promote(): void;
}

/**
 * A streaming replica of `primary` (docs/deployment.md, "A streaming replica for failover"): its
 * copy by `pg_basebackup -R -X stream` over the replication connection that initdb's `trust`
 * lines allow on 127.0.0.1, started as a hot standby on a port of its own.
 */
export async function startStandby(bin: string, primary: PgServer): Promise<PgStandby> {
  const folder = serverFolder(bin);
  const { data, run } = folder;
  run('pg_basebackup', [
    ...['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'kassa'],
    ...['-D', data, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'],
  ]);
  const standby = await serve(folder, []);
  return { ...standby, promote: () => run('pg_ctl', ['-D', data, '-w', 'promote']) };
}

/**
 * Makes `primary` commit synchronously, as docs/deployment.md sets it up (a COMMIT returns once a
 * standby has it: `synchronous_standby_names = '*'`), and waits until its standby is `sync`.
 */
export async function makeSynchronous(primary: PgServer): Promise<void> {
  await sqlOn(primary.url, "ALTER SYSTEM SET synchronous_standby_names = '*'");
  await sqlOn(primary.url, 'SELECT pg_reload_conf()');
  for (let state = '', end = Date.now() + 10_000; state !== 'sync'; await sleep(100)) {
    if (Date.now() > end) throw new Error(`the standby is ${state}, not sync, after 10 s`);
    state = String(
      (await sqlOn(primary.url, 'SELECT sync_state FROM pg_stat_replication'))[0]?.sync_state,
    );
  }
}

/** A server's temp folder, and how to run PostgreSQL's programs on it. */
interface ServerFolder {
  bin: string;
  dir: string;
  /** Its data directory (dir/data), not made yet. */
  data: string;
  asRoot: boolean;
  /** Runs `cmd` from PostgreSQL's bin, or `sh` with stdin `input`, as the postgres user. */
  run: (cmd: string, args: string[], input?: string) => Buffer;
}

function serverFolder(bin: string): ServerFolder {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-pg-'));
  chmodSync(dir, 0o777);
  const asRoot = userInfo().uid === 0;
  const run = (cmd: string, args: string[], input?: string) => {
    const file = cmd === 'sh' ? cmd : join(bin, cmd);
    const options = { stdio: 'pipe' as const, ...(input !== undefined ? { input } : {}) };
    return asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], options)
      : execFileSync(file, args, options);
  };
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
      Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
    );
  return { bin, dir, data: join(dir, 'data'), asRoot, run };
}

/** Starts the server of `folder` on a free port, with the `-c` settings of `extra`. */
async function serve(folder: ServerFolder, extra: string[]): Promise<PgServer> {
  const { bin, dir, data, asRoot, run } = folder;
  const port = await freePort();
  const start = () =>
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'log'),
      '-w',
      '-o',
      [`-h 127.0.0.1 -p ${port} -k ${dir} -F`, ...extra].join(' '),
      'start',
    ]);
  const halt = () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  stopWhenGone(asRoot, join(bin, 'pg_ctl'), data, dir);
  return {
    url: `postgres://kassa@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      try {
        halt();
      } catch {
        // not running (halted): nothing to stop
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    halt: () => void halt(),
    resume: () => void start(),
    freeze: () => signalServer(data, 'SIGSTOP'),
    thaw: () => signalServer(data, 'SIGCONT'),
  };
}

/**
 * Sends `signal` to the postmaster of `data` (its postmaster.pid), then to its children. The
 * postmaster goes first: once stopped it starts no child that the list would miss. A child that
 * exits meanwhile (a till closed its connection) needs no signal.
 */
function signalServer(data: string, signal: NodeJS.Signals): void {
  const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  process.kill(postmaster, signal);
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        // /proc/<pid>/stat: "pid (name) state ppid …"; the name may hold spaces, not ")".
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false; // gone meanwhile
      }
    })
    .map(Number);
  for (const pid of children)
    try {
      process.kill(pid, signal);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e; // ESRCH: gone meanwhile
    }
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

/**
 * A test process ended before its clean-up (a worker the runner kills at the end, a time-out)
 * left its servers running, one per worker and run. A detached watchdog stops the server and
 * deletes its files once the process that started it is gone.
 */
function stopWhenGone(asRoot: boolean, pgCtl: string, data: string, dir: string): void {
  const stop = `${asRoot ? 'runuser -u postgres -- ' : ''}'${pgCtl}' -D '${data}' -m immediate stop`;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 2; done; ${stop} >/dev/null 2>&1; rm -rf '${dir}'`;
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref();
}
