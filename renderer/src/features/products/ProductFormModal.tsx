import { Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useSettingsStore } from '../../stores/settings';
import { useProductsStore } from '../../stores/products';
import {
  initialValues,
  kindOptions,
  PRODUCT_FORM_FIELDS,
  productFormError,
  type ProductFormValues,
  toProductInput,
  validateProductForm,
} from './product-form';
import { CategorySelect } from '../categories/CategorySelect';
import { ReorderLevelField, useReorderLevelField } from '../stock/ReorderLevelField';
import './products.css';

export interface ProductFormModalProps {
  /** `null`: closed; `'new'`: a new product; a product: edit it. */
  target: ProductView | 'new' | null;
  currency: string;
  exponent: number;
  pricesIncludeTax: boolean;
  onClose: () => void;
}

/**
 * "New product" and "Edit product": SKU (blank: generated), barcode, name, price, tax rate, kind,
 * active, open price. Opens with the cursor in the SKU field.
 */
export function ProductFormModal({ target, onClose, ...money }: ProductFormModalProps) {
  const { t } = useTranslation('products');
  const product = target === 'new' ? null : target;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={product ? t('form.editTitle', { name: product.name }) : t('form.newTitle')}
      closeButtonProps={{ 'aria-label': t('form.close') }}
      size="lg"
    >
      {target !== null && (
        <ProductForm key={product?.id ?? 'new'} product={product} onClose={onClose} {...money} />
      )}
    </Modal>
  );
}

function ProductForm({
  product,
  currency,
  exponent,
  pricesIncludeTax,
  onClose,
}: Omit<ProductFormModalProps, 'target'> & { product: ProductView | null }) {
  const { t } = useTranslation('products');
  const create = useProductsStore((s) => s.create);
  const update = useProductsStore((s) => s.update);
  const defaultTaxRateBps = useSettingsStore((s) => s.settings?.defaultTaxRateBps ?? null);
  const form = useForm<ProductFormValues>({
    mode: 'controlled',
    initialValues: initialValues(product, exponent, defaultTaxRateBps),
    validate: (values) => validateProductForm(values, { exponent, currency, isNew: !product }),
  });
  const reorder = useReorderLevelField(product?.id ?? null);

  const { busy, formError, submit } = useServerSubmit(
    form,
    PRODUCT_FORM_FIELDS,
    async (values: ProductFormValues) => {
      const input = toProductInput(values, exponent);
      let saved: ProductView;
      try {
        saved = product ? await update({ id: product.id, ...input }) : await create(input);
      } catch (error) {
        throw productFormError(error);
      }
      await reorder.save(saved.id, saved.kind);
      notifySuccess(t(product ? 'form.saved' : 'form.added', { name: saved.name, sku: saved.sku }));
      onClose();
    },
  );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate className="k-product-form">
      <Stack gap="md">
        <FormAlert message={formError} />
        <Group grow align="flex-start">
          <TextInput
            label={t('form.sku')}
            description={product ? t('form.skuHelp') : t('form.skuHelpNew')}
            required={!!product}
            data-autofocus
            {...form.getInputProps('sku')}
          />
          <TextInput
            label={t('form.barcode')}
            description={t('form.barcodeHelp')}
            {...form.getInputProps('barcode')}
          />
        </Group>
        <TextInput label={t('form.name')} required {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <TextInput
            label={t('form.price')}
            description={t(pricesIncludeTax ? 'form.priceHelpGross' : 'form.priceHelpNet', {
              currency,
            })}
            inputMode="decimal"
            required
            {...form.getInputProps('price')}
          />
          <TextInput
            label={t('form.taxRate')}
            description={t('form.taxRateHelp')}
            inputMode="decimal"
            required
            {...form.getInputProps('taxRate')}
          />
          <Select
            label={t('form.kind')}
            description={t('form.kindHelp')}
            data={kindOptions()}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
        </Group>
        <CategorySelect {...form.getInputProps('categoryId')} />
        <Switch
          label={t('form.active')}
          size="md"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Switch
          label={t('form.openPrice')}
          description={t('form.openPriceHelp')}
          size="md"
          {...form.getInputProps('openPrice', { type: 'checkbox' })}
        />
        <ReorderLevelField field={reorder} kind={form.values.kind} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('form.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {product ? t('form.saveChanges') : t('form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
