import { ActionIcon, Badge, Button, Group, Text } from '@mantine/core';
import { IconHandFinger, IconKey, IconLock, IconLogout } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { BrandMark } from '../../components/BrandMark';
import { notifyError } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useSessionStore } from '../../stores/session';
import { setDensity, useDensity } from '../../theme/density';

/**
 * The top bar: brand and till name, who is signed in, and Lock / Change password / Sign out, plus
 * the till's touch-size switch. On a narrow screen (800×600) the buttons show their icons only
 * (app.css); their names stay in the accessibility tree, so nothing is cut off or unnamed.
 * `ref` gets the header element (the shell measures its height).
 */
export function ShellHeader({
  onChangePassword,
  ref,
}: {
  onChangePassword: () => void;
  ref?: Ref<HTMLElement>;
}) {
  const terminalName = useSessionStore((s) => s.status?.terminalName ?? '');
  const staff = useSessionStore((s) => s.session?.staff);
  const lock = useSessionStore((s) => s.lock);
  const logout = useSessionStore((s) => s.logout);
  const { busy, run } = useBusy();
  const { t } = useTranslation('shell');

  return (
    <header ref={ref} className="k-shell-header">
      <Group gap="md" wrap="nowrap" className="k-shell-brand">
        <BrandMark size={32} />
        {terminalName && (
          <Badge variant="light" size="lg" radius="sm" tt="none" className="k-shell-till">
            {terminalName}
          </Badge>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap" className="k-shell-actions">
        <div className="k-shell-member">
          <Text fw={600} lh={1.2} truncate="end">
            {staff?.displayName}
          </Text>
          <Text size="sm" c="dimmed" lh={1.2} truncate="end">
            {staff?.roleName}
          </Text>
        </div>
        <DensitySwitch />
        <Button
          variant="light"
          leftSection={<IconLock size={18} />}
          disabled={busy}
          onClick={() => run(() => lock().catch(notifyError))}
          className="k-header-button"
          title={t('header.lock')}
        >
          {t('header.lock')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconKey size={18} />}
          onClick={onChangePassword}
          className="k-header-button"
          title={t('header.changePassword')}
        >
          {t('header.changePassword')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconLogout size={18} />}
          disabled={busy}
          onClick={() => run(() => logout().catch(notifyError))}
          className="k-header-button"
          title={t('header.signOut')}
        >
          {t('header.signOut')}
        </Button>
      </Group>
    </header>
  );
}

/** Switches this till between standard and touch-size text and targets (kept per till). */
function DensitySwitch() {
  const density = useDensity();
  const { t } = useTranslation('shell');
  const touch = density === 'touch';
  return (
    <ActionIcon
      variant={touch ? 'filled' : 'default'}
      size="input-md"
      aria-label={t('header.touchSize')}
      title={t('header.touchSize')}
      aria-pressed={touch}
      onClick={() => setDensity(touch ? 'standard' : 'touch')}
    >
      <IconHandFinger size={20} />
    </ActionIcon>
  );
}
