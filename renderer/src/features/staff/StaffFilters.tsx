import { Group, Input, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoleView, StaffStatus } from '../../../../shared/contract';
import { roleOptions } from './roles/role-label';
import type { StaffFilters as Filters } from '../../stores/staff';

const ALL = 'all';
const STATUS_VALUES = [ALL, 'active', 'pending', 'disabled'] as const;

export interface StaffFiltersProps {
  filters: Filters;
  roles: readonly RoleView[];
  onChange: (filters: Partial<Filters>) => void;
}

const isStatus = (value: string): value is StaffStatus =>
  value === 'active' || value === 'pending' || value === 'disabled';
/** Status, role and a search box (debounced) above the staff table. */
export function StaffFilters({ filters, roles, onChange }: StaffFiltersProps) {
  const { t } = useTranslation('staff');
  const [search, setSearch] = useState(filters.search);
  const pushSearch = useDebouncedCallback((value: string) => onChange({ search: value }), 300);

  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Stack gap={5}>
        <Input.Label labelElement="div" size="md" id="staff-status-filter">
          {t('table.status')}
        </Input.Label>
        <SegmentedControl
          aria-labelledby="staff-status-filter"
          size="md"
          data={STATUS_VALUES.map((value) => ({
            value,
            label: t(value === ALL ? 'filters.allStatuses' : `status.${value}`),
          }))}
          value={filters.status ?? ALL}
          onChange={(value) => onChange({ status: isStatus(value) ? value : null })}
        />
      </Stack>
      <Select
        label={t('fields.role')}
        w={200}
        data={[{ value: ALL, label: t('filters.allRoles') }, ...roleOptions(t, roles)]}
        value={filters.role ?? ALL}
        onChange={(value) => onChange({ role: value && value !== ALL ? value : null })}
        allowDeselect={false}
      />
      <TextInput
        label={t('filters.search')}
        placeholder={t('filters.searchHint')}
        leftSection={<IconSearch size={18} />}
        className="k-grow"
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          pushSearch(event.currentTarget.value);
        }}
      />
    </Group>
  );
}
