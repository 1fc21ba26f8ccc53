import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown when the member's role allows none of the app's screens. */
export function NothingToShow() {
  const { t } = useTranslation('shell');
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('nothingToShow.title')}
      </Title>
      <Paper withBorder radius="lg" p="xl">
        <Text size="lg">{t('nothingToShow.body')}</Text>
      </Paper>
    </Stack>
  );
}
