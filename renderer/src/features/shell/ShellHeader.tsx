import { Badge, Button, Group, Text } from '@mantine/core';
import { IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import { BrandMark } from '../../components/BrandMark';
import { notifyError } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useSessionStore } from '../../stores/session';

/** The top bar: brand and till name, who is signed in, and Lock / Change password / Sign out. */
export function ShellHeader({ onChangePassword }: { onChangePassword: () => void }) {
  const terminalName = useSessionStore((s) => s.status?.terminalName ?? '');
  const staff = useSessionStore((s) => s.session?.staff);
  const lock = useSessionStore((s) => s.lock);
  const logout = useSessionStore((s) => s.logout);
  const { busy, run } = useBusy();

  return (
    <header className="k-shell-header">
      <Group gap="md" wrap="nowrap">
        <BrandMark size={32} />
        {terminalName && (
          <Badge variant="light" size="lg" radius="sm" tt="none">
            {terminalName}
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <div className="k-shell-member">
          <Text fw={600} lh={1.2}>
            {staff?.displayName}
          </Text>
          <Text size="sm" c="dimmed" lh={1.2}>
            {staff?.roleName}
          </Text>
        </div>
        <Button
          variant="light"
          leftSection={<IconLock size={18} />}
          disabled={busy}
          onClick={() => run(() => lock().catch(notifyError))}
        >
          Lock
        </Button>
        <Button variant="default" leftSection={<IconKey size={18} />} onClick={onChangePassword}>
          Change password
        </Button>
        <Button
          variant="default"
          leftSection={<IconLogout size={18} />}
          disabled={busy}
          onClick={() => run(() => logout().catch(notifyError))}
        >
          Sign out
        </Button>
      </Group>
    </header>
  );
}
