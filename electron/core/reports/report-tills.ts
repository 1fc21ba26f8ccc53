/**
 * The store's tills for the till filter of the day summary, the Z reports and the transactions
 * list (`reports:tills`): every till that has a row, by name, retired ones included, as their
 * sales still count in every report.
 */
import type { ChannelOutput } from '../../../shared/contract';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import { toInt } from '../sales/sale.entity';

/** `reports:tills`: `{ items: [{ id, name, retiredAt (UTC or null) }] }`, by name. */
export async function reportTills(db: Database): Promise<ChannelOutput<'reports:tills'>> {
  const rows = await run<{ id: number | string; name: string; retired_at: string | null }>(
    db.manager,
    'SELECT id, name, retired_at FROM tills ORDER BY name, id',
  );
  return {
    items: rows.map((r) => ({ id: toInt(r.id), name: r.name, retiredAt: r.retired_at })),
  };
}
