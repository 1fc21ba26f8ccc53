import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffView } from '../../../../shared/contract';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useBusy } from '../../hooks/useBusy';
import { useStaffStore } from '../../stores/staff';
import { RoleModal } from './RoleModal';

export interface PendingRequestsProps {
  /** staff.approve: Approve and Reject are offered. */
  canApprove: boolean;
  /** staff.manage as well: Approve opens a dialog to choose the role (item 15). */
  canChooseRole: boolean;
}

/** Access requests waiting for an admin, with Approve / Reject when the member may decide them. */
export function PendingRequests({ canApprove, canChooseRole }: PendingRequestsProps) {
  const { t } = useTranslation('staff');
  const pending = useStaffStore((s) => s.pending);
  const [approving, setApproving] = useState<StaffView | null>(null);
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
            {t('pending.title')}
          </Title>
          <Badge color="yellow" variant="filled" autoContrast circle size="lg">
            {pending.length}
          </Badge>
        </Group>
        {!canApprove && <Text c="gray.7">{t('pending.needsApprover')}</Text>}
        <Stack gap="xs" component="ul" className="k-plain-list">
          {pending.map((member) => (
            <PendingRow
              key={member.id}
              member={member}
              canApprove={canApprove}
              onApprove={canChooseRole ? () => setApproving(member) : null}
            />
          ))}
        </Stack>
      </Stack>
      <RoleModal purpose="approve" member={approving} onClose={() => setApproving(null)} />
    </Paper>
  );
}

interface PendingRowProps {
  member: StaffView;
  canApprove: boolean;
  /** Opens the approve dialog; null approves straight away with the role asked for. */
  onApprove: (() => void) | null;
}

function PendingRow({ member, canApprove, onApprove }: PendingRowProps) {
  const { t } = useTranslation('staff');
  const { dateTime } = useFormat();
  const approve = useStaffStore((s) => s.approve);
  const reject = useStaffStore((s) => s.reject);
  const { busy, run } = useBusy();
  const name = member.displayName;
  const decide = (action: 'approve' | 'reject') =>
    run(async () => {
      try {
        if (action === 'approve') {
          await approve(member.id);
          notifySuccess(t('pending.approved', { name }));
        } else {
          await reject(member.id);
          notifySuccess(t('pending.rejected', { name }));
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
      aria-label={name}
    >
      <div>
        <Text fw={600}>{name}</Text>
        <Text size="sm" c="gray.7">
          {t('pending.asked', {
            username: member.username,
            email: member.email,
            at: dateTime(member.createdAt),
          })}
        </Text>
      </div>
      {canApprove && (
        <Group gap="sm" wrap="nowrap">
          <Button color="red.9" variant="outline" disabled={busy} onClick={() => decide('reject')}>
            {t('pending.reject')}
          </Button>
          <Button disabled={busy} onClick={() => (onApprove ? onApprove() : decide('approve'))}>
            {t('pending.approve')}
          </Button>
        </Group>
      )}
    </Group>
  );
}
