import { Select, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';

export interface PickedCustomer {
  id: number;
  name: string;
}

export interface CustomerPickerProps {
  label: string;
  value: PickedCustomer | null;
  onChange: (customer: PickedCustomer | null) => void;
  placeholder?: string;
  description?: string;
  className?: string;
  'data-autofocus'?: boolean;
}

const SEARCH_LIMIT = 20;

/**
 * A searchable customer select: what is typed goes to `customers:search` (debounced; the core
 * ranks the matches), and the chosen customer comes back as id and name. Clearing it gives null.
 */
export function CustomerPicker({
  label,
  value,
  onChange,
  placeholder,
  description,
  className,
  ...rest
}: CustomerPickerProps) {
  const { t } = useTranslation('transactions');
  const [search, setSearch] = useState(value?.name ?? '');
  const [found, setFound] = useState<CustomerView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const seq = useRef(0);
  const opened = useRef(false);

  const runSearch = async (text: string) => {
    const mine = ++seq.current;
    setSearching(true);
    try {
      const { items } = await call('customers:search', {
        search: text.trim(),
        limit: SEARCH_LIMIT,
      });
      if (mine !== seq.current) return;
      setFound(items);
      setError(null);
    } catch (e) {
      if (mine === seq.current) setError(messageFor(e));
    } finally {
      if (mine === seq.current) setSearching(false);
    }
  };
  const searchLater = useDebouncedCallback((text: string) => void runSearch(text), 250);

  const options = found.map((c) => ({ value: String(c.id), label: c.name }));
  if (value && !options.some((o) => o.value === String(value.id)))
    options.unshift({ value: String(value.id), label: value.name });
  const hints = new Map(found.map((c) => [String(c.id), c.email ?? c.phone ?? '']));

  return (
    <Select
      label={label}
      description={description}
      placeholder={placeholder ?? t('picker.placeholder')}
      className={className}
      leftSection={<IconSearch size={16} />}
      searchable
      clearable
      data={options}
      value={value ? String(value.id) : null}
      searchValue={search}
      onSearchChange={(text) => {
        setSearch(text);
        // Only what the member types searches; Mantine also sets the text when a value is chosen.
        if (opened.current && text !== value?.name) searchLater(text);
      }}
      onDropdownOpen={() => {
        opened.current = true;
        void runSearch(search === value?.name ? '' : search);
      }}
      onDropdownClose={() => {
        opened.current = false;
        seq.current++;
        setError(null);
        setSearching(false);
      }}
      onChange={(id, option) => {
        onChange(id === null || !option ? null : { id: Number(id), name: option.label });
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={searching ? t('picker.searching') : t('picker.nothingFound')}
      error={error}
      renderOption={({ option }) => (
        <div>
          <Text size="sm">{option.label}</Text>
          {hints.get(option.value) && (
            <Text size="xs" c="dimmed">
              {hints.get(option.value)}
            </Text>
          )}
        </div>
      )}
      {...rest}
    />
  );
}
