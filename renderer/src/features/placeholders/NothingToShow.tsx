import { Paper, Stack, Text, Title } from '@mantine/core';

/** Shown when the member's role allows none of the app's screens. */
export function NothingToShow() {
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        Welcome
      </Title>
      <Paper withBorder radius="lg" p="xl">
        <Text size="lg">
          Your role does not include any screens yet. Ask an admin to change your role.
        </Text>
      </Paper>
    </Stack>
  );
}
