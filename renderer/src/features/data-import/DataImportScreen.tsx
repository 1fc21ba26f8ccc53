import { Alert, Button, Code, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFileImport, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { MAX_IMPORT_BYTES, type OnlineRetailReport } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { call } from '../../api/client';
import { notifySuccess } from '../../components/notify';
import { useCustomersStore } from '../../stores/customers';
import { useProductsStore } from '../../stores/products';
import { useSettingsStore } from '../../stores/settings';
import { CsvImportDialog } from './CsvImportDialog';
import { importProblem, type ImportProblem, tooLarge } from './import-errors';
import {
  EncodingNote,
  ImportProblemAlert,
  ImportProgressBar,
  type ImportStage,
  ImportStages,
  RejectedRowsTable,
} from './ImportPieces';
import { readFileBase64 } from './read-file';
import { useImportProgress } from './use-import-progress';
import './data-tables.css';
/** The Online Retail file is in pounds sterling. */
const FILE_CURRENCY = 'GBP';
const STAGES: readonly ImportStage[] = ['reading', 'importing', 'done'];

const count = new Intl.NumberFormat();
const gbp = (minor: number) => formatMoney(minor, FILE_CURRENCY);

/**
 * Import data (permission data.import, which every bulk import needs: F3): the Online Retail
 * importer (UCI Online Retail, December 2010, GBP) with its report, and the product and customer
 * CSV imports. The navigation shows this screen only to members who have data.import.
 */
export function DataImportScreen() {
  const [dialog, setDialog] = useState<'products' | 'customers' | null>(null);
  const importProducts = useProductsStore((s) => s.importCsv);
  const importCustomers = useCustomersStore((s) => s.importCsv);

  return (
    <Stack gap="lg" maw={1100}>
      <Title order={1} size="h2">
        Import data
      </Title>
      <OnlineRetailImport />
      <Paper withBorder radius="lg" p="xl">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Products and customers from CSV
          </Title>
          <Text c="dimmed">
            Add products or customers from a spreadsheet saved as CSV. Each file is checked first;
            existing records are never overwritten.
          </Text>
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconFileImport size={20} />}
              onClick={() => setDialog('products')}
            >
              Import products CSV
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileImport size={20} />}
              onClick={() => setDialog('customers')}
            >
              Import customers CSV
            </Button>
          </Group>
        </Stack>
      </Paper>
      <CsvImportDialog
        opened={dialog === 'products'}
        onClose={() => setDialog(null)}
        title="Import products"
        noun="products"
        columns="sku,barcode,name,price,tax_rate,kind,active"
        columnsHelp="price in the store currency like 2.55; tax_rate in percent like 20; kind is stock, fee, postage, discount or manual; active is true or false."
        duplicateRule="a SKU or barcode that is already used"
        run={importProducts}
      />
      <CsvImportDialog
        opened={dialog === 'customers'}
        onClose={() => setDialog(null)}
        title="Import customers"
        noun="customers"
        columns="name,email,phone,country,notes"
        columnsHelp="Only name is required; email and phone must be unique."
        duplicateRule="an email or phone number that is already used"
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
    if (file.size === 0)
      return setProblem({ headline: 'The file is empty. Nothing was changed.', detail: null });
    setBusy(true);
    try {
      setStage('reading');
      const csvBase64 = await readFileBase64(file);
      setStage('importing');
      const answer = await track((jobId) => call('import:onlineRetail', { csvBase64, jobId }));
      setReport(answer);
      setStage('done');
      notifySuccess(
        answer.rejected.length > 0
          ? 'The file was checked; some rows were refused, so nothing was imported.'
          : `${count.format(answer.salesCreated + answer.refundsCreated)} sales and refunds imported.`,
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
          Online Retail history
        </Title>
        <Text>
          Imports the UCI <em>Online Retail</em> data set (a UK online shop, December 2010, prices
          in pounds sterling) as past sales. The file is a CSV with the columns{' '}
          <Code>
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
          </Code>
          .
        </Text>
        <List size="sm" spacing={4}>
          <List.Item>
            Every invoice becomes a sale at its original time; invoices starting with C become
            refunds.
          </List.Item>
          <List.Item>
            A row without a CustomerID is a walk-in sale; customers and products are created as
            needed.
          </List.Item>
          <List.Item>The store currency must be GBP.</List.Item>
        </List>
        <Alert role="note" variant="light" color="blue" icon={<IconInfoCircle size={20} />}>
          It is all or nothing: if any row is refused, nothing is written. Importing the same file
          again adds nothing; invoices already imported are left as they were.
        </Alert>
        {wrongCurrency && (
          <Alert role="alert" variant="light" color="orange" icon={<IconInfoCircle size={20} />}>
            This store&apos;s currency is {storeCurrency}, but the Online Retail file is in pounds
            sterling (GBP), so it cannot be imported here. Nothing will be written.
          </Alert>
        )}
        <Stack gap={6}>
          <label htmlFor={inputId} className="k-file-label">
            Online Retail CSV file
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
                    reading: `${count.format(report.rows)} rows`,
                    importing: `${count.format(report.invoices)} invoices`,
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
            Import
          </Button>
        </Group>
        <ImportProgressBar progress={progress} />
        <ImportProblemAlert problem={problem} />
        {report && <OnlineRetailReportView report={report} />}
        <Text size="xs" c="dimmed">
          Data: Daqing Chen, Online Retail, UCI Machine Learning Repository, doi:10.24432/C5BW33 (CC
          BY 4.0).
        </Text>
      </Stack>
    </Paper>
  );
}

/** What the import did: the counts, the refused rows, and the totals per day. */
export function OnlineRetailReportView({ report }: { report: OnlineRetailReport }) {
  const failed = report.rejected.length > 0;
  const totals = report.days.reduce(
    (t, d) => ({
      sales: t.sales + d.sales,
      refunds: t.refunds + d.refunds,
      gross: t.gross + d.gross,
      refundTotal: t.refundTotal + d.refundTotal,
      net: t.net + d.net,
    }),
    { sales: 0, refunds: 0, gross: 0, refundTotal: 0, net: 0 },
  );
  return (
    <Stack gap="md" aria-label="Import report" role="region">
      {failed && (
        <Alert color="red" variant="light" title="Nothing was imported">
          {count.format(report.rejected.length)} rows were refused. Fix them and import the file
          again.
        </Alert>
      )}
      <EncodingNote encoding={report.encoding} />
      <div className="k-report-figures">
        <Fig label="Rows" value={report.rows} />
        <Fig label="Invoices" value={report.invoices} />
        <Fig label="Sales" value={report.salesCreated} />
        <Fig label="Refunds" value={report.refundsCreated} />
        <Fig label="Already imported" value={report.alreadyImported} />
        <Fig label="Customers created" value={report.customersCreated} />
        <Fig label="Products created" value={report.productsCreated} />
        <Fig label="Rejected rows" value={report.rejected.length} />
      </div>
      {failed && <RejectedRowsTable rows={report.rejected} total={report.rejected.length} />}
      {report.days.length > 0 && (
        <>
          <Title order={3} size="h5">
            Per day (store time zone)
          </Title>
          <Table.ScrollContainer minWidth={640}>
            <Table
              verticalSpacing={6}
              striped
              highlightOnHover
              aria-label="Per-day totals"
              className="k-data-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date</Table.Th>
                  <Table.Th className="k-num">Sales</Table.Th>
                  <Table.Th className="k-num">Refunds</Table.Th>
                  <Table.Th className="k-num">Gross</Table.Th>
                  <Table.Th className="k-num">Refunds total</Table.Th>
                  <Table.Th className="k-num">Net</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.days.map((d) => (
                  <Table.Tr key={d.date}>
                    <Table.Td className="k-nowrap">{formatDay(d.date)}</Table.Td>
                    <Table.Td className="k-num">{count.format(d.sales)}</Table.Td>
                    <Table.Td className="k-num">{count.format(d.refunds)}</Table.Td>
                    <Table.Td className="k-num">{gbp(d.gross)}</Table.Td>
                    <Table.Td className="k-num">{gbp(d.refundTotal)}</Table.Td>
                    <Table.Td className="k-num">{gbp(d.net)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr className="k-total-row">
                  <Table.Th scope="row">Total</Table.Th>
                  <Table.Td className="k-num">{count.format(totals.sales)}</Table.Td>
                  <Table.Td className="k-num">{count.format(totals.refunds)}</Table.Td>
                  <Table.Td className="k-num">{gbp(totals.gross)}</Table.Td>
                  <Table.Td className="k-num">{gbp(totals.refundTotal)}</Table.Td>
                  <Table.Td className="k-num">{gbp(totals.net)}</Table.Td>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}

/** "Wed 1 Dec 2010" for a YYYY-MM-DD store day (read as a calendar date, not a UTC instant). */
function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

function Fig({ label, value }: { label: string; value: number }) {
  return (
    <div role="group" aria-label={label} className="k-stat">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fw={700} size="lg" className="k-stat-value">
        {count.format(value)}
      </Text>
    </div>
  );
}
