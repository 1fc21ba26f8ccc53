import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactKind, ContactKindSpec } from './contact-kinds';

export interface ContactChangeFormProps {
  kind: ContactKind;
  spec: ContactKindSpec;
  initial: string;
  busy: boolean;
  onSave: (value: string) => void;
  onCancel: () => void;
}

/** The new e-mail address or phone number; saving is left to the caller (ContactVerification). */
export function ContactChangeForm({
  kind,
  spec,
  initial,
  busy,
  onSave,
  onCancel,
}: ContactChangeFormProps) {
  const { t } = useTranslation('profile');
  const [value, setValue] = useState(initial);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(value.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" wrap="wrap">
        <TextInput
          label={t(spec.keys.newValue)}
          description={t(spec.keys.newValueHelp)}
          type={kind === 'email' ? 'email' : 'tel'}
          autoComplete={kind === 'email' ? 'email' : 'tel'}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          style={{ flex: '1 1 18rem' }}
          data-autofocus
        />
        <Button type="submit" loading={busy} disabled={!value.trim()}>
          {t(spec.keys.save)}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('contacts.cancel')}
        </Button>
      </Group>
    </form>
  );
}
