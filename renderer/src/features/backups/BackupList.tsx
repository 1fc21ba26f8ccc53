import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { useBackupsStore } from '../../stores/backups';
import { fileSize } from './file-size';
import { RestoreDialog } from './RestoreDialog';

const REASONS = ['manual', 'daily', 'shiftClose', 'preMigration', 'preRestore'];

/** The backup files on this computer and in the second folder, newest first, each restorable. */
export function BackupList() {
  const { t } = useTranslation('backups');
  const { dateTime, count } = useFormat();
  const list = useBackupsStore((s) => s.list);
  const [chosen, setChosen] = useState<BackupEntry | null>(null);

  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('list.title')}
      </Title>
      {list && list.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('list.empty')}
        </Text>
      )}
      {list && list.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.when')}</Table.Th>
                <Table.Th>{t('list.reason')}</Table.Th>
                <Table.Th>{t('list.where')}</Table.Th>
                <Table.Th ta="right">{t('list.sales')}</Table.Th>
                <Table.Th ta="right">{t('size')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((b) => (
                <Table.Tr key={`${b.location}/${b.name}`}>
                  <Table.Td>
                    {dateTime(b.createdAt)}{' '}
                    {b.encrypted && (
                      <Badge size="xs" variant="light">
                        {t('list.encrypted')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {REASONS.includes(b.reason) ? t(`reasons.${b.reason}`) : b.reason}
                  </Table.Td>
                  <Table.Td>{t(`locations.${b.location}`)}</Table.Td>
                  <Table.Td ta="right">{b.sales === null ? '' : count(b.sales)}</Table.Td>
                  <Table.Td ta="right">{fileSize(b.bytes)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={t('list.restoreLabel', { when: dateTime(b.createdAt) })}
                      onClick={() => setChosen(b)}
                    >
                      {t('list.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RestoreDialog backup={chosen} onClose={() => setChosen(null)} />
    </Stack>
  );
}
