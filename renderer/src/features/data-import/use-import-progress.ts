/**
 * Progress of an import while its call is pending. Each import call carries a fresh `jobId`; while
 * it runs, `import:progress` is asked for that job every POLL_MS (the next question only after the
 * last answer, so a busy core never gets a pile of them). Errors of the poll are ignored: the
 * import call's own answer is what counts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress } from '../../../../shared/contract';
import { call } from '../../api/client';

/** How often the dialog asks how far the import is, in milliseconds. */
export const POLL_MS = 250;

export function useImportProgress() {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  /** Runs `run` with a new job id, showing its progress until it settles. */
  const track = useCallback(async <T>(run: (jobId: string) => Promise<T>): Promise<T> => {
    const jobId = crypto.randomUUID();
    let pending = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const answer = await call('import:progress', { jobId });
        if (pending && mounted.current) setProgress(answer.progress);
      } catch {
        // The import's own answer reports any problem.
      }
      if (pending) timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    try {
      return await run(jobId);
    } finally {
      pending = false;
      clearTimeout(timer);
      if (mounted.current) setProgress(null);
    }
  }, []);

  return { progress, track };
}
