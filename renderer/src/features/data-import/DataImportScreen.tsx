import { Alert, Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { MAX_IMPORT_BYTES, type OnlineRetailReport } from '../../../../shared/contract';
import { call } from '../../api/client';
import { notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useCustomersStore } from '../../stores/customers';
import { useProductsStore } from '../../stores/products';
import { useSettingsStore } from '../../stores/settings';
import { CsvImportDialog } from './CsvImportDialog';
import { emptyFile, importProblem, type ImportProblem, tooLarge } from './import-errors';
import {
  ImportProblemAlert,
  ImportProgressBar,
  type ImportStage,
  ImportStages,
} from './ImportPieces';
import { FILE_CURRENCY, OnlineRetailReportView } from './OnlineRetailReport';
import { readFileBase64 } from './read-file';
import { useImportProgress } from './use-import-progress';
import './data-tables.css';

const STAGES: readonly ImportStage[] = ['reading', 'importing', 'done'];
/** The header line of the Online Retail file. */
const RETAIL_COLUMNS =
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

/**
 * Import data (permission data.import, which every bulk import needs: F3): the Online Retail
 * importer (UCI Online Retail, December 2010, GBP) with its report, and the product and customer
 * CSV imports. The navigation shows this screen only to members who have data.import.
 */
export function DataImportScreen() {
  const [dialog, setDialog] = useState<'products' | 'customers' | null>(null);
  const importProducts = useProductsStore((s) => s.importCsv);
  const importCustomers = useCustomersStore((s) => s.importCsv);
  const { t } = useTranslation('dataImport');

  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <OnlineRetailImport />
      <Paper withBorder radius="lg" p="xl">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('csv.title')}
          </Title>
          <Text c="dimmed">{t('csv.intro')}</Text>
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconFileImport size={20} />}
              onClick={() => setDialog('products')}
            >
              {t('csv.importProducts')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileImport size={20} />}
              onClick={() => setDialog('customers')}
            >
              {t('csv.importCustomers')}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <CsvImportDialog
        opened={dialog === 'products'}
        onClose={() => setDialog(null)}
        title={t('products:import.title')}
        noun={t('products:import.noun')}
        columns="sku,barcode,name,price,tax_rate,kind,active"
        columnsHelp={t('products:import.columnsHelp')}
        duplicateRule={t('products:import.duplicateRule')}
        run={importProducts}
      />
      <CsvImportDialog
        opened={dialog === 'customers'}
        onClose={() => setDialog(null)}
        title={t('customers:import.title')}
        noun={t('customers:import.noun')}
        columns="name,email,phone,country,notes"
        columnsHelp={t('customers:import.columnsHelp')}
        duplicateRule={t('customers:import.duplicateRule')}
        run={importCustomers}
      />
    </Stack>
  );
}

/** Picks the Online Retail file, imports it, and shows the report. */
function OnlineRetailImport() {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<ImportStage | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<OnlineRetailReport | null>(null);
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const { progress, track } = useImportProgress();
  const { t } = useTranslation('dataImport');
  const { count } = useFormat();
  const storeCurrency = useSettingsStore((s) => s.settings?.currency ?? null);
  const ensureSettings = useSettingsStore((s) => s.ensureLoaded);
  useEffect(() => {
    void ensureSettings();
  }, [ensureSettings]);
  // Said before any file is read: the core refuses it too, before anything is written (item 8).
  const wrongCurrency = storeCurrency !== null && storeCurrency !== FILE_CURRENCY;

  const start = async () => {
    if (!file || wrongCurrency) return;
    setProblem(null);
    setReport(null);
    const big = tooLarge(file, MAX_IMPORT_BYTES);
    if (big) return setProblem(big);
    if (file.size === 0) return setProblem(emptyFile());
    setBusy(true);
    try {
      setStage('reading');
      const csvBase64 = await readFileBase64(file);
      setStage('importing');
      const answer = await track((jobId) => call('import:onlineRetail', { csvBase64, jobId }));
      setReport(answer);
      setStage('done');
      const created = answer.salesCreated + answer.refundsCreated;
      notifySuccess(
        answer.rejected.length > 0
          ? t('retail.refusedNotice')
          : t('retail.importedNotice', { count: created, formatted: count(created) }),
      );
    } catch (error) {
      setStage(null);
      setProblem(importProblem(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder radius="lg" p="xl">
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('retail.title')}
        </Title>
        <Text>
          <Trans
            t={t}
            i18nKey="retail.intro"
            values={{ columns: RETAIL_COLUMNS }}
            components={{ em: <em />, code: <Code /> }}
          />
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>{t('retail.ruleInvoices')}</List.Item>
          <List.Item>{t('retail.ruleWalkIn')}</List.Item>
          <List.Item>{t('retail.ruleCurrency')}</List.Item>
        </List>
        <Alert role="note" variant="light" color="blue" icon={<IconInfoCircle size={20} />}>
          {t('retail.allOrNothing')}
        </Alert>
        {wrongCurrency && (
          <Alert role="alert" variant="light" color="orange" icon={<IconInfoCircle size={20} />}>
            {t('retail.wrongCurrency', { currency: storeCurrency })}
          </Alert>
        )}
        <Stack gap={6}>
          <label htmlFor={inputId} className="k-file-label">
            {t('retail.fileLabel')}
          </label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            className="k-file-input"
            disabled={busy || wrongCurrency}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setReport(null);
              setProblem(null);
              setStage(null);
            }}
          />
        </Stack>
        <Group justify="space-between" align="center">
          <ImportStages
            stages={STAGES}
            stage={stage}
            busy={busy}
            descriptions={
              report
                ? {
                    reading: t('stageCounts.rows', {
                      count: report.rows,
                      formatted: count(report.rows),
                    }),
                    importing: t('stageCounts.invoices', {
                      count: report.invoices,
                      formatted: count(report.invoices),
                    }),
                  }
                : {}
            }
          />
          <Button
            leftSection={<IconFileImport size={20} />}
            disabled={!file || wrongCurrency}
            loading={busy}
            onClick={() => void start()}
          >
            {t('retail.import')}
          </Button>
        </Group>
        <ImportProgressBar progress={progress} />
        <ImportProblemAlert problem={problem} />
        {report && <OnlineRetailReportView report={report} />}
        <Text size="xs" c="dimmed">
          {t('retail.credit')}
        </Text>
      </Stack>
    </Paper>
  );
}
