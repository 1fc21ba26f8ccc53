import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '../../../../shared/contract/audit';
import type { AuditFilterOptions, AuditFilters as Filters } from '../../stores/audit';
import { actionLabel } from './audit-labels';

const ALL = 'all';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface AuditFiltersProps {
  filters: Filters;
  options: AuditFilterOptions;
  /** Changes some filters; `undefined` clears one. */
  onChange: (filters: Partial<Filters>) => void;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  (allowed as readonly (string | null)[]).includes(value) ? (value as T) : undefined;

/**
 * The audit log's filters (item 16): who (a staff member), what (an action, by its label), how it
 * ended, on which till, and business days from..to. The core applies them; a first day after the
 * last moves the last along (and the other way round), so the core never gets a reversed range.
 */
export function AuditFilters({ filters, options, onChange }: AuditFiltersProps) {
  const { t } = useTranslation('audit');
  const actions = AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(t, a) })).sort((x, y) =>
    x.label.localeCompare(y.label),
  );
  /** A day that passes the other bound moves it along, so the range is never empty by mistake. */
  const setDay = (key: 'fromDay' | 'toDay', value: string) => {
    const day = DAY.test(value) ? value : undefined;
    const { fromDay, toDay } = filters;
    if (day && key === 'fromDay' && toDay && day > toDay)
      return onChange({ fromDay: day, toDay: day });
    if (day && key === 'toDay' && fromDay && day < fromDay)
      return onChange({ fromDay: day, toDay: day });
    return onChange({ [key]: day });
  };
  const anySet = Object.values(filters).some((v) => v !== undefined);

  return (
    <Group gap="md" align="flex-end" wrap="wrap" role="search" aria-label={t('filters.label')}>
      <Select
        label={t('filters.actor')}
        w={210}
        searchable
        data={[
          { value: ALL, label: t('filters.anyone') },
          ...options.actors.map((a) => ({ value: String(a.id), label: a.name })),
        ]}
        value={filters.actorId ? String(filters.actorId) : ALL}
        onChange={(v) => onChange({ actorId: v && v !== ALL ? Number(v) : undefined })}
        allowDeselect={false}
      />
      <Select
        label={t('filters.action')}
        w={240}
        searchable
        data={[{ value: ALL, label: t('filters.anyAction') }, ...actions]}
        value={filters.action ?? ALL}
        onChange={(v) => onChange({ action: pick(v, AUDIT_ACTIONS) })}
        allowDeselect={false}
      />
      <Select
        label={t('filters.outcome')}
        w={170}
        data={[
          { value: ALL, label: t('filters.anyOutcome') },
          ...AUDIT_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) })),
        ]}
        value={filters.outcome ?? ALL}
        onChange={(v) => onChange({ outcome: pick(v, AUDIT_OUTCOMES) })}
        allowDeselect={false}
      />
      <Select
        label={t('filters.terminal')}
        w={170}
        data={[
          { value: ALL, label: t('filters.anyTerminal') },
          ...options.terminals.map((name) => ({ value: name, label: name })),
        ]}
        value={filters.terminal ?? ALL}
        onChange={(v) => onChange({ terminal: v && v !== ALL ? v : undefined })}
        allowDeselect={false}
      />
      <TextInput
        label={t('filters.fromDay')}
        type="date"
        w={170}
        value={filters.fromDay ?? ''}
        max={filters.toDay}
        onChange={(e) => setDay('fromDay', e.currentTarget.value)}
      />
      <TextInput
        label={t('filters.toDay')}
        type="date"
        w={170}
        value={filters.toDay ?? ''}
        min={filters.fromDay}
        onChange={(e) => setDay('toDay', e.currentTarget.value)}
      />
      {anySet && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={18} />}
          onClick={() =>
            onChange({
              actorId: undefined,
              action: undefined,
              outcome: undefined,
              terminal: undefined,
              fromDay: undefined,
              toDay: undefined,
            })
          }
        >
          {t('filters.clear')}
        </Button>
      )}
    </Group>
  );
}
