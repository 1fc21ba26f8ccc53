import { Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionTest } from '../../../../shared/contract/store-server';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useBusy } from '../../hooks/useBusy';
import { useSessionStore } from '../../stores/session';
import { ConnectionFields } from './ConnectionFields';
import { ConnectionTestResult } from './ConnectionTestResult';
import { CONNECTION_FIELDS, connectionInput, useConnectionForm } from './connection-form';

/**
 * First run, "Join a store server" (issue 12, section 1): the server's details and this till's
 * name. "Test connection" says what failed, if anything; "Join" tests again, claims the name and
 * reopens the till on the server, which then asks for the store's first admin or a sign-in.
 */
export function JoinServerForm() {
  const { t } = useTranslation('setup');
  const form = useConnectionForm({}, true);
  const start = useSessionStore((s) => s.start);
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [testError, setTestError] = useState<string | null>(null);
  const testing = useBusy();
  const { busy, formError, submit } = useServerSubmit(form, CONNECTION_FIELDS, async (v) => {
    await call('storeServer:join', { connection: connectionInput(v), tillName: v.tillName.trim() });
    await start();
  });
  const runTest = () => {
    if (form.validate().hasErrors) return;
    void testing.run(async () => {
      setTest(null);
      setTestError(null);
      try {
        setTest(await call('storeServer:test', { connection: connectionInput(form.getValues()) }));
      } catch (error) {
        setTestError(messageFor(error));
      }
    });
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <FormAlert message={formError ?? testError} />
        <ConnectionFields form={form} />
        <TextInput
          label={t('join.tillName')}
          description={t('join.tillNameHint')}
          {...form.getInputProps('tillName')}
        />
        <ConnectionTestResult test={test} />
        <Button variant="default" size="lg" fullWidth onClick={runTest} loading={testing.busy}>
          {t('join.test')}
        </Button>
        <Button type="submit" size="lg" fullWidth loading={busy}>
          {t('join.submit')}
        </Button>
      </Stack>
    </form>
  );
}
