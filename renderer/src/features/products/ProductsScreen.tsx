import {
  Button,
  Center,
  Group,
  Input,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { ProductView } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import {
  PRODUCTS_PAGE_SIZE,
  type ProductStatusFilter,
  useProductsStore,
} from '../../stores/products';
import { useSettingsStore } from '../../stores/settings';
import { CsvImportDialog } from '../data-import/CsvImportDialog';
import { ProductFormModal } from './ProductFormModal';
import { ProductsTable } from './ProductsTable';
import { RemoveProductModal } from './RemoveProductModal';
import '../data-import/data-tables.css';
import { can, useSessionStore } from '../../stores/session';

const STATUS_OPTIONS: { value: ProductStatusFilter; label: string }[] = [
  { value: 'sellable', label: 'Sellable' },
  { value: 'all', label: 'All' },
  { value: 'archived', label: 'Archived' },
];

const count = new Intl.NumberFormat();

/** "1–25 of 2,015" for a page of `shown` rows starting at `offset`. */
export function rangeText(offset: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return `0 of ${count.format(total)}`;
  return `${count.format(offset + 1)}–${count.format(offset + shown)} of ${count.format(total)}`;
}

/**
 * Products (permission products.manage): search by name, SKU or barcode, filter by status, page
 * through the list (the core searches and pages), add, edit, remove or restore, import a CSV file.
 */
export function ProductsScreen() {
  const { search, status, page, items, total, loading, loaded, error } = useProductsStore();
  const load = useProductsStore((s) => s.load);
  const setFilters = useProductsStore((s) => s.setFilters);
  const setPage = useProductsStore((s) => s.setPage);
  const restore = useProductsStore((s) => s.restore);
  const importCsv = useProductsStore((s) => s.importCsv);
  // Bulk import needs data.import (F3), not only products.manage.
  const canImport = can(
    useSessionStore((s) => s.session),
    'data.import',
  );
  const settings = useSettingsStore((s) => s.settings);
  const settingsError = useSettingsStore((s) => s.error);
  const ensureSettings = useSettingsStore((s) => s.ensureLoaded);

  const [typed, setTyped] = useState(search);
  const pushSearch = useDebouncedCallback(
    (value: string) => void setFilters({ search: value }),
    300,
  );
  const [editing, setEditing] = useState<ProductView | 'new' | null>(null);
  const [removing, setRemoving] = useState<ProductView | null>(null);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    void ensureSettings();
    void load();
  }, [ensureSettings, load]);

  const onRestore = async (product: ProductView) => {
    try {
      const restored = await restore(product.id);
      notifySuccess(`${restored.name} is back in the list, inactive until you edit it.`);
    } catch (e) {
      notifyError(e, 'Product not restored');
    }
  };

  const offset = page * PRODUCTS_PAGE_SIZE;
  const lastPage = Math.max(0, Math.ceil(total / PRODUCTS_PAGE_SIZE) - 1);

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1} size="h2">
          Products
        </Title>
        <Group gap="sm">
          {canImport && (
            <Button
              variant="default"
              leftSection={<IconFileImport size={20} />}
              onClick={() => setImporting(true)}
            >
              Import CSV
            </Button>
          )}
          <Button
            leftSection={<IconPlus size={20} />}
            onClick={() => setEditing('new')}
            disabled={!settings}
          >
            New product
          </Button>
        </Group>
      </Group>

      <Group gap="md" align="flex-end" wrap="wrap">
        <TextInput
          label="Search products"
          placeholder="Name, SKU or barcode"
          leftSection={<IconSearch size={18} />}
          className="k-grow"
          type="search"
          autoFocus
          value={typed}
          onChange={(event) => {
            setTyped(event.currentTarget.value);
            pushSearch(event.currentTarget.value);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter') pushSearch.flush();
          }}
        />
        <Stack gap={5}>
          <Input.Label labelElement="div" size="md" id="product-status-filter">
            Show
          </Input.Label>
          <SegmentedControl
            aria-labelledby="product-status-filter"
            size="md"
            data={STATUS_OPTIONS}
            value={status}
            onChange={(value) => void setFilters({ status: value as ProductStatusFilter })}
          />
        </Stack>
      </Group>

      <FormAlert message={error ?? settingsError} />
      {!loaded || !settings ? (
        !error && !settingsError ? (
          <Center p="xl">
            <Loader aria-label="Loading products" />
          </Center>
        ) : null
      ) : items.length === 0 ? (
        !error && (
          <Text c="dimmed" p="lg" ta="center">
            {search.trim()
              ? `No products match “${search.trim()}”.`
              : status === 'archived'
                ? 'No archived products.'
                : canImport
                  ? 'No products yet. Add one, or import a CSV file.'
                  : 'No products yet. Add one.'}
          </Text>
        )
      ) : (
        <ProductsTable
          items={items}
          currency={settings.currency}
          onEdit={setEditing}
          onRemove={setRemoving}
          onRestore={(p) => void onRestore(p)}
        />
      )}

      {loaded && total > 0 && (
        <Group justify="space-between" className={loading ? 'k-loading' : undefined}>
          <Text size="sm" c="dimmed" aria-live="polite">
            {rangeText(offset, items.length, total)}
          </Text>
          <Group gap="sm">
            <Button
              variant="default"
              disabled={page === 0 || loading}
              onClick={() => void setPage(page - 1)}
            >
              Previous
            </Button>
            <Button
              variant="default"
              disabled={page >= lastPage || loading}
              onClick={() => void setPage(page + 1)}
            >
              Next
            </Button>
          </Group>
        </Group>
      )}

      {settings && (
        <ProductFormModal
          target={editing}
          currency={settings.currency}
          exponent={settings.currencyExponent}
          pricesIncludeTax={settings.pricesIncludeTax}
          onClose={() => setEditing(null)}
        />
      )}
      <RemoveProductModal product={removing} onClose={() => setRemoving(null)} />
      <CsvImportDialog
        opened={canImport && importing}
        onClose={() => setImporting(false)}
        title="Import products"
        noun="products"
        columns="sku,barcode,name,price,tax_rate,kind,active"
        columnsHelp="price in the store currency like 2.55; tax_rate in percent like 20; kind is stock, fee, postage, discount or manual; active is true or false."
        duplicateRule="a SKU or barcode that is already used"
        run={importCsv}
      />
    </Stack>
  );
}
