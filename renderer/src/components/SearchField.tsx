import { TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

/** How long after the last key a search is sent, ms. */
const SEARCH_DEBOUNCE_MS = 300;

/**
 * A list screen's search box (Customers, Products), focused when the screen opens: what is typed
 * shows at once and reaches `onSearch` 300 ms after the last key, or at once on Enter, so the core
 * is not asked for a page at every key. `value` is the search the list was last loaded with.
 */
export function SearchField({
  label,
  placeholder,
  value,
  onSearch,
}: {
  label: string;
  placeholder: string;
  value: string;
  onSearch: (search: string) => void;
}) {
  const [typed, setTyped] = useState(value);
  const push = useDebouncedCallback(onSearch, SEARCH_DEBOUNCE_MS);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={18} />}
      className="k-grow"
      type="search"
      autoFocus
      value={typed}
      onChange={(event) => {
        setTyped(event.currentTarget.value);
        push(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') push.flush();
      }}
    />
  );
}
