import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../../stores/session';

/** The text file "download as text" saves: a heading, the member, and one code a line. */
function codesText(heading: string, who: string, codes: readonly string[]): string {
  return `${heading}\n${who}\n\n${codes.join('\n')}\n`;
}

/**
 * The 10 recovery codes, shown this once (the core keeps only their hashes, T3), with a
 * "download as text" button. Each code signs in once in place of an authenticator code.
 */
export function RecoveryCodes({ codes, onDone }: { codes: readonly string[]; onDone: () => void }) {
  const { t } = useTranslation('profile');
  const username = useSessionStore((s) => s.session?.staff.username ?? '');

  const download = () => {
    const text = codesText(t('twoFactor.codes.fileHeading'), username, codes);
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `kassa-recovery-codes-${username}.txt`;
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={20} />}>
        {t('twoFactor.codes.once')}
      </Alert>
      <Text size="sm">{t('twoFactor.codes.intro')}</Text>
      <List
        type="ordered"
        ff="monospace"
        fz="lg"
        spacing={4}
        aria-label={t('twoFactor.codes.listLabel')}
        data-testid="recovery-codes"
        style={{ columns: '2 14rem' }}
      >
        {codes.map((code) => (
          <List.Item key={code}>{code}</List.Item>
        ))}
      </List>
      <Group>
        <Button variant="light" onClick={download}>
          {t('twoFactor.codes.download')}
        </Button>
        <Button onClick={onDone}>{t('twoFactor.codes.done')}</Button>
      </Group>
    </Stack>
  );
}
