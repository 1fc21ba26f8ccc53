import { Kbd, Loader, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useTimeout } from '@mantine/hooks';
import { IconBarcode } from '@tabler/icons-react';
import {
  forwardRef,
  type KeyboardEvent,
  type MutableRefObject,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { useFormat } from '../../format/locale';
import { RESULTS_LIMIT, type ScanQueue } from './useScanQueue';

export interface ScanFieldProps {
  currency: string;
  /** Where Enter sends the code (issue 8, item 3: looked up in order, never lost). */
  queue: ScanQueue;
  /** Adds a product picked from the live results. */
  onPick: (product: ProductView) => void;
  /** Keys the field hands to the cart when it is empty and no results are open (↑ ↓ + − * Delete). */
  onCartKey: (key: string) => boolean;
}

/**
 * The scan/search field. Enter hands the text to the scan queue and empties the field at once, so
 * whatever the scanner types next starts a fresh code and is never cleared by a late answer. When
 * a code is not found, the error names it and, if nothing was typed since, the code comes back
 * selected: the next scan replaces it (item 2). Typing without Enter shows live results (debounced);
 * ↑/↓ and Enter pick one, Esc closes.
 */
export const ScanField = forwardRef<HTMLInputElement, ScanFieldProps>(function ScanField(
  { currency, queue, onPick, onCartKey },
  ref,
) {
  const { t } = useTranslation('checkout');
  const { money } = useFormat();
  const [text, setText] = useState('');
  const [results, setResults] = useState<ProductView[] | null>(null);
  const [active, setActive] = useState(-1);
  const [message, setMessage] = useState<string | null>(null);
  const seq = useRef(0);
  const input = useRef<HTMLInputElement | null>(null);
  const listId = useId();
  // Cleared on unmount, so a blur just before the screen goes never sets state after it.
  const afterBlur = useTimeout(() => setActive(-1), 150);

  const close = () => {
    seq.current++;
    setResults(null);
    setActive(-1);
  };

  const pick = (product: ProductView) => {
    onPick(product);
    setText('');
    setMessage(null);
    close();
  };

  const liveSearch = useDebouncedCallback(async (query: string) => {
    const mine = ++seq.current;
    if (!query) return;
    try {
      const { items } = await call('products:list', {
        search: query,
        status: 'sellable',
        limit: RESULTS_LIMIT,
      });
      if (mine !== seq.current) return;
      setResults(items);
      setActive(-1);
      setMessage(items.length === 0 ? t('scan.noMatch', { query }) : null);
    } catch (e) {
      if (mine === seq.current) setMessage(messageFor(e));
    }
  }, 250);

  // Each outcome of the queue: clear or show the message; give a failed code back, selected.
  const last = queue.last;
  useEffect(() => {
    if (!last) return;
    const el = input.current;
    const untouched = el !== null && el.value === '';
    const giveBack = () => {
      if (!untouched) return;
      // Put in and selected at once, so the very next key (a scanner's) replaces it; React's
      // state follows with the same text and leaves the selection alone.
      el.value = last.query;
      el.select();
      setText(last.query);
    };
    if (last.kind === 'added') {
      setMessage(null);
    } else if (last.kind === 'several') {
      giveBack();
      seq.current++;
      setResults(last.items);
      setActive(0);
      setMessage(null);
    } else {
      giveBack();
      setMessage(
        last.kind === 'notFound'
          ? t('scan.notFound', { code: last.query })
          : t('scan.failed', { code: last.query, reason: last.reason }),
      );
    }
  }, [last, t]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const open = results !== null && results.length > 0;
    if (e.key === 'Enter') {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      e.preventDefault();
      if (open && active >= 0) return pick(results[active]!);
      // Read the field itself: the keys of a fast scanner may be ahead of React's state.
      const query = e.currentTarget.value.trim();
      e.currentTarget.value = '';
      setText('');
      setMessage(null);
      liveSearch.cancel();
      close();
      if (query) queue.submit(query);
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
    if (e.currentTarget.value === '' && !open && onCartKey(e.key)) e.preventDefault();
  };

  const activeId = active >= 0 ? `${listId}-${active}` : undefined;
  const setRefs = (el: HTMLInputElement | null) => {
    input.current = el;
    if (typeof ref === 'function') ref(el);
    else if (ref) (ref as MutableRefObject<HTMLInputElement | null>).current = el;
  };

  return (
    <div className="k-co-scan">
      <TextInput
        ref={setRefs}
        size="lg"
        label={t('scan.label')}
        placeholder={t('scan.placeholder')}
        leftSection={<IconBarcode size={22} />}
        rightSection={
          queue.pending > 0 ? <Loader size="xs" aria-label={t('scan.busy')} /> : <Kbd>F2</Kbd>
        }
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
          afterBlur.start();
        }}
        error={message}
      />
      {results !== null && results.length > 0 && (
        <ul className="k-co-results" id={listId} role="listbox" aria-label={t('scan.results')}>
          {results.map((p, i) => (
            <li
              key={p.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="k-co-result"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(p)}
            >
              <span className="k-co-result-name">
                <Text span fw={600}>
                  {p.name}
                </Text>
                <Text span size="sm" c="gray.7">
                  {p.barcode ? t('scan.skuBarcode', { sku: p.sku, barcode: p.barcode }) : p.sku}
                </Text>
              </span>
              <span className="k-co-num">{money(p.price, currency)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
