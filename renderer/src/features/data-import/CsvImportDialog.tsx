import { Alert, Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { type ImportReport, MAX_IMPORT_BYTES } from '../../../../shared/contract';
import { notifySuccess } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { emptyFile, importProblem, type ImportProblem, tooLarge } from './import-errors';
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

export interface CsvImportDialogProps {
  opened: boolean;
  onClose: () => void;
  /** "Import products", already translated by the caller. */
  title: string;
  /** Plural noun for the records, translated: "products", "customers" ("Artikel", "Kunden"). */
  noun: string;
  /** The header line the file must have, e.g. "sku,barcode,name,price,tax_rate,kind,active". */
  columns: string;
  /** One sentence on the columns' formats, translated. */
  columnsHelp: string;
  /** What makes a row a duplicate, translated, e.g. "a SKU or barcode that is already used". */
  duplicateRule: string;
  /**
   * Checks (`commit: false`, writes nothing) or imports the file (its bytes in base64) as job
   * `jobId`; throws the AppError.
   */
  run: (input: { csvBase64: string; jobId: string; commit: boolean }) => Promise<ImportReport>;
  /** Choices shown above the file (the staff import: active or pending). */
  options?: ReactNode;
  /** True: a file with any rejected row cannot be imported at all (the staff import). */
  allOrNothing?: boolean;
  /** Shown under the results once the import is done (the staff import's temporary passwords). */
  afterImport?: ReactNode;
}

/**
 * The CSV import for products and customers, in two steps: "Check file" reads the file and asks the
 * core to check every row without writing anything (rows, accepted, rejected with line and
 * reason); "Import n rows" then writes the accepted rows in one transaction. Existing records are
 * never overwritten, and nothing is written if the import fails. While the core works, a progress
 * bar shows how far it is (import:progress). The file goes to the core as bytes, so the core
 * decides its text encoding (F3).
 */
export function CsvImportDialog(props: CsvImportDialogProps) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="xl">
      {props.opened && <CsvImport {...props} />}
    </Modal>
  );
}

interface Checked {
  csvBase64: string;
  report: ImportReport;
}

function CsvImport({
  onClose,
  noun,
  columns,
  columnsHelp,
  duplicateRule,
  run,
  options,
  allOrNothing = false,
  afterImport,
}: CsvImportDialogProps) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<ImportStage | null>(null);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [done, setDone] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ImportProblem | null>(null);
  const { progress, track } = useImportProgress();
  const { t } = useTranslation('dataImport');
  const { count } = useFormat();

  const check = async () => {
    if (!file) return;
    setProblem(null);
    setChecked(null);
    setDone(null);
    const big = tooLarge(file, MAX_IMPORT_BYTES);
    if (big) return setProblem(big);
    if (file.size === 0) return setProblem(emptyFile());
    setBusy(true);
    try {
      setStage('reading');
      const csvBase64 = await readFileBase64(file);
      setStage('checking');
      const report = await track((jobId) => run({ csvBase64, jobId, commit: false }));
      setChecked({ csvBase64, report });
      setStage('importing');
    } catch (error) {
      setStage(null);
      setProblem(importProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const commit = async () => {
    if (!checked) return;
    setProblem(null);
    setBusy(true);
    try {
      setStage('importing');
      const { csvBase64 } = checked;
      const report = await track((jobId) => run({ csvBase64, jobId, commit: true }));
      setDone(report);
      setStage('done');
      notifySuccess(t('dialog.imported', { formatted: count(report.created), noun }));
    } catch (error) {
      setProblem(importProblem(error));
    } finally {
      setBusy(false);
    }
  };

  const shown = done ?? checked?.report ?? null;
  const descriptions: Partial<Record<ImportStage, string>> = {};
  if (checked) {
    const { rows, accepted, rejectedCount } = checked.report;
    descriptions.reading = t('stageCounts.rows', { count: rows, formatted: count(rows) });
    descriptions.checking = t('stageCounts.checked', {
      accepted: count(accepted),
      rejected: count(rejectedCount),
    });
  }
  if (done) descriptions.done = t('dialog.added', { formatted: count(done.created), noun });

  return (
    <Stack gap="md">
      <Text>
        <Trans
          t={t}
          i18nKey="dialog.columns"
          values={{ columns, help: columnsHelp }}
          components={{ code: <Code /> }}
        />
      </Text>
      <Alert role="note" variant="light" color="blue" icon={<IconInfoCircle size={20} />}>
        {t('dialog.neverOverwritten', { rule: duplicateRule })}
      </Alert>

      {options}
      <Stack gap={6}>
        <label htmlFor={inputId} className="k-file-label">
          {t('dialog.fileLabel')}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          className="k-file-input"
          disabled={busy}
          data-autofocus
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            setChecked(null);
            setDone(null);
            setProblem(null);
            setStage(null);
          }}
        />
      </Stack>

      <ImportStages stage={stage} busy={busy} descriptions={descriptions} />
      <ImportProgressBar progress={progress} />
      <ImportProblemAlert problem={problem} />

      {shown && (
        <Stack gap="sm" aria-live="polite">
          <Group gap="xl" className="k-import-counts">
            <Figure label={t('figures.rows')} value={shown.rows} />
            <Figure label={t('figures.accepted')} value={shown.accepted} />
            <Figure label={t('figures.rejected')} value={shown.rejectedCount} />
            {done && <Figure label={t('figures.imported')} value={done.created} />}
          </Group>
          <EncodingNote encoding={shown.encoding} />
          <RejectedRowsTable rows={shown.rejected} total={shown.rejectedCount} />
          {!done && shown.accepted === 0 && <Text c="dimmed">{t('dialog.nothingImportable')}</Text>}
          {!done && allOrNothing && shown.accepted > 0 && shown.rejectedCount > 0 && (
            <Text c="dimmed">{t('dialog.allOrNothingRefused')}</Text>
          )}
          {done && (
            <Text>
              {t(done.rejectedCount > 0 ? 'dialog.rowsImportedSomeLeft' : 'dialog.rowsImported', {
                count: done.created,
                formatted: count(done.created),
              })}
            </Text>
          )}
          {done && afterImport}
        </Stack>
      )}

      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {done ? t('common:actions.close') : t('common:actions.cancel')}
        </Button>
        {!done && (
          <Button
            variant={checked ? 'default' : 'filled'}
            onClick={() => void check()}
            disabled={!file || (busy && stage === 'importing')}
            loading={busy && (stage === 'reading' || stage === 'checking')}
          >
            {t('dialog.checkFile')}
          </Button>
        )}
        {checked && !done && (
          <Button
            onClick={() => void commit()}
            disabled={
              checked.report.accepted === 0 ||
              busy ||
              (allOrNothing && checked.report.rejectedCount > 0)
            }
            loading={busy && stage === 'importing'}
          >
            {t('dialog.importRows', {
              count: checked.report.accepted,
              formatted: count(checked.report.accepted),
            })}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: number }) {
  const { t } = useTranslation('dataImport');
  const { count } = useFormat();
  return (
    <div className="k-figure">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} aria-label={t('dialog.figure', { label, value: count(value) })}>
        {count(value)}
      </Text>
    </div>
  );
}
