/**
 * Closing the core as the app quits, with a limit on the wait.
 */
import type { Core, Logger } from '../core/types';

/** How long quitting waits for the core to close, ms (closeCoreWithin). */
export const CLOSE_GRACE_MS = 10_000;

/**
 * Closes `core` (its write queue drained, then its database), or stops waiting after `graceMs`.
 * Resolves either way and never rejects: a failure or a late close is logged, and the app quits.
 *
 * Why a limit: a store server that hangs (it neither answers nor closes its connections, issue
 * 12) holds a closing core until TCP gives up on the connections, which can take hours. The app
 * would not quit, and the till could not be started again meanwhile (single-instance lock). No
 * data needs the wait: a SQLite commit is durable when it returns (D2, synchronous=FULL), and a
 * store server acknowledges nothing it has not committed.
 */
export async function closeCoreWithin(
  core: Pick<Core, 'close'>,
  logger: Logger,
  graceMs = CLOSE_GRACE_MS,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graceMs);
  });
  const closed = core.close().then(
    () => 'closed' as const,
    (error: unknown) => {
      logger.error('Closing the database failed', {
        message: error instanceof Error ? error.message : String(error),
      });
      return 'failed' as const;
    },
  );
  try {
    if ((await Promise.race([closed, late])) === 'late')
      logger.warn('Closing the database took too long: quitting without waiting', { graceMs });
  } finally {
    clearTimeout(timer);
  }
}
