import { Alert, Progress, Stack, Stepper, Table, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ImportEncoding, ImportProgress } from '../../../../shared/contract';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale';
import type { ImportProblem } from './import-errors';

/** The stages of an import, in order; `done` is reached at the end. */
export const IMPORT_STAGES = ['reading', 'checking', 'importing', 'done'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

/**
 * Reading → Checking → Importing → Done, with the current stage marked (a spinner while `busy`).
 * `stage` null: not started; `descriptions` put counts under the stages.
 */
export function ImportStages({
  stage,
  busy,
  descriptions = {},
  stages = IMPORT_STAGES,
}: {
  stage: ImportStage | null;
  busy: boolean;
  descriptions?: Partial<Record<ImportStage, string>>;
  stages?: readonly ImportStage[];
}) {
  const { t } = useTranslation('dataImport');
  const active = stage === null ? -1 : stage === 'done' ? stages.length : stages.indexOf(stage);
  return (
    <div role="group" aria-label={t('stages.label')}>
      <Stepper active={active} size="sm" allowNextStepsSelect={false} className="k-import-stages">
        {stages.map((s) => (
          <Stepper.Step
            key={s}
            label={t(`stages.${s}`)}
            description={descriptions[s]}
            loading={busy && s === stage}
            aria-current={s === stage ? 'step' : undefined}
          />
        ))}
      </Stepper>
    </div>
  );
}

/** An import failure: the headline, and the core's reason when it gave one. */
export function ImportProblemAlert({ problem }: { problem: ImportProblem | null }) {
  if (!problem) return null;
  return (
    <Alert
      role="alert"
      color="red"
      variant="light"
      icon={<IconAlertCircle size={20} />}
      title={problem.headline}
    >
      {problem.detail}
    </Alert>
  );
}

/**
 * Every problem of one refused row: the core lists them all, "; "-separated (issue 8, item 18),
 * and each gets its own line here, so none hides at the end of a long sentence.
 */
function RowProblems({ reason }: { reason: string }) {
  const problems = reason.split('; ').filter((p) => p !== '');
  if (problems.length < 2) return <>{reason}</>;
  return (
    <ul className="k-row-problems">
      {problems.map((p, i) => (
        <li key={`${i}:${p}`}>{p}</li>
      ))}
    </ul>
  );
}

/** The rows a file's check refused: line in the file and every problem of each. */
export function RejectedRowsTable({
  rows,
  total,
}: {
  rows: readonly { line: number; reason: string }[];
  total: number;
}) {
  const { t } = useTranslation('dataImport');
  const { count } = useFormat();
  if (rows.length === 0) return null;
  return (
    <div className="k-rejected">
      <Table.ScrollContainer minWidth={420} maxHeight={260}>
        <Table
          stickyHeader
          verticalSpacing={6}
          striped
          aria-label={t('rejected.label')}
          className="k-data-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th className="k-num k-line-col">{t('rejected.line')}</Table.Th>
              <Table.Th>{t('rejected.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.line}:${r.reason}`}>
                <Table.Td className="k-num">{count(r.line)}</Table.Td>
                <Table.Td>
                  <RowProblems reason={r.reason} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {total > rows.length && (
        <Text size="sm" c="dimmed" mt={6}>
          {t('rejected.showingFirst', { shown: count(rows.length), total: count(total) })}
        </Text>
      )}
    </div>
  );
}

/** How far a running import is (from import:progress); nothing when there is no progress to show. */
export function ImportProgressBar({ progress }: { progress: ImportProgress | null }) {
  const { t } = useTranslation('dataImport');
  const { count } = useFormat();
  if (!progress) return null;
  const known = progress.rowsTotal > 0;
  const percent = known ? Math.min(100, (progress.rowsDone / progress.rowsTotal) * 100) : 100;
  const phase = t(`phases.${progress.phase}`);
  const label = known
    ? t('phases.counted', {
        phase,
        done: count(progress.rowsDone),
        total: count(progress.rowsTotal),
      })
    : t('phases.running', { phase });
  return (
    <Stack gap={4}>
      <Text size="sm" aria-live="polite">
        {label}
      </Text>
      <Progress
        value={percent}
        animated={!known}
        striped={!known}
        aria-label={label}
        transitionDuration={200}
      />
    </Stack>
  );
}

/** Says how the core read a file that was not UTF-8 (F3: never a silent guess). */
export function EncodingNote({ encoding }: { encoding: ImportEncoding }) {
  const { t } = useTranslation('dataImport');
  if (encoding === 'utf-8') return null;
  return (
    <Text size="sm" c="dimmed">
      {t('encoding.windows1252')}
    </Text>
  );
}
