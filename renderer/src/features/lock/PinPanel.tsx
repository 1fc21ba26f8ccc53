import { Button, Group, PasswordInput, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { useBusy } from '../../hooks/useBusy';
import { usePinStore } from '../../stores/pin';

export type LockView = 'password' | 'unlock' | 'switch';

/**
 * The lock screen's PIN part: under the password form (`view` 'password') the two buttons that
 * open it, else the PIN unlock or the quick switch. One lazily loaded module for all of it.
 */
export function PinLock({
  view,
  onView,
  onSignOut,
  disabled = false,
}: {
  view: LockView;
  onView: (view: LockView) => void;
  onSignOut: () => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation('pin');
  if (view !== 'password')
    return (
      <PinPanel key={view} mode={view} onBack={() => onView('password')} onSignOut={onSignOut} />
    );
  return (
    <Group grow gap="sm">
      <Button variant="light" onClick={() => onView('unlock')} disabled={disabled}>
        {t('usePin')}
      </Button>
      <Button variant="light" onClick={() => onView('switch')} disabled={disabled}>
        {t('switchUser')}
      </Button>
    </Group>
  );
}

export interface PinPanelProps {
  /** `unlock`: the member who locked enters their PIN; `switch`: someone else takes the till. */
  mode: 'unlock' | 'switch';
  /** Back to the password. */
  onBack: () => void;
  /** Sign this member out, so anyone can sign in with a password. */
  onSignOut: () => void;
}

/**
 * The lock screen's PIN part (issue 9, section 5), loaded on demand so the sign-in chunk stays
 * small: unlock with the PIN, or "Switch user": pick a member who signed in with the password on
 * this till in the last 12 hours, and enter their PIN. The cart question of issue 8 follows a
 * switch (stores/index.ts). A PIN never re-authenticates: sensitive actions ask for the password.
 */
export function PinPanel({ mode, onBack, onSignOut }: PinPanelProps) {
  const { t } = useTranslation('pin');
  const { members, loadMembers, unlock, switchTo } = usePinStore();
  const others = members.filter((m) => !m.current);
  const [who, setWho] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { busy, run } = useBusy();

  useEffect(() => {
    if (mode === 'switch') loadMembers().catch((e: unknown) => setError(messageFor(e)));
  }, [mode, loadMembers]);

  const chosen = mode === 'switch' ? others.find((m) => String(m.id) === who) : undefined;
  const submit = () =>
    run(async () => {
      setError(null);
      setFieldError(null);
      if (!/^[0-9]{4,8}$/.test(pin)) return setFieldError(t('digits'));
      try {
        if (mode === 'unlock') await unlock(pin);
        else if (chosen) await switchTo(chosen.id, pin);
      } catch (caught) {
        setPin('');
        if (caught instanceof AppError && caught.code === 'PIN_INVALID') setFieldError(t('wrong'));
        else setError(messageFor(caught));
      }
    });

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        <FormAlert message={error} />
        {mode === 'switch' &&
          (others.length === 0 ? (
            <Text>{t('nobody')}</Text>
          ) : (
            <Radio.Group label={t('who')} value={who} onChange={setWho}>
              <Stack gap="xs" mt={6}>
                {others.map((m) => (
                  <Radio
                    key={m.id}
                    value={String(m.id)}
                    label={`${m.displayName} (${m.username})`}
                  />
                ))}
              </Stack>
            </Radio.Group>
          ))}
        {(mode === 'unlock' || chosen) && (
          <PasswordInput
            label={chosen ? t('pinOf', { name: chosen.displayName }) : t('pin')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            autoFocus
            value={pin}
            error={fieldError}
            onChange={(e) => setPin(e.currentTarget.value)}
          />
        )}
        {(mode === 'unlock' || chosen) && (
          <Button type="submit" size="lg" loading={busy} fullWidth>
            {mode === 'unlock' ? t('unlock') : t('switch')}
          </Button>
        )}
        <Button variant="subtle" onClick={onBack} disabled={busy}>
          {t('usePassword')}
        </Button>
        {mode === 'switch' && (
          <Button variant="subtle" onClick={onSignOut} disabled={busy}>
            {t('signOut')}
          </Button>
        )}
      </Stack>
    </form>
  );
}
