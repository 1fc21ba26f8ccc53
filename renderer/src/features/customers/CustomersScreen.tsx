import {
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconFileImport, IconUserPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../../shared/contract';
import { displayPhone } from '../../../../shared/phone';
import { FormAlert } from '../../components/FormAlert';
import { SearchField } from '../../components/SearchField';
import { notifyError, notifySuccess } from '../../components/notify';
import { useCustomersStore } from '../../stores/customers';
import { can, useSessionStore } from '../../stores/session';
import { useSettingsStore } from '../../stores/settings';
import { CsvImportDialog } from '../data-import/CsvImportDialog';
import { CustomerFormModal } from './CustomerFormModal';
import { CustomerPanel } from './CustomerPanel';
import { RemoveCustomerModal } from './RemoveCustomerModal';
import '../data-import/data-tables.css';
import './customers.css';

/**
 * Customers (permission customers.manage): search by any part of name, email or phone (ranked by
 * the core), load more, open a customer's page with their lifetime figures and purchase history,
 * add, edit, remove or restore, and import a CSV file.
 */
export function CustomersScreen() {
  const { t } = useTranslation('customers');
  const { search, includeArchived, items, hasMore, loading, loaded, error } = useCustomersStore();
  const { selectedId, detail, detailError } = useCustomersStore();
  const store = useCustomersStore.getState;
  const load = useCustomersStore((s) => s.load);
  const setFilters = useCustomersStore((s) => s.setFilters);
  const session = useSessionStore((s) => s.session);
  const canManage = can(session, 'customers.manage');
  // Bulk import needs data.import (F3), not only customers.manage.
  const canImport = can(session, 'data.import');
  const settings = useSettingsStore((s) => s.settings);
  const ensureSettings = useSettingsStore((s) => s.ensureLoaded);

  const [editing, setEditing] = useState<CustomerView | 'new' | null>(null);
  const [removing, setRemoving] = useState<CustomerView | null>(null);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    void ensureSettings();
    void load();
  }, [ensureSettings, load]);

  const onRestore = async (customer: CustomerView) => {
    try {
      const restored = await store().restore(customer.id);
      notifySuccess(t('restored', { name: restored.name }));
    } catch (e) {
      notifyError(e, t('restoreFailed'));
    }
  };

  return (
    <Stack gap="lg" className="k-customers-screen">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        {canManage && (
          <Group gap="sm">
            {canImport && (
              <Button
                variant="default"
                leftSection={<IconFileImport size={20} />}
                onClick={() => setImporting(true)}
              >
                {t('importCsv')}
              </Button>
            )}
            <Button leftSection={<IconUserPlus size={20} />} onClick={() => setEditing('new')}>
              {t('newCustomer')}
            </Button>
          </Group>
        )}
      </Group>

      <Group gap="lg" align="flex-end" wrap="wrap">
        <SearchField
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={search}
          onSearch={(value) => void setFilters({ search: value })}
        />
        <Switch
          label={t('showArchived')}
          size="md"
          mb={10}
          checked={includeArchived}
          onChange={(event) => void setFilters({ includeArchived: event.currentTarget.checked })}
        />
      </Group>

      <FormAlert message={error} />
      <div className="k-customers" data-open={selectedId !== null || undefined}>
        <Stack gap="md">
          {!loaded ? (
            <Center p="xl">
              <Loader aria-label={t('loading')} />
            </Center>
          ) : items.length === 0 ? (
            !error && (
              <Text c="gray.7" p="lg" ta="center">
                {search.trim()
                  ? t('empty.noMatch', { search: search.trim() })
                  : canImport
                    ? t('empty.noneImport')
                    : t('empty.none')}
              </Text>
            )
          ) : (
            <CustomersTable
              items={items}
              selectedId={selectedId}
              compact={selectedId !== null}
              onOpen={(c) => void store().open(c.id)}
            />
          )}
          {hasMore && (
            <Center>
              <Button variant="default" loading={loading} onClick={() => void store().loadMore()}>
                {t('loadMore')}
              </Button>
            </Center>
          )}
        </Stack>
        {selectedId !== null && (
          <CustomerPanel
            key={selectedId}
            detail={detail}
            error={detailError}
            currency={settings?.currency ?? detail?.recentSales[0]?.currency ?? 'GBP'}
            canManage={canManage}
            onClose={() => store().close()}
            onEdit={() => detail && setEditing(detail.customer)}
            onRemove={() => detail && setRemoving(detail.customer)}
            onRestore={() => detail && void onRestore(detail.customer)}
          />
        )}
      </div>

      <CustomerFormModal
        target={editing}
        onClose={() => setEditing(null)}
        onCreated={(c) => void store().open(c.id)}
      />
      <RemoveCustomerModal customer={removing} onClose={() => setRemoving(null)} />
      <CsvImportDialog
        opened={canImport && importing}
        onClose={() => setImporting(false)}
        title={t('import.title')}
        noun={t('import.noun')}
        columns="name,email,phone,country,notes"
        columnsHelp={t('import.columnsHelp')}
        duplicateRule={t('import.duplicateRule')}
        run={(input) => store().importCsv(input)}
      />
    </Stack>
  );
}

function CustomersTable({
  items,
  compact,
  selectedId,
  onOpen,
}: {
  items: readonly CustomerView[];
  selectedId: number | null;
  /** Beside an open customer page: name, and email with phone under it. */
  compact: boolean;
  onOpen: (customer: CustomerView) => void;
}) {
  const { t } = useTranslation('customers');
  return (
    <Table.ScrollContainer minWidth={compact ? 0 : 560}>
      <Table
        verticalSpacing="xs"
        highlightOnHover
        aria-label={t('table.label')}
        className="k-data-table"
      >
        <Table.Thead>
          {compact ? (
            <Table.Tr>
              <Table.Th>{t('table.name')}</Table.Th>
              <Table.Th>{t('table.emailAndPhone')}</Table.Th>
            </Table.Tr>
          ) : (
            <Table.Tr>
              <Table.Th>{t('table.name')}</Table.Th>
              <Table.Th>{t('table.email')}</Table.Th>
              <Table.Th>{t('table.phone')}</Table.Th>
              <Table.Th>{t('table.country')}</Table.Th>
            </Table.Tr>
          )}
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr
              key={c.id}
              className={c.id === selectedId ? 'k-row-selected' : undefined}
              aria-selected={c.id === selectedId}
            >
              <Table.Td>
                <UnstyledButton className="k-link-button" onClick={() => onOpen(c)}>
                  {c.name}
                </UnstyledButton>
                {c.archived && (
                  <Text span size="xs" c="gray.7" ml={6}>
                    {t('table.archived')}
                  </Text>
                )}
              </Table.Td>
              {compact ? (
                <Table.Td>
                  <Text size="sm" className="k-break">
                    {c.email ?? ''}
                  </Text>
                  <Text size="sm" c="gray.7" className="k-nowrap">
                    {c.phone ? displayPhone(c.phone) : ''}
                  </Text>
                </Table.Td>
              ) : (
                <>
                  <Table.Td>{c.email ?? ''}</Table.Td>
                  <Table.Td className="k-nowrap">{c.phone ? displayPhone(c.phone) : ''}</Table.Td>
                  <Table.Td>{c.country ?? ''}</Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
