import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Printer } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { useLoadFollowing } from '../../hooks/useStoreChange';
import { PrinterForm } from './PrinterForm';

/**
 * Settings → Printers (issue 10, section 2): the receipt printers of this till, each with how it
 * is reached, its paper and whether it prints automatically and opens the drawer; "Print test
 * page", edit and remove. Each printer adds its own logo, header and footer lines to the store
 * details above. The list is read again when the settings change elsewhere (issue 12); a printer
 * open in the form follows it, keeping the member's edits (PrinterForm).
 */
export function PrintersSection() {
  const { t } = useTranslation('printers');
  const [printers, setPrinters] = useState<Printer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Printer | 'new' | null>(null);
  const load = useCallback(async () => {
    try {
      const list = await call('printing:listPrinters');
      setPrinters(list);
      // The printer being edited as last read (as it was, if it has gone since).
      setEditing((e) => (e && e !== 'new' ? (list.find((p) => p.id === e.id) ?? e) : e));
      setError(null);
    } catch (e) {
      setError(messageFor(e));
    }
  }, []);
  useLoadFollowing('settings', load);

  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notifySuccess(done);
      await load();
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Paper withBorder radius="lg" p="xl" component="section" aria-labelledby="settings-printers">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4" id="settings-printers">
            {t('title')}
          </Title>
          <Button leftSection={<IconPlus size={18} />} onClick={() => setEditing('new')}>
            {t('add')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('intro')}
        </Text>
        <FormAlert message={error} />
        {printers?.length === 0 && <Text size="sm">{t('empty')}</Text>}
        {printers && printers.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm" aria-label={t('title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('table.name')}</Table.Th>
                  <Table.Th scope="col">{t('table.connection')}</Table.Th>
                  <Table.Th scope="col">{t('table.paper')}</Table.Th>
                  <Table.Th scope="col">
                    <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {printers.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row">
                      <Stack gap={4}>
                        <Text fw={600} size="sm">
                          {p.name}
                        </Text>
                        <Group gap={4}>
                          {p.isDefault && <Badge color="teal">{t('badge.default')}</Badge>}
                          {p.autoPrint && <Badge variant="light">{t('badge.autoPrint')}</Badge>}
                          {p.cashDrawer && <Badge variant="light">{t('badge.drawer')}</Badge>}
                        </Group>
                      </Stack>
                    </Table.Th>
                    <Table.Td>
                      <Text size="sm">{connectionText(p, t)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`paper.${p.paperWidth}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('testPageFor', { name: p.name })}
                          onClick={() =>
                            void act(
                              () => call('printing:testPage', { id: p.id }),
                              t('testPageQueued'),
                            )
                          }
                        >
                          {t('testPage')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('editFor', { name: p.name })}
                          onClick={() => setEditing(p)}
                        >
                          {t('edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={t('removeFor', { name: p.name })}
                          onClick={() =>
                            void act(
                              () => call('printing:deletePrinter', { id: p.id }),
                              t('removed'),
                            )
                          }
                        >
                          {t('remove')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('addTitle') : t('editTitle')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('form.cancel') }}
      >
        {editing !== null && (
          <PrinterForm
            printer={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              notifySuccess(t('saved'));
              void load();
            }}
          />
        )}
      </Modal>
    </Paper>
  );
}

function connectionText(p: Printer, t: (key: string, o?: Record<string, unknown>) => string) {
  const c = p.connection;
  if (c.type === 'network') return t('connectionText.network', { host: c.host, port: c.port });
  if (c.type === 'queue') return t('connectionText.queue', { queue: c.queue });
  return t('connectionText.driver', { device: c.deviceName });
}
