import { Alert, Progress, Stack, Stepper, Table, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ImportEncoding, ImportProgress } from '../../../../shared/contract';
import type { ImportProblem } from './import-errors';

const count = new Intl.NumberFormat();

/** The stages of an import, in order; `done` is reached at the end. */
export const IMPORT_STAGES = ['reading', 'checking', 'importing', 'done'] as const;
export type ImportStage = (typeof IMPORT_STAGES)[number];

const STAGE_LABELS: Record<ImportStage, string> = {
  reading: 'Reading',
  checking: 'Checking',
  importing: 'Importing',
  done: 'Done',
};

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
  const active = stage === null ? -1 : stage === 'done' ? stages.length : stages.indexOf(stage);
  return (
    <div role="group" aria-label="Import progress">
      <Stepper active={active} size="sm" allowNextStepsSelect={false} className="k-import-stages">
        {stages.map((s) => (
          <Stepper.Step
            key={s}
            label={STAGE_LABELS[s]}
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
  if (rows.length === 0) return null;
  return (
    <div className="k-rejected">
      <Table.ScrollContainer minWidth={420} maxHeight={260}>
        <Table
          stickyHeader
          verticalSpacing={6}
          striped
          aria-label="Rejected rows"
          className="k-data-table"
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th className="k-num k-line-col">Line</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.line}:${r.reason}`}>
                <Table.Td className="k-num">{r.line}</Table.Td>
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
          Showing the first {rows.length} of {total} rejected rows.
        </Text>
      )}
    </div>
  );
}

const PHASE_LABELS: Record<ImportProgress['phase'], string> = {
  queued: 'Waiting for other work to finish',
  reading: 'Reading the file',
  checking: 'Checking rows',
  writing: 'Saving rows',
};

/** How far a running import is (from import:progress); nothing when there is no progress to show. */
export function ImportProgressBar({ progress }: { progress: ImportProgress | null }) {
  if (!progress) return null;
  const known = progress.rowsTotal > 0;
  const percent = known ? Math.min(100, (progress.rowsDone / progress.rowsTotal) * 100) : 100;
  const label = known
    ? `${PHASE_LABELS[progress.phase]}: ${count.format(progress.rowsDone)} of ${count.format(progress.rowsTotal)}`
    : `${PHASE_LABELS[progress.phase]}…`;
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
  if (encoding === 'utf-8') return null;
  return (
    <Text size="sm" c="dimmed">
      The file is not UTF-8; it was read as Windows-1252 (Western European) text.
    </Text>
  );
}
