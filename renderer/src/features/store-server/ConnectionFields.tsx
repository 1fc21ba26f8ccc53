import {
  FileButton,
  Button,
  Group,
  PasswordInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { TLS_MODES, type TlsMode } from '../../../../shared/contract/store-server';
import type { ConnectionValues } from './connection-form';
import './store-server.css';

/**
 * The store server's address, sign-in and TLS mode (issue 12, section 1). With verify-full the
 * CA certificate is pasted or read from a file; it is text, never a path the core would open.
 * The form also sits in the narrow first-run card: each TLS mode has a short name and a line
 * that says what it means, and the certificate field takes the whole width, its file button below.
 */
export function ConnectionFields({ form }: { form: UseFormReturnType<ConnectionValues> }) {
  const { t } = useTranslation('setup');
  const tls = form.getValues().tls;
  const readCa = async (file: File | null) => {
    if (file) form.setFieldValue('ca', await file.text());
  };
  return (
    <>
      <div className="k-server-grid k-server-grid-host">
        <TextInput
          label={t('server.host')}
          description={t('server.hostHint')}
          autoComplete="off"
          {...form.getInputProps('host')}
        />
        <TextInput label={t('server.port')} inputMode="numeric" {...form.getInputProps('port')} />
      </div>
      <div className="k-server-grid">
        <TextInput
          label={t('server.database')}
          autoComplete="off"
          {...form.getInputProps('database')}
        />
        <TextInput label={t('server.user')} autoComplete="off" {...form.getInputProps('user')} />
      </div>
      <PasswordInput
        label={t('server.password')}
        description={t('server.passwordHint')}
        autoComplete="off"
        {...form.getInputProps('password')}
      />
      <Select
        label={t('server.tls')}
        description={t(`server.tlsHints.${tls}`)}
        data={TLS_MODES.map((value) => ({ value, label: t(`server.tlsModes.${value}`) }))}
        renderOption={({ option }) => (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed">
              {t(`server.tlsHints.${option.value as TlsMode}`)}
            </Text>
          </Stack>
        )}
        allowDeselect={false}
        {...form.getInputProps('tls')}
        onChange={(v) => form.setFieldValue('tls', (v ?? 'verify-full') as TlsMode)}
      />
      {tls === 'verify-full' && (
        <Stack gap="xs">
          <Textarea
            label={t('server.ca')}
            description={t('server.caHint')}
            rows={4}
            className="k-server-ca"
            {...form.getInputProps('ca')}
          />
          <Group>
            <FileButton onChange={(f) => void readCa(f)} accept=".pem,.crt,.cer">
              {(props) => (
                <Button variant="default" {...props}>
                  {t('server.caFile')}
                </Button>
              )}
            </FileButton>
          </Group>
        </Stack>
      )}
    </>
  );
}
