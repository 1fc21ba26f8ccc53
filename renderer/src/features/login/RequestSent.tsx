import { Alert, Button, Stack } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Confirms an access request: an admin must approve it before the member can sign in. */
export function RequestSent({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation('auth');
  return (
    <Stack gap="md">
      <Alert
        color="teal"
        variant="light"
        title={t('login.sent.title')}
        icon={<IconClockHour4 size={20} />}
        role="status"
      >
        {t('login.sent.body')}
      </Alert>
      <Button size="lg" onClick={onBack} autoFocus>
        {t('login.backToSignIn')}
      </Button>
    </Stack>
  );
}
