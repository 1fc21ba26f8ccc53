/**
 * Imports the Online Retail sample into a Kassa database and prints the per-day totals:
 *
 *   npm run import:sample -- <db> [csv]
 *
 * `<db>` is a SQLite file (created and migrated if missing); `[csv]` defaults to
 * data/online-retail-2010-12.csv in the repository. Relative paths are taken from
 * the directory npm was started in (the repo root for `npm run`).
 *
 * On a new database it creates the first admin `importer` with a random strong password, printed
 * once, and sets the store to GBP and Europe/London. On an existing one it signs in with
 * KASSA_USER / KASSA_PASSWORD (an admin). It sets the currency to GBP if no sale exists yet,
 * then calls `import:onlineRetail` through the core's router like the app does. Exits 1 on error.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Caller, type Core, type SecretStore } from '../electron/core';
import type { ChannelName, ChannelOutput } from '../shared/contract';
import { APP_ORIGIN } from '../shared/csp';
import { formatMoney } from '../shared/money';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_CSV = resolve(repoRoot, 'data/online-retail-2010-12.csv');
const caller: Caller = { origin: APP_ORIGIN, isTopFrame: true, windowId: 1 };

/** Secrets held in memory for this run only (the data key of the encrypted columns, if any). */
function memorySecrets(): SecretStore {
  const m = new Map<string, string>();
  return {
    get: async (k) => m.get(k) ?? null,
    set: async (k, v) => void m.set(k, v),
    delete: async (k) => m.delete(k),
  };
}

async function must<C extends ChannelName>(
  core: Core,
  channel: C,
  input: unknown,
): Promise<ChannelOutput<C>> {
  const r = await core.invoke(channel, input, caller);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.data as ChannelOutput<C>;
}

async function main(): Promise<void> {
  const [dbArg, csvArg] = process.argv.slice(2).filter((a) => a !== '--');
  if (!dbArg) {
    console.error('usage: npm run import:sample -- <db> [csv]');
    process.exit(2);
  }
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const dbPath = resolve(cwd, dbArg);
  const csvPath = csvArg ? resolve(cwd, csvArg) : DEFAULT_CSV;
  if (!existsSync(csvPath)) throw new Error(`no such file: ${csvPath}`);
  const csvBase64 = readFileSync(csvPath).toString('base64');

  const core = await createCore({
    databasePath: dbPath,
    secretStore: memorySecrets(),
    appOrigin: APP_ORIGIN,
    terminalName: 'import-sample',
    logger: { info: () => {}, warn: (m) => console.warn(m), error: (m) => console.error(m) },
  });
  try {
    if (core.safeMode) throw new Error(`${dbPath} failed its integrity check (safe mode)`);
    const status = await must(core, 'app:status', {});
    if (status.setupRequired) {
      const password = randomBytes(18).toString('base64url');
      await must(core, 'setup:createAdmin', {
        username: 'importer',
        email: 'importer@kassa.invalid',
        displayName: 'Importer',
        password,
      });
      console.log(`New database: admin "importer" created. Password (shown once): ${password}`);
      await must(core, 'settings:update', { currency: 'GBP', timeZone: 'Europe/London' });
    } else {
      const identifier = process.env.KASSA_USER;
      const password = process.env.KASSA_PASSWORD;
      if (!identifier || !password)
        throw new Error('this database has staff: set KASSA_USER and KASSA_PASSWORD (an admin)');
      await must(core, 'auth:login', { identifier, password });
      const settings = await must(core, 'settings:get', {});
      if (settings.currency !== 'GBP') await must(core, 'settings:update', { currency: 'GBP' });
    }

    const started = Date.now();
    const report = await must(core, 'import:onlineRetail', { csvBase64, jobId: randomUUID() });
    const seconds = (Date.now() - started) / 1000;
    if (report.rejected.length > 0) {
      console.error(`Nothing imported: ${report.rejected.length} row(s) refused.`);
      for (const r of report.rejected.slice(0, 50)) console.error(`  line ${r.line}: ${r.reason}`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `Imported ${csvPath} in ${seconds.toFixed(2)} s: ${report.rows} rows, ${report.invoices} invoices ` +
        `(${report.salesCreated} sales, ${report.refundsCreated} refunds created, ` +
        `${report.alreadyImported} already imported), ${report.customersCreated} customers and ` +
        `${report.productsCreated} products created.`,
    );
    const gbp = (n: number) => formatMoney(n, 'GBP', 'en-GB').padStart(13);
    console.log(
      `\n${'date'.padEnd(10)} ${'sales'.padStart(6)} ${'refunds'.padStart(7)} ${'gross'.padStart(13)} ${'refunds'.padStart(13)} ${'net'.padStart(13)}`,
    );
    const sum = { sales: 0, refunds: 0, gross: 0, refundTotal: 0, net: 0 };
    for (const d of report.days) {
      console.log(
        `${d.date} ${String(d.sales).padStart(6)} ${String(d.refunds).padStart(7)} ${gbp(d.gross)} ${gbp(d.refundTotal)} ${gbp(d.net)}`,
      );
      sum.sales += d.sales;
      sum.refunds += d.refunds;
      sum.gross += d.gross;
      sum.refundTotal += d.refundTotal;
      sum.net += d.net;
    }
    console.log(
      `${'total'.padEnd(10)} ${String(sum.sales).padStart(6)} ${String(sum.refunds).padStart(7)} ${gbp(sum.gross)} ${gbp(sum.refundTotal)} ${gbp(sum.net)}`,
    );
  } finally {
    await core.close();
  }
}

main().catch((e: unknown) => {
  console.error(`import:sample failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
