import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAnalyticsStore } from '../../stores/analytics';
import { isBusinessDay } from '../transactions/business-days';
import { PRESETS, type Preset } from './date-presets';

/**
 * The dashboard's range: a preset (today … this year, counted from the core's business day) or
 * two typed days; typing a day makes the range custom. Days out of order are not sent (the core
 * would refuse them too).
 */
export function RangeBar() {
  const { t } = useTranslation('analytics');
  const { preset, range, choosePreset, chooseRange } = useAnalyticsStore();
  const typed = (key: 'from' | 'to', value: string) => {
    if (!range || !isBusinessDay(value)) return;
    const next = { ...range, [key]: value };
    if (next.from <= next.to) void chooseRange(next);
  };
  return (
    <Group gap="sm" align="flex-end" className="k-no-print">
      <Select
        label={t('range.preset')}
        value={preset}
        allowDeselect={false}
        data={[
          ...PRESETS.map((p) => ({ value: p, label: t(`range.presets.${p}`) })),
          { value: 'custom', label: t('range.presets.custom'), disabled: true },
        ]}
        onChange={(value) => value && value !== 'custom' && void choosePreset(value as Preset)}
        w={200}
      />
      <TextInput
        label={t('range.from')}
        type="date"
        value={range?.from ?? ''}
        max={range?.to}
        onChange={(e) => typed('from', e.currentTarget.value)}
      />
      <TextInput
        label={t('range.to')}
        type="date"
        value={range?.to ?? ''}
        min={range?.from}
        onChange={(e) => typed('to', e.currentTarget.value)}
      />
    </Group>
  );
}
