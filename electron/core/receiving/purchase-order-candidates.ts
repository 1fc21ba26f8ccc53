/**
 * `purchaseOrders:candidates` (issue 11, section 3): the stock products a purchase order may
 * take, for the order form's picker (a scan or a typed SKU, barcode or name) and for "Add low
 * stock items", each with the last cost the form prefills. The search ranks as the Products
 * screen does (products/product-service.ts): exact barcode or SKU, then a SKU/barcode prefix,
 * then a name prefix, then the rest of the name matches, each by name.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { PurchaseOrderCandidate } from '../../../shared/contract/receiving';
import type { Database } from '../db/database';
import { run } from '../db/sql';
import { escapeLike, foldForSearch } from '../search/normalize';

interface CandidateRow {
  id: number;
  sku: string;
  barcode: string | null;
  name: string;
  on_hand: number;
  reorder_level: number | null;
  last_cost: number | null;
}

const COLUMNS = 'p.id, p.sku, p.barcode, p.name, p.on_hand, p.reorder_level, p.last_cost';
/** Products an order may take: stock kind, not archived (purchaseOrders:create's own rule). */
const ORDERABLE = `p.kind = 'stock' AND p.archived_at IS NULL`;
const SEARCH_LIMIT = 50;
const LOW_LIMIT = 100;

/**
 * The quantity that brings a low product to twice its reorder level: 2 × reorder − on-hand, at
 * least 1; null when the product has no reorder level or is above it (the contract's rule).
 */
function suggestedQuantity(onHand: number, reorderLevel: number | null): number | null {
  if (reorderLevel === null || onHand > reorderLevel) return null;
  return Math.max(1, 2 * reorderLevel - onHand);
}

function candidate(r: CandidateRow): PurchaseOrderCandidate {
  const onHand = Number(r.on_hand);
  const reorderLevel = r.reorder_level === null ? null : Number(r.reorder_level);
  return {
    productId: Number(r.id),
    sku: r.sku,
    barcode: r.barcode,
    name: r.name,
    onHand,
    reorderLevel,
    lastCost: r.last_cost === null ? null : Number(r.last_cost),
    suggested: suggestedQuantity(onHand, reorderLevel),
  };
}

/** `purchaseOrders:candidates`: see the module comment and the channel's summary. */
export async function purchaseOrderCandidates(
  db: Database,
  input: ChannelParsedInput<'purchaseOrders:candidates'>,
): Promise<ChannelOutput<'purchaseOrders:candidates'>> {
  const em = db.manager;
  if (input.lowStock) {
    const rows = await run<CandidateRow>(
      em,
      `SELECT ${COLUMNS} FROM products p WHERE ${ORDERABLE}
        AND p.reorder_level IS NOT NULL AND p.on_hand <= p.reorder_level
        ORDER BY p.on_hand, p.id LIMIT ?`,
      [LOW_LIMIT],
    );
    return { items: rows.map(candidate) };
  }
  const code = input.search;
  const sku = code.normalize('NFC').toUpperCase();
  const name = foldForSearch(code);
  const codePrefix = `${escapeLike(code)}%`;
  const skuPrefix = `${escapeLike(sku)}%`;
  const rows = await run<CandidateRow>(
    em,
    `SELECT ${COLUMNS}, CASE WHEN p.barcode = ? OR p.sku = ? THEN 0
        WHEN p.sku LIKE ? ESCAPE '\\' OR p.barcode LIKE ? ESCAPE '\\' THEN 1
        WHEN p.search_name LIKE ? ESCAPE '\\' THEN 2 ELSE 3 END AS rank
      FROM products p WHERE ${ORDERABLE}
        AND (p.sku LIKE ? ESCAPE '\\' OR p.barcode LIKE ? ESCAPE '\\' OR p.search_name LIKE ? ESCAPE '\\')
      ORDER BY rank, p.search_name, p.id LIMIT ?`,
    [
      code,
      sku,
      skuPrefix,
      codePrefix,
      `${escapeLike(name)}%`,
      skuPrefix,
      codePrefix,
      `%${escapeLike(name)}%`,
      SEARCH_LIMIT,
    ],
  );
  return { items: rows.map(candidate) };
}
