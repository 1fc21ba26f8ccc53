import { Badge, Button, Group, Loader, Stack, Table } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpenSessionView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';

/**
 * Your open sessions, and "Sign out everywhere else": ends every other session of yours, here at
 * once and on every other till at its next action (A8). This session stays signed in.
 */
export function SessionsSection() {
  const { t } = useTranslation('profile');
  const { dateTime } = useFormat();
  const [items, setItems] = useState<OpenSessionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState(false);
  const load = useCallback(() => {
    call('profile:sessions').then(
      (r) => setItems(r.items),
      (e: unknown) => setError(messageFor(e)),
    );
  }, []);
  useEffect(load, [load]);
  const endOthers = async () => {
    setEnding(true);
    try {
      await call('profile:endOtherSessions');
      notifySuccess(t('sessions.ended'));
      load();
    } catch (e) {
      notifyError(e);
    } finally {
      setEnding(false);
    }
  };
  if (error) return <FormAlert message={error} />;
  if (!items) return <Loader size="sm" aria-label={t('sessions.loading')} />;
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={480}>
        <Table aria-label={t('sessions.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('sessions.till')}</Table.Th>
              <Table.Th>{t('sessions.started')}</Table.Th>
              <Table.Th>{t('sessions.lastActive')}</Table.Th>
              <Table.Th>{t('sessions.state')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((s, i) => (
              <Table.Tr key={`${s.startedAt}-${i}`}>
                <Table.Td>{s.terminal}</Table.Td>
                <Table.Td>{dateTime(s.startedAt)}</Table.Td>
                <Table.Td>{dateTime(s.lastActivityAt)}</Table.Td>
                <Table.Td>
                  {s.current ? (
                    <Badge variant="light">{t('sessions.thisOne')}</Badge>
                  ) : s.locked ? (
                    t('sessions.locked')
                  ) : (
                    t('sessions.open')
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" gap="sm">
        <span>{t('sessions.otherTills')}</span>
        <Button variant="light" color="red" loading={ending} onClick={() => void endOthers()}>
          {t('sessions.endOthers')}
        </Button>
      </Group>
    </Stack>
  );
}
