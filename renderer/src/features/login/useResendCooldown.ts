import { useEffect, useState } from 'react';

/** The once-a-minute limit on new codes (issue 9, section 4), as the core enforces it. */
export const RESEND_AFTER_SECONDS = 60;

/**
 * Seconds until another code may be asked for: `start()` begins a new minute, and the count runs
 * down to 0 once a second. Shown on the resend button so the member is not refused for asking.
 */
export function useResendCooldown(startNow: boolean) {
  const [left, setLeft] = useState(startNow ? RESEND_AFTER_SECONDS : 0);
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [left]);
  return { left, start: () => setLeft(RESEND_AFTER_SECONDS) };
}
