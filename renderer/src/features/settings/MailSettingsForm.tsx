import { Button, Checkbox, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, MailSettingsView, MailTlsMode } from '../../../../shared/contract';
import { ChangedElsewhereNotice } from '../../components/ChangedElsewhereNotice';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useFollowStored } from '../../forms/useFollowStored';
import { useServerSubmit } from '../../forms/useServerSubmit';
import './mail-settings.css';

interface MailValues {
  host: string;
  port: string;
  tls: MailTlsMode;
  user: string;
  /** Empty: keep the stored password. */
  password: string;
  removePassword: boolean;
  from: string;
}

const FIELDS = ['host', 'port', 'tls', 'user', 'password', 'from'] as const;
const DEFAULT_PORTS: Record<MailTlsMode, number> = { none: 25, starttls: 587, tls: 465 };

/** The form's values for the stored settings: the password field always starts empty. */
export function mailValues(view: MailSettingsView): MailValues {
  return {
    host: view.host,
    port: String(view.port),
    tls: view.tls,
    user: view.user,
    password: '',
    removePassword: false,
    from: view.from,
  };
}

/** The `mail:updateSettings` input: a typed password replaces the stored one; empty keeps it. */
export function mailInput(v: MailValues): ChannelInput<'mail:updateSettings'> {
  return {
    host: v.host,
    port: Number(v.port),
    tls: v.tls,
    user: v.user,
    from: v.from,
    ...(v.removePassword ? { password: null } : v.password ? { password: v.password } : {}),
  };
}

/**
 * The SMTP server's details. The password field is always empty: the stored password never
 * comes back from the core, only whether one is set. Saving asks for the password again (S3).
 * When the settings change elsewhere the form follows them, keeping the member's edits
 * (`useFollowStored`).
 */
export function MailSettingsForm({
  view,
  onSaved,
  save,
}: {
  view: MailSettingsView;
  onSaved: (next: MailSettingsView) => void;
  save: (input: ChannelInput<'mail:updateSettings'>) => Promise<MailSettingsView>;
}) {
  const { t } = useTranslation('settings');
  const form = useForm<MailValues>({
    mode: 'controlled',
    initialValues: mailValues(view),
    validate: {
      host: (v) => (v.trim() ? null : t('mail.errors.host')),
      port: (v) =>
        /^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535 ? null : t('mail.errors.port'),
      from: (v) => (/^[^\s@]+@[^\s@]+$/.test(v.trim()) ? null : t('mail.errors.from')),
    },
  });
  const followed = useFollowStored(form, mailValues(view));
  const { busy, formError, submit } = useServerSubmit(form, FIELDS, (v) =>
    followed.saving(async () => {
      const next = await save(mailInput(v));
      followed.take(mailValues(next));
      onSaved(next);
      notifySuccess(t('mail.saved'));
    }),
  );
  const tlsOptions = (['starttls', 'tls', 'none'] as const).map((value) => ({
    value,
    label: t(`mail.tls.${value}`),
  }));

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <ChangedElsewhereNotice followed={followed} />
        <FormAlert message={formError} />
        <div className="k-mail-grid">
          <TextInput
            label={t('mail.host')}
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('host')}
          />
          <Select
            label={t('mail.security')}
            data={tlsOptions}
            allowDeselect={false}
            {...form.getInputProps('tls')}
            onChange={(value) => {
              if (!value) return;
              const tls = value as MailTlsMode;
              form.setFieldValue('tls', tls);
              form.setFieldValue('port', String(DEFAULT_PORTS[tls]));
            }}
          />
          <TextInput label={t('mail.port')} inputMode="numeric" {...form.getInputProps('port')} />
        </div>
        <div className="k-mail-grid k-mail-grid-two">
          <TextInput
            label={t('mail.user')}
            description={t('mail.userHelp')}
            autoComplete="off"
            spellCheck={false}
            {...form.getInputProps('user')}
          />
          <PasswordInput
            label={t('mail.password')}
            description={view.passwordSet ? t('mail.passwordSet') : t('mail.passwordNotSet')}
            autoComplete="new-password"
            disabled={form.getValues().removePassword}
            {...form.getInputProps('password')}
          />
        </div>
        {view.passwordSet && (
          <Checkbox
            label={t('mail.removePassword')}
            {...form.getInputProps('removePassword', { type: 'checkbox' })}
          />
        )}
        <TextInput
          label={t('mail.from')}
          description={t('mail.fromHelp')}
          autoComplete="off"
          {...form.getInputProps('from')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {t('mail.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
