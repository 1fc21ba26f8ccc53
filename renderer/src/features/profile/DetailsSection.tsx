import { Button, Group, Loader, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelInput, ProfileView } from '../../../../shared/contract';
import { displayPhone } from '../../../../shared/phone';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useSessionStore } from '../../stores/session';

interface DetailsValues {
  displayName: string;
  email: string;
  phone: string;
}
const FIELDS = ['displayName', 'email', 'phone'] as const;

function valuesOf(p: ProfileView): DetailsValues {
  return {
    displayName: p.displayName,
    email: p.email,
    phone: p.phone ? displayPhone(p.phone) : '',
  };
}

/** The `profile:update` input: only what changed ('' removes the phone). */
export function changedDetails(p: ProfileView, v: DetailsValues): ChannelInput<'profile:update'> {
  const before = valuesOf(p);
  const input: ChannelInput<'profile:update'> = {};
  for (const f of FIELDS) if (v[f].trim() !== before[f]) input[f] = v[f].trim();
  return input;
}

/**
 * The member's own display name, e-mail and phone (issue 9, section 3). A changed e-mail or phone
 * must be verified again; saving asks for the password when it was last entered over 5 minutes ago.
 */
export function DetailsSection() {
  const { t } = useTranslation('profile');
  const [profile, setProfile] = useState<ProfileView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  useEffect(() => {
    call('profile:get').then(setProfile, (e: unknown) => setLoadError(messageFor(e)));
  }, []);
  if (loadError) return <FormAlert message={loadError} />;
  if (!profile) return <Loader size="sm" aria-label={t('details.loading')} />;
  return <DetailsForm key={JSON.stringify(profile)} profile={profile} onSaved={setProfile} />;
}

function DetailsForm({
  profile,
  onSaved,
}: {
  profile: ProfileView;
  onSaved: (p: ProfileView) => void;
}) {
  const { t } = useTranslation('profile');
  const refresh = useSessionStore((s) => s.refresh);
  const form = useForm<DetailsValues>({
    mode: 'controlled',
    initialValues: valuesOf(profile),
    validate: {
      displayName: (v) => (v.trim() === '' ? t('details.required') : null),
      email: (v) => (v.trim() === '' ? t('details.required') : null),
    },
  });
  const changed = Object.keys(changedDetails(profile, form.getValues())).length > 0;
  const { busy, formError, submit } = useServerSubmit(form, FIELDS, async (v) => {
    const input = changedDetails(profile, v);
    if (Object.keys(input).length === 0) return;
    const saved = await call('profile:update', input);
    notifySuccess(
      input.email !== undefined || input.phone !== undefined
        ? t('details.savedVerify')
        : t('details.saved'),
    );
    onSaved(saved);
    // The header shows the display name from the session.
    if (input.displayName !== undefined) void refresh();
  });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('details.title')}>
      <Stack gap="sm">
        <FormAlert message={formError} />
        <TextInput
          label={t('details.displayName')}
          autoComplete="name"
          {...form.getInputProps('displayName')}
        />
        <TextInput
          label={t('details.email')}
          description={t('details.emailHelp')}
          type="email"
          autoComplete="email"
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('details.phone')}
          description={t('details.phoneHelp')}
          type="tel"
          autoComplete="tel"
          {...form.getInputProps('phone')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" disabled={!changed || busy} onClick={() => form.reset()}>
            {t('details.undo')}
          </Button>
          <Button type="submit" loading={busy} disabled={!changed}>
            {t('details.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
