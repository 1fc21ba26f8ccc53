import { useCallback, useEffect, useState } from 'react';
import type { ZReport, ZReportSummary } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { useStoreChangeCount } from '../../hooks/useStoreChange';

/** Z reports per page of the Reports → Shifts list. */
export const Z_PAGE = 25;

/**
 * The Z reports of the store, or of one till (`tillId`, null for every till; another till starts
 * at page 1), newest first, a page at a time (`shifts:list`), and the one being viewed
 * (`shifts:zReport`). `error` says why the last read failed. The page is read again when a shift
 * closes on another till (the `tills` store change).
 */
export function useZReports(tillId: number | null) {
  const [items, setItems] = useState<ZReportSummary[]>([]);
  const [total, setTotal] = useState(0);
  // The page belongs to the till it was turned for.
  const [paged, setPaged] = useState({ tillId, page: 1 });
  const page = paged.tillId === tillId ? paged.page : 1;
  const setPage = useCallback((p: number) => setPaged({ tillId, page: p }), [tillId]);
  const [loading, setLoading] = useState(true);
  const [viewing, setViewing] = useState<ZReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reads = useStoreChangeCount('tills');

  useEffect(() => {
    let live = true;
    setLoading(true);
    const offset = (page - 1) * Z_PAGE;
    call(
      'shifts:list',
      tillId === null ? { limit: Z_PAGE, offset } : { limit: Z_PAGE, offset, tillId },
    )
      .then((answer) => {
        if (!live) return;
        setItems(answer.items);
        setTotal(answer.total);
        setError(null);
      })
      .catch((caught: unknown) => live && setError(messageFor(caught)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [page, tillId, reads]);

  const view = useCallback(async (id: number | null) => {
    if (id === null) return setViewing(null);
    try {
      setViewing(await call('shifts:zReport', { id }));
    } catch (caught) {
      setError(messageFor(caught));
    }
  }, []);

  return { items, total, page, setPage, loading, viewing, view, error };
}
