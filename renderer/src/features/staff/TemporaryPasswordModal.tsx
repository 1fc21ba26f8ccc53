import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale';
import { useStaffStore } from '../../stores/staff';

/**
 * Shows a temporary password once, with its expiry and a copy button. Closing it drops the
 * password from memory; it cannot be shown again (R1).
 */
export function TemporaryPasswordModal() {
  const { t } = useTranslation('staff');
  const { dateTime } = useFormat();
  const revealed = useStaffStore((s) => s.revealed);
  const dismiss = useStaffStore((s) => s.dismissRevealed);
  const name = revealed?.staff.displayName ?? '';
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={revealed !== null}
      onClose={dismiss}
      title={t('temporary.title')}
      size="md"
      closeOnClickOutside={false}
    >
      {revealed && (
        <Stack gap="md">
          <Text>
            {t(revealed.reason === 'created' ? 'temporary.created' : 'temporary.reset', { name })}{' '}
            {t('temporary.give')}
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
                  {copied ? t('temporary.copied') : t('temporary.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Alert color="yellow" variant="light">
            {t('temporary.expires', {
              time: dateTime(revealed.expiresAt, { dateStyle: undefined }),
            })}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={dismiss} data-autofocus>
              {t('temporary.done')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
