import {
  Button,
  Checkbox,
  Group,
  Modal,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_DATASETS, type ExportFormat } from '../../../../shared/contract/exports';
import { FormAlert } from '../../components/FormAlert';
import { isBusinessDay } from '../transactions/business-days';
import { rangeProblem, useExportsStore } from '../../stores/exports';
import { ExportStatus } from './ExportStatus';

/**
 * The export dialog: business days from/to (the store's time zone; the core turns them into UTC
 * times), CSV (one dataset a file) or XLSX (a sheet a dataset), and which datasets. "Export" asks
 * the shell's save dialog for the file; while the core writes it, the dialog shows rows done over
 * rows to write and offers Cancel. The range starts as this month up to `today`.
 */
export function ExportDialog({
  opened,
  today,
  onClose,
}: {
  opened: boolean;
  today: string;
  onClose: () => void;
}) {
  const { t } = useTranslation('exports');
  const s = useExportsStore();
  const running = s.jobId !== null;
  useEffect(() => {
    const { from, setRange } = useExportsStore.getState();
    if (opened && from === '') setRange(`${today.slice(0, 8)}01`, today);
  }, [opened, today]);
  const problem = s.from !== '' && s.to !== '' ? rangeProblem(s.from, s.to) : null;
  const day = (value: string, apply: (d: string) => void) => {
    if (isBusinessDay(value)) apply(value);
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={opened}
      onClose={onClose}
      title={t('title')}
      size="lg"
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('intro')}
        </Text>
        <Group grow align="flex-start">
          <TextInput
            label={t('from')}
            type="date"
            value={s.from}
            disabled={running}
            onChange={(e) => day(e.currentTarget.value, (d) => s.setRange(d, s.to))}
          />
          <TextInput
            label={t('to')}
            type="date"
            value={s.to}
            disabled={running}
            error={problem ? t(`errors.${problem}`) : undefined}
            onChange={(e) => day(e.currentTarget.value, (d) => s.setRange(s.from, d))}
          />
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="k-export-format">
            {t('format')}
          </Text>
          <SegmentedControl
            aria-labelledby="k-export-format"
            value={s.format}
            disabled={running}
            onChange={(v) => s.setFormat(v as ExportFormat)}
            data={[
              { value: 'xlsx', label: t('formats.xlsx') },
              { value: 'csv', label: t('formats.csv') },
            ]}
          />
        </Stack>
        {s.format === 'csv' ? (
          <Radio.Group
            label={t('datasetOne')}
            value={s.datasets[0] ?? ''}
            onChange={(v) => s.toggleDataset(v as (typeof EXPORT_DATASETS)[number])}
          >
            <Stack gap={6} mt={6}>
              {EXPORT_DATASETS.map((d) => (
                <Radio key={d} value={d} label={t(`datasets.${d}`)} disabled={running} />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          <Checkbox.Group label={t('datasetMany')} value={s.datasets}>
            <Stack gap={6} mt={6}>
              {EXPORT_DATASETS.map((d) => (
                <Checkbox
                  key={d}
                  value={d}
                  label={t(`datasets.${d}`)}
                  disabled={running}
                  onChange={() => s.toggleDataset(d)}
                />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <FormAlert message={s.error} />
        <ExportStatus />
        <Group justify="flex-end">
          {running ? (
            <Button variant="default" onClick={() => void s.cancel()}>
              {t('cancel')}
            </Button>
          ) : (
            <Button variant="default" onClick={onClose}>
              {t('common:actions.close')}
            </Button>
          )}
          <Button
            loading={running}
            disabled={problem !== null || s.datasets.length === 0 || s.from === ''}
            onClick={() => void s.start()}
          >
            {t('start')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
