import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import type { StaffView } from '../../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { formatDateTime } from '../../format/time';
import { useBusy } from '../../hooks/useBusy';
import { useStaffStore } from '../../stores/staff';

/** Access requests waiting for an admin, with Approve / Reject when the member may decide them. */
export function PendingRequests({ canApprove }: { canApprove: boolean }) {
  const pending = useStaffStore((s) => s.pending);
  if (pending.length === 0) return null;
  return (
    <Paper
      withBorder
      radius="lg"
      p="lg"
      className="k-pending"
      component="section"
      aria-labelledby="pending-title"
    >
      <Stack gap="md">
        <Group gap="sm">
          <IconUserQuestion size={24} aria-hidden />
          <Title order={2} size="h4" id="pending-title">
            Pending requests
          </Title>
          <Badge color="yellow" variant="filled" circle size="lg">
            {pending.length}
          </Badge>
        </Group>
        {!canApprove && (
          <Text c="dimmed">An admin with permission to approve staff must decide these.</Text>
        )}
        <Stack gap="xs" component="ul" className="k-plain-list">
          {pending.map((member) => (
            <PendingRow key={member.id} member={member} canApprove={canApprove} />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function PendingRow({ member, canApprove }: { member: StaffView; canApprove: boolean }) {
  const approve = useStaffStore((s) => s.approve);
  const reject = useStaffStore((s) => s.reject);
  const { busy, run } = useBusy();
  const decide = (action: 'approve' | 'reject') =>
    run(async () => {
      try {
        if (action === 'approve') {
          await approve(member.id);
          notifySuccess(`${member.displayName} can now sign in.`);
        } else {
          await reject(member.id);
          notifySuccess(`${member.displayName}'s request was declined.`);
        }
      } catch (error) {
        notifyError(error);
      }
    });

  return (
    <Group
      component="li"
      justify="space-between"
      wrap="nowrap"
      className="k-pending-row"
      aria-label={member.displayName}
    >
      <div>
        <Text fw={600}>{member.displayName}</Text>
        <Text size="sm" c="dimmed">
          {member.username} · {member.email} · asked {formatDateTime(member.createdAt)}
        </Text>
      </div>
      {canApprove && (
        <Group gap="sm" wrap="nowrap">
          <Button color="red" variant="light" disabled={busy} onClick={() => decide('reject')}>
            Reject
          </Button>
          <Button disabled={busy} onClick={() => decide('approve')}>
            Approve
          </Button>
        </Group>
      )}
    </Group>
  );
}
