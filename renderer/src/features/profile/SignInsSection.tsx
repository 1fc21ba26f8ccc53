import { Badge, Loader, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignInView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { useFormat } from '../../format/locale';

const COLOURS = { success: 'teal', failure: 'red', denied: 'orange' } as const;

/** Your own recent sign-in attempts from the audit log: time, till and outcome (L1). */
export function SignInsSection() {
  const { t } = useTranslation('profile');
  const { dateTime } = useFormat();
  const [items, setItems] = useState<SignInView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    call('profile:signIns').then(
      (r) => setItems(r.items),
      (e: unknown) => setError(messageFor(e)),
    );
  }, []);
  if (error) return <FormAlert message={error} />;
  if (!items) return <Loader size="sm" aria-label={t('signIns.loading')} />;
  if (items.length === 0) return <Text c="dimmed">{t('signIns.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped aria-label={t('signIns.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('signIns.when')}</Table.Th>
            <Table.Th>{t('signIns.till')}</Table.Th>
            <Table.Th>{t('signIns.outcome')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s, i) => (
            <Table.Tr key={`${s.at}-${i}`}>
              <Table.Td>{dateTime(s.at)}</Table.Td>
              <Table.Td>{s.terminal}</Table.Td>
              <Table.Td>
                <Badge color={COLOURS[s.outcome]} variant="light">
                  {s.action === 'auth.lockout' ? t('signIns.lockout') : t(`signIns.${s.outcome}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
