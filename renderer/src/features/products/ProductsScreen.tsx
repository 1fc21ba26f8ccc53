import {
  Button,
  Center,
  Group,
  Input,
  Loader,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/contract';
import { count } from '../../format/locale';
import { t as translate } from '../../i18n';
import { FormAlert } from '../../components/FormAlert';
import { SearchField } from '../../components/SearchField';
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
import { CategoryFilter } from '../categories/CategoryFilter';
import '../data-import/data-tables.css';
import { can, useSessionStore } from '../../stores/session';
import { useProductStock } from '../stock/ProductStock';
import { StockMenu } from '../stock/StockMenu';

const STATUSES: readonly ProductStatusFilter[] = ['sellable', 'all', 'archived'];

/** "1–25 of 2,015" ("1–25 von 2.015") for a page of `shown` rows starting at `offset`. */
export function rangeText(offset: number, shown: number, total: number): string {
  if (total === 0 || shown === 0) return translate('products:pager.none', { total: count(total) });
  return translate('products:pager.range', {
    from: count(offset + 1),
    to: count(offset + shown),
    total: count(total),
  });
}

/**
 * Products (permission products.manage): search by name, SKU or barcode, filter by status, page
 * through the list (the core searches and pages), add, edit, remove or restore, import a CSV file.
 */
export function ProductsScreen() {
  const { t } = useTranslation('products');
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

  const [editing, setEditing] = useState<ProductView | 'new' | null>(null);
  const [removing, setRemoving] = useState<ProductView | null>(null);
  const [importing, setImporting] = useState(false);
  const stock = useProductStock(items);

  useEffect(() => {
    void ensureSettings();
    void load();
  }, [ensureSettings, load]);

  const onRestore = async (product: ProductView) => {
    try {
      const restored = await restore(product.id);
      notifySuccess(t('restored', { name: restored.name }));
    } catch (e) {
      notifyError(e, t('restoreFailed'));
    }
  };

  const offset = page * PRODUCTS_PAGE_SIZE;
  const lastPage = Math.max(0, Math.ceil(total / PRODUCTS_PAGE_SIZE) - 1);

  return (
    <Stack gap="lg" className="k-products-screen">
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Group gap="sm">
          <StockMenu stock={stock} products={items} />
          {canImport && (
            <Button
              variant="default"
              leftSection={<IconFileImport size={20} />}
              onClick={() => setImporting(true)}
            >
              {t('importCsv')}
            </Button>
          )}
          <Button
            leftSection={<IconPlus size={20} />}
            onClick={() => setEditing('new')}
            disabled={!settings}
          >
            {t('newProduct')}
          </Button>
        </Group>
      </Group>

      <Group gap="md" align="flex-end" wrap="wrap">
        <SearchField
          label={t('search.label')}
          placeholder={t('search.placeholder')}
          value={search}
          onSearch={(value) => void setFilters({ search: value })}
        />
        <Stack gap={5}>
          <Input.Label labelElement="div" size="md" id="product-status-filter">
            {t('filter.label')}
          </Input.Label>
          <SegmentedControl
            aria-labelledby="product-status-filter"
            size="md"
            data={STATUSES.map((value) => ({ value, label: t(`filter.${value}`) }))}
            value={status}
            onChange={(value) => void setFilters({ status: value as ProductStatusFilter })}
          />
        </Stack>
        <CategoryFilter />
      </Group>

      <FormAlert message={error ?? settingsError} />
      {!loaded || !settings ? (
        !error && !settingsError ? (
          <Center p="xl">
            <Loader aria-label={t('loading')} />
          </Center>
        ) : null
      ) : items.length === 0 ? (
        !error && (
          <Text c="gray.7" p="lg" ta="center">
            {search.trim()
              ? t('empty.noMatch', { search: search.trim() })
              : status === 'archived'
                ? t('empty.noArchived')
                : canImport
                  ? t('empty.noneImport')
                  : t('empty.none')}
          </Text>
        )
      ) : (
        <ProductsTable
          items={items}
          currency={settings.currency}
          onEdit={setEditing}
          onRemove={setRemoving}
          onRestore={(p) => void onRestore(p)}
          onStock={stock.allowed ? stock.open : undefined}
        />
      )}

      {loaded && total > 0 && (
        <Group
          justify="flex-start"
          gap="lg"
          className={loading ? 'k-pager k-loading' : 'k-pager'}
          role="navigation"
          aria-label={t('pager.label')}
        >
          <Group gap="sm">
            <Button
              variant="default"
              disabled={page === 0 || loading}
              onClick={() => void setPage(page - 1)}
            >
              {t('pager.previous')}
            </Button>
            <Button
              variant="default"
              disabled={page >= lastPage || loading}
              onClick={() => void setPage(page + 1)}
            >
              {t('pager.next')}
            </Button>
          </Group>
          <Text size="sm" c="gray.7" aria-live="polite">
            {rangeText(offset, items.length, total)}
          </Text>
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
        title={t('import.title')}
        noun={t('import.noun')}
        columns="sku,barcode,name,price,tax_rate,kind,active,category"
        columnsHelp={t('import.columnsHelp')}
        duplicateRule={t('import.duplicateRule')}
        run={importCsv}
      />
    </Stack>
  );
}
