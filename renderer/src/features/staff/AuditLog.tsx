import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { AppError } from '../../../../shared/errors';
import { FormAlert } from '../../components/FormAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useAuditStore } from '../../stores/audit';
import { AuditChainNotice } from './AuditChainNotice';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { downloadText } from './download';

/**
 * The audit log, newest first, with "Load more" for older events. Read-only. Above it, the chain's
 * integrity, the filters (applied by the core) and "Export CSV" of everything they match (the
 * core writes the CSV and neutralises formulas; it asks for the password again).
 */
export function AuditLog() {
  const { t } = useTranslation('audit');
  const { items, filters, options, hasMore, loading, error } = useAuditStore();
  const { load, loadMore, loadOptions, setFilters, exportCsv } = useAuditStore.getState();
  const exporting = useBusy();
  const names = useMemo(() => new Map(options.actors.map((a) => [a.id, a.name])), [options]);

  useEffect(() => {
    void load();
    void loadOptions();
  }, [load, loadOptions]);

  const exportNow = () =>
    exporting.run(async () => {
      try {
        const out = await exportCsv();
        downloadText(`kassa-audit-${new Date().toISOString().slice(0, 10)}.csv`, out.csv);
        notifySuccess(
          out.truncated
            ? t('export.truncated', { count: out.rows })
            : t('export.done', { count: out.rows }),
        );
      } catch (caught) {
        if (caught instanceof AppError && caught.code === 'REAUTH_REQUIRED') return; // Said by the dialog.
        notifyError(caught);
      }
    });

  return (
    <Stack gap="md">
      <AuditChainNotice />
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <AuditFilters filters={filters} options={options} onChange={(f) => void setFilters(f)} />
        <Button
          variant="default"
          leftSection={<IconDownload size={18} />}
          loading={exporting.busy}
          onClick={() => void exportNow()}
        >
          {t('export.button')}
        </Button>
      </Group>
      <FormAlert message={error} />
      {loading && items.length === 0 && (
        <Center p="xl">
          <Loader aria-label={t('loading')} />
        </Center>
      )}
      {items.length > 0 && <AuditTable items={items} names={names} />}
      {!loading && !error && items.length === 0 && (
        <Text c="gray.7" p="lg" ta="center">
          {Object.keys(filters).length > 0 ? t('emptyFiltered') : t('empty')}
        </Text>
      )}
      {hasMore && (
        <Center>
          <Button variant="default" loading={loading} onClick={() => void loadMore()}>
            {t('loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
