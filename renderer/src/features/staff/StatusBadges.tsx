import { Badge, Group } from '@mantine/core';
import type { StaffView } from '../../../../shared/contract';
import { useTranslation } from 'react-i18next';

/** True while `iso` (UTC) is in the future: a lockout still running. */
function isFuture(iso: string | null): boolean {
  return iso !== null && new Date(iso).getTime() > Date.now();
}

/** The member's status, plus "Locked out" and "Temporary password" when they apply. */
export function StatusBadges({ member }: { member: StaffView }) {
  const { t } = useTranslation('staff');
  return (
    <Group gap={6}>
      <StatusBadge member={member} />
      {isFuture(member.lockedUntil) && (
        <Badge color="orange.4" variant="filled" autoContrast>
          {t('status.lockedOut')}
        </Badge>
      )}
      {member.mustChangePassword && member.status === 'active' && (
        <Badge color="blue.8" variant="filled" autoContrast>
          {t('status.temporaryPassword')}
        </Badge>
      )}
    </Group>
  );
}

function StatusBadge({ member }: { member: StaffView }) {
  const { t } = useTranslation('staff');
  if (member.status === 'pending')
    return (
      <Badge color="yellow" variant="filled" autoContrast>
        {t('status.pending')}
      </Badge>
    );
  if (member.status === 'active')
    return (
      <Badge color="teal.9" variant="filled" autoContrast>
        {t('status.active')}
      </Badge>
    );
  if (member.rejected)
    return (
      <Badge color="red.8" variant="filled" autoContrast>
        {t('status.rejected')}
      </Badge>
    );
  return (
    <Badge color="gray.7" variant="filled" autoContrast>
      {t('status.disabled')}
    </Badge>
  );
}
