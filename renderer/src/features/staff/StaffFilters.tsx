import { Group, Input, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { RoleView, StaffStatus } from '../../../../shared/contract';
import { ROLE_IDS, type RoleId } from '../../../../shared/permissions';
import type { StaffFilters as Filters } from '../../stores/staff';

const ALL = 'all';
const STATUS_OPTIONS = [
  { value: ALL, label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'pending', label: 'Pending' },
  { value: 'disabled', label: 'Disabled' },
];

export interface StaffFiltersProps {
  filters: Filters;
  roles: readonly RoleView[];
  onChange: (filters: Partial<Filters>) => void;
}

const isStatus = (value: string): value is StaffStatus =>
  value === 'active' || value === 'pending' || value === 'disabled';
const isRole = (value: string | null): value is RoleId =>
  (ROLE_IDS as readonly (string | null)[]).includes(value);

/** Status, role and a search box (debounced) above the staff table. */
export function StaffFilters({ filters, roles, onChange }: StaffFiltersProps) {
  const [search, setSearch] = useState(filters.search);
  const pushSearch = useDebouncedCallback((value: string) => onChange({ search: value }), 300);

  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Stack gap={5}>
        <Input.Label labelElement="div" size="md" id="staff-status-filter">
          Status
        </Input.Label>
        <SegmentedControl
          aria-labelledby="staff-status-filter"
          size="md"
          data={STATUS_OPTIONS}
          value={filters.status ?? ALL}
          onChange={(value) => onChange({ status: isStatus(value) ? value : null })}
        />
      </Stack>
      <Select
        label="Role"
        w={200}
        data={[
          { value: ALL, label: 'All roles' },
          ...roles.map((r) => ({ value: r.id, label: r.name })),
        ]}
        value={filters.role ?? ALL}
        onChange={(value) => onChange({ role: isRole(value) ? value : null })}
        allowDeselect={false}
      />
      <TextInput
        label="Search"
        placeholder="Name, username or email"
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
