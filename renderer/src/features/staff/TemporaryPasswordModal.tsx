import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { formatTime } from '../../format/time';
import { useStaffStore } from '../../stores/staff';

/**
 * Shows a temporary password once, with its expiry and a copy button. Closing it drops the
 * password from memory; it cannot be shown again (R1).
 */
export function TemporaryPasswordModal() {
  const revealed = useStaffStore((s) => s.revealed);
  const dismiss = useStaffStore((s) => s.dismissRevealed);
  const name = revealed?.staff.displayName ?? '';
  return (
    <Modal
      opened={revealed !== null}
      onClose={dismiss}
      title="Temporary password"
      size="md"
      closeOnClickOutside={false}
    >
      {revealed && (
        <Stack gap="md">
          <Text>
            {revealed.reason === 'created'
              ? `${name} has been added.`
              : `${name}'s password has been reset.`}{' '}
            Give them this temporary password. They must choose their own when they first sign in.
          </Text>
          <Group gap="sm" wrap="nowrap" className="k-secret">
            <Code className="k-secret-value">{revealed.temporaryPassword}</Code>
            <CopyButton value={revealed.temporaryPassword}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  leftSection={copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy'}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow" variant="light">
            It works once, until {formatTime(revealed.expiresAt)}. It will not be shown again.
          </Alert>
          <Group justify="flex-end">
            <Button onClick={dismiss} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
