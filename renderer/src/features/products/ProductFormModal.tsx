import { Button, Group, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { z } from 'zod';
import {
  barcodeSchema,
  displayText,
  type ProductView,
  skuSchema,
} from '../../../../shared/contract';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { zodValidator } from '../../forms/validation';
import { useSettingsStore } from '../../stores/settings';
import { useProductsStore } from '../../stores/products';
import {
  initialValues,
  KIND_OPTIONS,
  PRODUCT_FORM_FIELDS,
  productFormError,
  type ProductFormValues,
  toProductInput,
  validateAmounts,
} from './product-form';

/** The text fields as the contract checks them (an empty barcode means none). */
const textFieldsSchema = z.object({
  sku: skuSchema,
  barcode: z.union([z.literal(''), barcodeSchema]),
  name: displayText(200),
});

export interface ProductFormModalProps {
  /** `null`: closed; `'new'`: a new product; a product: edit it. */
  target: ProductView | 'new' | null;
  currency: string;
  exponent: number;
  pricesIncludeTax: boolean;
  onClose: () => void;
}

/** "New product" and "Edit product": SKU, barcode, name, price, tax rate, kind, active, open price. */
export function ProductFormModal({ target, onClose, ...money }: ProductFormModalProps) {
  const product = target === 'new' ? null : target;
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={product ? `Edit ${product.name}` : 'New product'}
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
  const create = useProductsStore((s) => s.create);
  const update = useProductsStore((s) => s.update);
  const defaultTaxRateBps = useSettingsStore((s) => s.settings?.defaultTaxRateBps ?? null);
  const form = useForm<ProductFormValues>({
    mode: 'controlled',
    initialValues: initialValues(product, exponent, defaultTaxRateBps),
    validate: (values) => ({
      ...zodValidator<ProductFormValues>(textFieldsSchema)(values),
      ...validateAmounts(values, exponent),
    }),
  });

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
      notifySuccess(product ? `${saved.name} was saved.` : `${saved.name} was added.`);
      onClose();
    },
  );

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        <Group grow align="flex-start">
          <TextInput
            label="SKU"
            description="Your code; saved in capitals"
            required
            data-autofocus
            {...form.getInputProps('sku')}
          />
          <TextInput
            label="Barcode"
            description="From the scanner (optional)"
            {...form.getInputProps('barcode')}
          />
        </Group>
        <TextInput label="Name" required {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <TextInput
            label="Price"
            description={`${currency}, ${pricesIncludeTax ? 'including tax' : 'before tax'}`}
            inputMode="decimal"
            required
            {...form.getInputProps('price')}
          />
          <TextInput
            label="Tax rate %"
            description="e.g. 20, 5.5 or 0"
            inputMode="decimal"
            required
            {...form.getInputProps('taxRate')}
          />
          <Select
            label="Kind"
            description="Stock, or a non-stock item"
            data={KIND_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
        </Group>
        <Switch
          label="Active (sellable at the till)"
          size="md"
          {...form.getInputProps('active', { type: 'checkbox' })}
        />
        <Switch
          label="Open price (typed at the till)"
          description="The till asks for the price each time; only managers and admins can enter it. A stock item priced 0 that is not open price cannot be sold."
          size="md"
          {...form.getInputProps('openPrice', { type: 'checkbox' })}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            {product ? 'Save changes' : 'Add product'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
