import { Kbd, Loader, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconBarcode } from '@tabler/icons-react';
import { forwardRef, type KeyboardEvent, useId, useRef, useState } from 'react';
import type { ProductView } from '../../../../shared/contract';
import { formatMoney } from '../../../../shared/money';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';

/** What a scanner can send to `products:lookup` (the contract's barcode rule). */
const CODE_PATTERN = /^[\x21-\x7e]{1,64}$/;
const RESULTS_LIMIT = 8;

export interface ScanFieldProps {
  currency: string;
  /** Adds one of the product to the cart. */
  onAdd: (product: ProductView) => void;
  /** Keys the field hands to the cart when it is empty and no results are open (↑ ↓ + − * Delete). */
  onCartKey: (key: string) => boolean;
}

/**
 * The scan/search field. A scanner types the code and Enter: `products:lookup`; if nothing has
 * that barcode or SKU, `products:list` searches (one match is added, several are listed, none is
 * said). Typing without Enter shows live results (debounced); ↑/↓ and Enter pick one, Esc closes.
 */
export const ScanField = forwardRef<HTMLInputElement, ScanFieldProps>(function ScanField(
  { currency, onAdd, onCartKey },
  ref,
) {
  const [text, setText] = useState('');
  const [results, setResults] = useState<ProductView[] | null>(null);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const seq = useRef(0);
  const listId = useId();

  const close = () => {
    seq.current++;
    setResults(null);
    setActive(-1);
  };

  const add = (product: ProductView) => {
    onAdd(product);
    setText('');
    setMessage(null);
    close();
  };

  const search = async (query: string, mine: number) => {
    const { items } = await call('products:list', {
      search: query,
      status: 'sellable',
      limit: RESULTS_LIMIT,
    });
    return mine === seq.current ? items : null;
  };

  const liveSearch = useDebouncedCallback(async (query: string) => {
    const mine = ++seq.current;
    if (!query) return;
    try {
      const items = await search(query, mine);
      if (items === null) return;
      setResults(items);
      setActive(-1);
      setMessage(items.length === 0 ? `No product matches “${query}”` : null);
    } catch (e) {
      if (mine === seq.current) setMessage(messageFor(e));
    }
  }, 250);

  const submit = async () => {
    const query = text.trim();
    if (!query) return;
    liveSearch.cancel();
    const mine = ++seq.current;
    setBusy(true);
    try {
      if (CODE_PATTERN.test(query)) {
        const { product } = await call('products:lookup', { code: query });
        if (mine !== seq.current) return;
        if (product) return add(product);
      }
      const items = await search(query, mine);
      if (items === null) return;
      if (items.length === 1) return add(items[0]!);
      setResults(items);
      setActive(items.length > 0 ? 0 : -1);
      setMessage(items.length === 0 ? `No product matches “${query}”` : null);
    } catch (e) {
      if (mine === seq.current) setMessage(messageFor(e));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const open = results !== null && results.length > 0;
    if (e.key === 'Enter') {
      e.preventDefault();
      if (open && active >= 0) add(results[active]!);
      else void submit();
      return;
    }
    if (e.key === 'Escape' && (results !== null || message || text)) {
      e.preventDefault();
      e.stopPropagation();
      setText('');
      setMessage(null);
      close();
      return;
    }
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      const n = results.length;
      setActive((a) => (e.key === 'ArrowDown' ? (a + 1) % n : a <= 0 ? n - 1 : a - 1));
      return;
    }
    if (text === '' && !open && onCartKey(e.key)) e.preventDefault();
  };

  const activeId = active >= 0 ? `${listId}-${active}` : undefined;

  return (
    <div className="k-co-scan">
      <TextInput
        ref={ref}
        size="lg"
        label="Scan or search products"
        placeholder="Scan a barcode, or type a name or SKU"
        leftSection={<IconBarcode size={22} />}
        rightSection={busy ? <Loader size="xs" aria-label="Looking up" /> : <Kbd>F2</Kbd>}
        rightSectionWidth={48}
        value={text}
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded={results !== null && results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setText(value);
          setMessage(null);
          if (value.trim() === '') {
            liveSearch.cancel();
            close();
          } else liveSearch(value.trim());
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          // Let a click on a result land first.
          setTimeout(() => setActive(-1), 150);
        }}
        error={message}
      />
      {results !== null && results.length > 0 && (
        <ul className="k-co-results" id={listId} role="listbox" aria-label="Matching products">
          {results.map((p, i) => (
            <li
              key={p.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="k-co-result"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => add(p)}
            >
              <span className="k-co-result-name">
                <Text span fw={600}>
                  {p.name}
                </Text>
                <Text span size="sm" c="dimmed">
                  {p.sku}
                  {p.barcode ? ` · ${p.barcode}` : ''}
                </Text>
              </span>
              <span className="k-co-num">{formatMoney(p.price, currency)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
