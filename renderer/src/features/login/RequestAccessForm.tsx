import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNewMemberForm } from '../../forms/useNewMemberForm';
import { FormAlert } from '../../components/FormAlert';
import { useSessionStore } from '../../stores/session';

export interface RequestAccessFormProps {
  /** Called once the request is stored as pending. */
  onSent: () => void;
  onCancel: () => void;
}

/**
 * Asks for access as a new staff member. The main process stores a pending Cashier that an admin
 * must approve; role and status cannot be chosen here (A7). Refusals (weak password, username or
 * email taken, invalid fields) are shown next to the field they concern.
 */
export function RequestAccessForm({ onSent, onCancel }: RequestAccessFormProps) {
  const { t } = useTranslation('auth');
  const requestAccess = useSessionStore((s) => s.requestAccess);
  const { busy, formError, onSubmit, fields } = useNewMemberForm(async (values) => {
    await requestAccess(values);
    onSent();
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        {fields}
        <Button type="submit" size="lg" loading={busy} fullWidth>
          {t('login.request.button')}
        </Button>
        <Button variant="subtle" onClick={onCancel}>
          {t('login.backToSignIn')}
        </Button>
      </Stack>
    </form>
  );
}
