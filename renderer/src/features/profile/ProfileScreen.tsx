import { Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROFILE_SECTIONS } from './profile-sections';

/**
 * The signed-in member's own page (issue 9, item 3), open to every member whatever their role.
 * Each part (details, password, two-factor, PIN, sessions, sign-ins) is a self-contained section
 * listed in `profile-sections.ts`; each calls only the member's own channels.
 */
export function ProfileScreen() {
  const { t } = useTranslation('profile');
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      {PROFILE_SECTIONS.map(({ id, title, Section }) => (
        <Paper
          key={id}
          withBorder
          radius="lg"
          p="lg"
          component="section"
          aria-labelledby={`profile-${id}`}
        >
          <Stack gap="md">
            <Title order={2} size="h4" id={`profile-${id}`}>
              {t(title)}
            </Title>
            <Section />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
