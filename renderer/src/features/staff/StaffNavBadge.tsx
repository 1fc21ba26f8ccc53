import { Badge, VisuallyHidden } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSessionStore } from '../../stores/session';
import { selectPendingCount, useStaffStore } from '../../stores/staff';

/** How often the count of waiting requests is read again while the Staff screen is not open. */
export const PENDING_POLL_MS = 60_000;

/**
 * The count of access requests waiting for a decision, for the Staff navigation item (item 15),
 * read on mount and every minute with `staff:pendingCount`, which does not count as activity, so
 * the badge never keeps an unattended till from idle-locking (S2).
 * Renders nothing at 0. The number is shown to sighted members and read as words ("2 access
 * requests waiting") as part of the button's name.
 */
export function StaffNavBadge() {
  const { t } = useTranslation('staff');
  const allowed = useSessionStore((s) => can(s.session, 'staff.view'));
  const count = useStaffStore(selectPendingCount);
  const loadCount = useStaffStore((s) => s.loadPendingCount);
  const poll = useInterval(() => void loadCount(), PENDING_POLL_MS);

  useEffect(() => {
    if (!allowed) return undefined;
    void loadCount();
    poll.start();
    return poll.stop;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- poll's identity changes each render.
  }, [allowed, loadCount]);

  if (!allowed || count === 0) return null;
  return (
    <>
      <Badge color="yellow" variant="filled" autoContrast circle size="lg" aria-hidden>
        {count}
      </Badge>
      <VisuallyHidden>{t('nav.pending', { count })}</VisuallyHidden>
    </>
  );
}
