import { Alert, Button, Stack } from '@mantine/core';
import { IconClockHour4 } from '@tabler/icons-react';

/** Confirms an access request: an admin must approve it before the member can sign in. */
export function RequestSent({ onBack }: { onBack: () => void }) {
  return (
    <Stack gap="md">
      <Alert
        color="teal"
        variant="light"
        title="Request sent"
        icon={<IconClockHour4 size={20} />}
        role="status"
      >
        An admin must approve your request before you can sign in. Ask a manager or admin on duty to
        approve it in Staff.
      </Alert>
      <Button size="lg" onClick={onBack} autoFocus>
        Back to sign in
      </Button>
    </Stack>
  );
}
