import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { CopyToServerForm } from './CopyToServerForm';
import { connectionInput, useConnectionForm, type ConnectionValues } from './connection-form';
import { ReconnectForm } from './ReconnectForm';
import { TillsList } from './TillsList';

type Connection = ChannelOutput<'storeServer:connection'>;
type OnServer = Extract<Connection, { kind: 'server' }>;

/**
 * Settings → Store server (issue 12, section 1): where this till's data is. A till on its own
 * file can copy its data to a new store server (CopyToServerForm). On a server, an admin
 * changes the connection (a new address, password or TLS mode): the core tests it, finds this
 * till there, saves it and reopens, so everyone signs in again. Asks for the password (S3). Below,
 * the store's tills (TillsList).
 */
export function StoreServerSection() {
  const { t } = useTranslation('settings');
  const [connection, setConnection] = useState<Connection | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    call('storeServer:connection').then(setConnection, (e: unknown) => setError(messageFor(e)));
  }, []);

  return (
    <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-server">
      <Stack gap="md">
        <Title order={2} size="h4" id="settings-server">
          {t('storeServer.title')}
        </Title>
        <FormAlert message={error} />
        {connection?.kind === 'local' && (
          <>
            <Text>{t('storeServer.local')}</Text>
            {editing ? (
              <CopyToServerForm onCancel={() => setEditing(false)} />
            ) : (
              <Group>
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('storeServer.copyStart')}
                </Button>
              </Group>
            )}
          </>
        )}
        {connection?.kind === 'server' && (
          <>
            <Text>
              {t('storeServer.where', {
                till: connection.tillName,
                server: `${connection.host}:${connection.port}/${connection.database}`,
                user: connection.user,
              })}
            </Text>
            {editing ? (
              <ChangeConnectionForm current={connection} onCancel={() => setEditing(false)} />
            ) : (
              <Group>
                <Button variant="default" onClick={() => setEditing(true)}>
                  {t('storeServer.change')}
                </Button>
              </Group>
            )}
            <TillsList />
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The current connection to edit; the password is typed again (it never comes back). */
function ChangeConnectionForm({ current, onCancel }: { current: OnServer; onCancel: () => void }) {
  const { t } = useTranslation('settings');
  const { host, port, database, user, tls } = current;
  const form = useConnectionForm({ host, port: String(port), database, user, tls }, false);
  const save = async (v: ConnectionValues) => {
    await call('storeServer:change', { connection: connectionInput(v) });
    notifySuccess(t('storeServer.changed'));
  };
  return (
    <ReconnectForm
      form={form}
      save={save}
      saveLabel={t('storeServer.save')}
      hint={t('storeServer.reconnectHint')}
      onCancel={onCancel}
    />
  );
}
