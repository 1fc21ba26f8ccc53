/**
 * The scan queue (issue 8, item 3): every code the scan field submits is queued and looked up one
 * at a time, in the order scanned, so a scanner typing the next code while the last is still being
 * looked up never loses, reorders or merges scans. A code is looked up by barcode or SKU
 * (`products:lookup`); when nothing has it, by name (`products:list`: one match is added, several
 * are offered, none is reported with the code, item 2).
 */
import { useCallback, useRef, useState } from 'react';
import type { ProductView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';

/** What a scanner can send to `products:lookup` (the contract's barcode rule). */
export const CODE_PATTERN = /^[\x21-\x7e]{1,64}$/;
export const RESULTS_LIMIT = 8;

/** How one queued code ended; `id` grows with every outcome so the field can react to each. */
export type ScanOutcome = { id: number; query: string } & (
  | { kind: 'added' }
  | { kind: 'notFound' }
  | { kind: 'several'; items: ProductView[] }
  | { kind: 'failed'; reason: string }
);

export interface ScanQueue {
  /** Queues a code (or a search typed and ended with Enter). */
  submit: (query: string) => void;
  /** Codes queued or being looked up. */
  pending: number;
  /** The outcome of the latest code taken from the queue. */
  last: ScanOutcome | null;
  /** Resolves when the queue is empty. */
  idle: () => Promise<void>;
}

/** Finds what `query` names: one product, several, or none. */
async function find(query: string): Promise<ProductView[]> {
  if (CODE_PATTERN.test(query)) {
    const { product } = await call('products:lookup', { code: query });
    if (product) return [product];
  }
  const { items } = await call('products:list', {
    search: query,
    status: 'sellable',
    limit: RESULTS_LIMIT,
  });
  return items;
}

/** The queue; `onAdd` is called for each product found, in scan order. */
export function useScanQueue(onAdd: (product: ProductView) => void): ScanQueue {
  const queue = useRef<string[]>([]);
  const running = useRef(false);
  const waiters = useRef<Array<() => void>>([]);
  const seq = useRef(0);
  const add = useRef(onAdd);
  add.current = onAdd;
  const [pending, setPending] = useState(0);
  const [last, setLast] = useState<ScanOutcome | null>(null);

  const drain = useCallback(async () => {
    running.current = true;
    while (queue.current.length > 0) {
      const query = queue.current[0]!;
      const id = ++seq.current;
      try {
        const items = await find(query);
        if (items.length === 1) {
          add.current(items[0]!);
          setLast({ id, query, kind: 'added' });
        } else if (items.length === 0) setLast({ id, query, kind: 'notFound' });
        else setLast({ id, query, kind: 'several', items });
      } catch (e) {
        setLast({ id, query, kind: 'failed', reason: messageFor(e) });
      }
      queue.current.shift();
      setPending(queue.current.length);
    }
    running.current = false;
    for (const resolve of waiters.current.splice(0)) resolve();
  }, []);

  const submit = useCallback(
    (query: string) => {
      queue.current.push(query);
      setPending(queue.current.length);
      if (!running.current) void drain();
    },
    [drain],
  );

  const idle = useCallback(
    () =>
      running.current
        ? new Promise<void>((resolve) => waiters.current.push(resolve))
        : Promise.resolve(),
    [],
  );

  return { submit, pending, last, idle };
}
