import { Button, Group, Stack, Tabs, Title } from '@mantine/core';
import { IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useSessionStore } from '../../stores/session';
import { useStaffStore } from '../../stores/staff';
import { AddMemberModal } from './AddMemberModal';
import { AuditLog } from './AuditLog';
import { MembersPanel } from './MembersPanel';
import { PendingRequests } from './PendingRequests';
import { RolesPanel } from './roles/RolesPanel';
import { StaffImportDialog } from './StaffImportDialog';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';

/**
 * Staff administration (permission staff.view): pending access requests first, then the staff
 * list with its filters and actions (staff.manage), the roles (edited with staff.manage), and the
 * audit log (audit.view).
 */
export function StaffScreen() {
  const { t } = useTranslation('staff');
  const session = useSessionStore((s) => s.session);
  const init = useStaffStore((s) => s.init);
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const canManage = can(session, 'staff.manage');
  const canApprove = can(session, 'staff.approve');
  const canAudit = can(session, 'audit.view');
  const selfId = session?.staff.id ?? null;

  useEffect(() => {
    void init();
  }, [init]);

  const members = (
    <Stack gap="lg">
      <PendingRequests canApprove={canApprove} canChooseRole={canApprove && canManage} />
      <MembersPanel selfId={selfId} canManage={canManage} />
    </Stack>
  );

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        {canManage && (
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconFileImport size={20} />}
              onClick={() => setImporting(true)}
            >
              {t('import.button')}
            </Button>
            <Button leftSection={<IconUserPlus size={20} />} onClick={() => setAdding(true)}>
              {t('add.button')}
            </Button>
          </Group>
        )}
      </Group>
      <Tabs defaultValue="members" keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="members">{t('tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="roles">{t('tabs.roles')}</Tabs.Tab>
          {canAudit && <Tabs.Tab value="audit">{t('tabs.audit')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="members">{members}</Tabs.Panel>
        <Tabs.Panel value="roles">
          <RolesPanel canManage={canManage} />
        </Tabs.Panel>
        {canAudit && (
          <Tabs.Panel value="audit">
            <AuditLog />
          </Tabs.Panel>
        )}
      </Tabs>
      <AddMemberModal opened={adding} onClose={() => setAdding(false)} />
      <StaffImportDialog opened={importing} onClose={() => setImporting(false)} />
      <TemporaryPasswordModal />
    </Stack>
  );
}
