import { Button, Group, PasswordInput, Stack, Text, ThemeIcon } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import { FIELD_MESSAGES, messageFor } from '../../api/messages';
import { AuthLayout } from '../../components/AuthLayout';
import { lazyScreen } from '../../components/lazy-screen';
import { FormAlert } from '../../components/FormAlert';
import { roleLabel } from '../staff/roles/role-label';
import { notifyError } from '../../components/notify';
import { currentPasswordSchema, zodValidator } from '../../forms/validation';
import { useBusy } from '../../hooks/useBusy';
import { useSessionStore } from '../../stores/session';

/** The PIN unlock and quick switch, loaded on demand (the sign-in chunk's budget, item 23). */
const PinLock = lazyScreen(() => import('./PinPanel').then((m) => m.PinLock));

type UnlockValues = { password: string };

/** What the lock screen asks for in each view (catalogue keys in `auth`). */
const SUBTITLES = {
  password: 'lock.subtitle',
  unlock: 'lock.subtitlePin',
  switch: 'lock.subtitleSwitch',
} as const;
const unlockSchema = z.object({ password: currentPasswordSchema });

/**
 * The till is locked (idle, or the Lock button). The member unlocks with their password (the
 * field has focus) or their PIN; "Switch user" lets a member who signed in with the password on
 * this till today take it with their PIN (issue 9, section 5), or sign this member out.
 */
export function LockScreen() {
  const { t } = useTranslation('auth');
  const staff = useSessionStore((s) => s.session?.staff);
  const unlock = useSessionStore((s) => s.unlock);
  const logout = useSessionStore((s) => s.logout);
  const { busy, run } = useBusy();
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<'password' | 'unlock' | 'switch'>('password');
  const form = useForm<UnlockValues>({
    mode: 'controlled',
    initialValues: { password: '' },
    validate: zodValidator<UnlockValues>(unlockSchema),
  });

  const submit = ({ password }: UnlockValues) =>
    run(async () => {
      setError(null);
      try {
        await unlock(password);
      } catch (caught) {
        const wrong = caught instanceof AppError && caught.code === 'INVALID_CREDENTIALS';
        form.setFieldValue('password', '');
        if (wrong) form.setFieldError('password', FIELD_MESSAGES.wrongPassword);
        else setError(messageFor(caught));
        form.getInputNode('password')?.focus();
      }
    });

  const switchMember = () => run(() => logout().catch(notifyError));

  return (
    <AuthLayout title={t('lock.title')} subtitle={t(SUBTITLES[view])}>
      <Group gap="md" wrap="nowrap">
        <ThemeIcon size={48} radius="xl" variant="light" aria-hidden>
          <IconLock size={26} />
        </ThemeIcon>
        <div>
          <Text fw={600} size="lg">
            {staff?.displayName}
          </Text>
          <Text c="gray.7" size="sm">
            {staff
              ? `${staff.username} · ${roleLabel(t, { id: staff.role, name: staff.roleName })}`
              : ''}
          </Text>
        </div>
      </Group>
      {view !== 'password' && (
        <Suspense fallback={null}>
          <PinLock view={view} onView={setView} onSignOut={switchMember} />
        </Suspense>
      )}
      {view === 'password' && (
        <form onSubmit={form.onSubmit(submit)} noValidate>
          <Stack gap="md">
            <FormAlert message={error} />
            <PasswordInput
              label={t('fields.password')}
              autoComplete="current-password"
              autoFocus
              {...form.getInputProps('password')}
            />
            <Button type="submit" size="lg" loading={busy} fullWidth>
              {t('lock.unlock')}
            </Button>
            <Suspense fallback={null}>
              <PinLock view={view} onView={setView} onSignOut={switchMember} disabled={busy} />
            </Suspense>
            <Button variant="subtle" onClick={switchMember} disabled={busy}>
              {t('lock.switch')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
