import { Alert, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../format/locale';
import { useExportsStore } from '../../stores/exports';

/**
 * How far the running export is (rows written over rows to write, from exports:progress), or
 * what the last one did: saved as which file with how many rows, or cancelled.
 */
export function ExportStatus() {
  const { t } = useTranslation('exports');
  const { count } = useFormat();
  const { jobId, progress, result } = useExportsStore();
  if (jobId !== null) {
    const known = progress !== null && progress.rowsTotal > 0 && progress.phase !== 'choosing';
    const percent = known ? Math.min(100, (progress.rowsDone / progress.rowsTotal) * 100) : 100;
    const phase = t(`phases.${progress?.phase ?? 'choosing'}`);
    const label = known
      ? t('progress', { phase, done: count(progress.rowsDone), total: count(progress.rowsTotal) })
      : phase;
    return (
      <Stack gap={4}>
        <Text size="sm" aria-live="polite">
          {label}
        </Text>
        <Progress value={percent} animated={!known} striped={!known} aria-label={label} />
      </Stack>
    );
  }
  if (result?.outcome === 'saved') {
    const rows = result.rows.reduce((a, r) => a + r.rows, 0);
    return (
      <Alert color="green" title={t('saved')} role="status">
        {t('savedDetail', { file: result.fileName, count: rows, formatted: count(rows) })}
      </Alert>
    );
  }
  if (result?.outcome === 'cancelled')
    return (
      <Text size="sm" c="dimmed" role="status">
        {t('cancelled')}
      </Text>
    );
  return null;
}
