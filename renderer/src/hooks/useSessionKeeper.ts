import { useEffect } from 'react';
import { useSessionStore } from '../stores/session';

/** How often the session is read again, to notice an idle lock or expiry decided by the main process. */
export const SESSION_POLL_MS = 5_000;

/**
 * While someone is signed in: polls `auth:session` every SESSION_POLL_MS, and reports keyboard
 * and pointer activity (the store throttles it) so the main process restarts its idle count.
 */
export function useSessionKeeper(): void {
  const signedIn = useSessionStore((s) => s.session !== null);

  useEffect(() => {
    if (!signedIn) return undefined;
    const { refresh, reportActivity } = useSessionStore.getState();
    const timer = window.setInterval(() => void refresh(), SESSION_POLL_MS);
    const onActivity = () => reportActivity();
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('pointerdown', onActivity, true);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('keydown', onActivity, true);
      window.removeEventListener('pointerdown', onActivity, true);
    };
  }, [signedIn]);
}
