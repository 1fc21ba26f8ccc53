/**
 * The stock take dialog's state (issue 11, section 2; shared/contract/stock-count.ts): the open
 * count and its sheet, reloaded after every change. It calls the API client only; actions throw
 * the AppError so the dialog can show it.
 */
import { useCallback, useState } from 'react';
import type { StockCount, StockCountLine } from '../../../../shared/contract';
import { call } from '../../api/client';

/** How many lines of the sheet the dialog lists. */
export const SHEET_PAGE = 100;

export function useStockTake() {
  const [count, setCount] = useState<StockCount | null>(null);
  const [lines, setLines] = useState<StockCountLine[]>([]);
  const [total, setTotal] = useState(0);

  const loadSheet = useCallback(async (id: number) => {
    const sheet = await call('stock:countSheet', { countId: id, limit: SHEET_PAGE, offset: 0 });
    setCount(sheet.count);
    setLines(sheet.items);
    setTotal(sheet.total);
  }, []);

  const load = useCallback(async () => {
    const open = await call('stock:openCount', {});
    if (open.count) await loadSheet(open.count.id);
    else {
      setCount(null);
      setLines([]);
      setTotal(0);
    }
  }, [loadSheet]);

  return {
    count,
    lines,
    total,
    load,
    start: async (categoryId: number | null) => {
      const started = await call('stock:startCount', { categoryId });
      await loadSheet(started.id);
    },
    /** A scan (+1) or a typed count (`quantity` set) of the product whose barcode or SKU is `code`. */
    enter: async (code: string, quantity: number | null): Promise<StockCountLine | null> => {
      if (!count) return null;
      const { product } = await call('products:lookup', { code });
      if (!product) return null;
      const line = await call('stock:setCount', {
        countId: count.id,
        productId: product.id,
        quantity: quantity ?? 1,
        mode: quantity === null ? 'add' : 'set',
      });
      await loadSheet(count.id);
      return line;
    },
    set: async (productId: number, quantity: number) => {
      if (!count) return;
      await call('stock:setCount', { countId: count.id, productId, quantity, mode: 'set' });
      await loadSheet(count.id);
    },
    variances: async (): Promise<StockCountLine[]> => {
      if (!count) return [];
      const sheet = await call('stock:countSheet', {
        countId: count.id,
        only: 'variance',
        limit: SHEET_PAGE,
        offset: 0,
      });
      return sheet.items;
    },
    post: async () => {
      if (count) await call('stock:postCount', { countId: count.id });
      await load();
    },
    cancel: async () => {
      if (count) await call('stock:cancelCount', { countId: count.id });
      await load();
    },
  };
}
export type StockTake = ReturnType<typeof useStockTake>;
