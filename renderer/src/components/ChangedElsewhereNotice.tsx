import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FollowedForm } from '../forms/useFollowStored';

/**
 * The calm notice a settings form shows while its values were changed on another till and the
 * member's edits are kept (`useFollowStored`): a polite status, not an alert, with the action
 * that loads the new values and discards the edits. Renders nothing otherwise.
 */
export function ChangedElsewhereNotice({
  followed,
}: {
  followed: Pick<FollowedForm<unknown>, 'changedElsewhere' | 'loadStored'>;
}) {
  const { t } = useTranslation('common');
  if (!followed.changedElsewhere) return null;
  return (
    <Alert
      role="status"
      color="blue"
      variant="light"
      icon={<IconRefresh size={20} />}
      title={t('changedElsewhere.title')}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{t('changedElsewhere.body')}</Text>
        <Group>
          <Button size="xs" variant="default" onClick={followed.loadStored}>
            {t('changedElsewhere.load')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
