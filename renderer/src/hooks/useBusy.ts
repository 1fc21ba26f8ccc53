import { useCallback, useState } from 'react';

/**
 * Tracks one async action at a time for a form or button: `busy` is true while `run(fn)` is
 * pending, so the button can show a loader and ignore a second press.
 */
export function useBusy(): { busy: boolean; run: <T>(fn: () => Promise<T>) => Promise<T> } {
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(fn: () => Promise<T>): Promise<T> => {
    setBusy(true);
    try {
      return await fn();
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, run };
}
