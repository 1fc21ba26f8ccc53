/**
 * Demo data for a Kassa database (see scripts/seed/generate.ts for what it writes):
 *
 *   npm run seed -- --db <path> --customers N --sales N [--days D] [--products P] [--seed S]
 *
 * Relative paths are taken from the directory npm was started in. Prints progress, the staff it
 * created on a new database (passwords shown once) and a summary. Exits 1 on error, 2 on bad usage.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppSecretStore } from '../electron/main/secret-store';
import { seedDemoData } from './seed/generate';

const usage =
  'usage: npm run seed -- --db <path> --customers N --sales N [--days D] [--products P] [--seed S]';

function count(value: string | undefined, name: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`--${name} is required`);
  }
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0`);
  return n;
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parse>;
  function parse() {
    return parseArgs({
      args: process.argv.slice(2).filter((a) => a !== '--'),
      options: {
        db: { type: 'string' },
        customers: { type: 'string' },
        sales: { type: 'string' },
        days: { type: 'string' },
        products: { type: 'string' },
        seed: { type: 'string' },
      },
    });
  }
  let options: Parameters<typeof seedDemoData>[0];
  try {
    args = parse();
    if (!args.values.db) throw new Error('--db is required');
    const products = args.values.products;
    options = {
      databasePath: resolve(process.env.INIT_CWD ?? process.cwd(), args.values.db),
      customers: count(args.values.customers, 'customers'),
      sales: count(args.values.sales, 'sales'),
      days: count(args.values.days, 'days', 365),
      ...(products === undefined ? {} : { products: count(products, 'products') }),
      ...(args.values.seed === undefined ? {} : { seed: count(args.values.seed, 'seed') }),
      log: (m) => console.log(m),
      // The app's own keychain, so the audit chain is sealed with the key the app will check (D9).
      secretStore: createAppSecretStore(),
    };
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
  console.log(`Seeding ${options.databasePath} …`);
  const r = await seedDemoData(options);
  for (const s of r.staff)
    console.log(`Created ${s.role} "${s.username}", password (shown once): ${s.password}`);
  console.log(
    `Done in ${r.seconds.toFixed(1)} s (${r.salesPerSecond} sales/s): ${r.sales} sales ` +
      `(${r.refunds} refunds, ${r.voided} voided), ${r.lines} lines, ${r.customers} customers, ` +
      `${r.products} products.`,
  );
}

main().catch((e: unknown) => {
  console.error(`seed failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
