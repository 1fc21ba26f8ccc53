import { Badge, Group } from '@mantine/core';
import type { StaffView } from '../../../../shared/contract';
import { isFuture } from '../../format/time';

/** The member's status, plus "Locked out" and "Temporary password" when they apply. */
export function StatusBadges({ member }: { member: StaffView }) {
  return (
    <Group gap={6}>
      <StatusBadge member={member} />
      {isFuture(member.lockedUntil) && (
        <Badge color="orange" variant="light">
          Locked out
        </Badge>
      )}
      {member.mustChangePassword && member.status === 'active' && (
        <Badge color="blue" variant="light">
          Temporary password
        </Badge>
      )}
    </Group>
  );
}

function StatusBadge({ member }: { member: StaffView }) {
  if (member.status === 'pending')
    return (
      <Badge color="yellow" variant="light">
        Pending
      </Badge>
    );
  if (member.status === 'active')
    return (
      <Badge color="teal" variant="light">
        Active
      </Badge>
    );
  if (member.rejected)
    return (
      <Badge color="red" variant="light">
        Rejected
      </Badge>
    );
  return (
    <Badge color="gray" variant="light">
      Disabled
    </Badge>
  );
}
