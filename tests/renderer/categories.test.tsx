/**
 * Categories on the Products screen (issue 11, section 1): the column, the filter (a category
 * with its sub-categories, or none), the product form's field, and the manager dialog's tree,
 * add, move and archive, with the core's refusals shown in words.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CategoryView, ProductView, TillSettings } from '../../shared/contract';
import { useCategoriesStore } from '../../renderer/src/stores/categories';
import { useProductsStore } from '../../renderer/src/stores/products';
import { createFakeApi, fail, ok, renderApp, sessionFor, STORE_DETAILS, TILL } from './helpers';

const SETTINGS: TillSettings = {
  terminalName: TILL,
  ...STORE_DETAILS,
  idleLockMinutes: 5,
  storeName: 'Corner Shop',
  currency: 'GBP',
  currencyExponent: 2,
  pricesIncludeTax: true,
  timeZone: 'Europe/London',
  maxDiscountBps: 5000,
};

const AT = '2026-11-23T09:00:00.000Z';
function category(id: number, path: string[], parentId: number | null, count = 0): CategoryView {
  return {
    id,
    name: path[path.length - 1]!,
    parentId,
    depth: path.length,
    path,
    productCount: count,
    totalProductCount: count,
    archived: false,
    createdAt: AT,
    updatedAt: AT,
  };
}
const DRINKS = { ...category(1, ['Drinks'], null, 1), totalProductCount: 3 };
const HOT = { ...category(2, ['Drinks', 'Hot drinks'], 1), totalProductCount: 2 };
const TEA = category(3, ['Drinks', 'Hot drinks', 'Tea'], 2, 2);
const FOOD = category(4, ['Food'], null);
const TREE = [DRINKS, HOT, TEA, FOOD];

const chai: ProductView = {
  id: 7,
  sku: 'CHAI',
  barcode: null,
  name: 'Chai',
  price: 300,
  taxRateBps: 2000,
  kind: 'stock',
  active: true,
  openPrice: false,
  categoryId: TEA.id,
  archived: false,
  createdAt: AT,
  updatedAt: AT,
};

async function openProducts() {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['categories:list'].mockResolvedValue(ok({ items: TREE }));
  api['products:list'].mockResolvedValue(ok({ items: [chai], total: 1 }));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: 'Products' }));
  await screen.findByRole('table', { name: 'Products' });
  return { api, ...rendered };
}

beforeEach(() => {
  useProductsStore.getState().reset();
  useCategoriesStore.getState().reset();
});

describe('categories on the products screen', () => {
  it('shows the category path in a column and filters by a category or by none', async () => {
    const { api, user } = await openProducts();
    const row = within(screen.getByRole('table', { name: 'Products' }))
      .getByText('Chai')
      .closest('tr')!;
    expect(await within(row).findByText('Drinks > Hot drinks > Tea')).toBeInTheDocument();

    await user.click(screen.getByLabelText('Category', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Drinks > Hot drinks' }));
    await waitFor(() =>
      expect(api['products:list']).toHaveBeenLastCalledWith(
        expect.objectContaining({ categoryId: 2, offset: 0 }),
      ),
    );
    await user.click(screen.getByLabelText('Category', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'No category' }));
    await waitFor(() =>
      expect(api['products:list']).toHaveBeenLastCalledWith(
        expect.objectContaining({ categoryId: null }),
      ),
    );
  });

  it('edits a product’s category in the form and sends its id', async () => {
    const { api, user } = await openProducts();
    api['products:update'].mockImplementation(async (input) =>
      ok({ ...chai, categoryId: input!.categoryId ?? null }),
    );
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit Chai' });
    const field = within(dialog).getByLabelText(/^Category/, { selector: 'input' });
    expect(field).toHaveValue('Drinks > Hot drinks > Tea');
    await user.click(field);
    await user.click(await screen.findByRole('option', { name: 'Food' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(api['products:update']).toHaveBeenCalledWith(
        expect.objectContaining({ id: 7, categoryId: 4 }),
      ),
    );
  });

  it('the manager lists the tree with counts, adds under a parent and shows a depth refusal', async () => {
    const { api, user } = await openProducts();
    await user.click(screen.getByRole('button', { name: 'Categories' }));
    const dialog = await screen.findByRole('dialog', { name: 'Categories' });
    const tree = within(dialog).getByRole('list', { name: 'Category tree' });
    expect(
      within(tree)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Drinks3 products', 'Hot drinks2 products', 'Tea2 products', 'Food0 products']);

    api['categories:create'].mockResolvedValueOnce(ok(category(5, ['Drinks', 'Cold drinks'], 1)));
    await user.click(within(dialog).getByRole('button', { name: 'Add category' }));
    const form = await screen.findByRole('dialog', { name: 'New category' });
    // Level 3 categories cannot take children: Tea is not offered as a parent.
    await user.click(within(form).getByLabelText(/^Parent category/, { selector: 'input' }));
    expect(screen.queryByRole('option', { name: 'Drinks > Hot drinks > Tea' })).toBeNull();
    await user.click(await screen.findByRole('option', { name: 'Drinks' }));
    await user.type(
      within(form).getByLabelText(/^Name/, { selector: 'input' }),
      'Cold drinks{Enter}',
    );
    await waitFor(() =>
      expect(api['categories:create']).toHaveBeenCalledWith({ name: 'Cold drinks', parentId: 1 }),
    );
    expect(await screen.findByText('Category Cold drinks was added.')).toBeInTheDocument();
    await screen.findByRole('dialog', { name: 'Categories' });

    // The core's refusals name a field in English; the form says them in its own words.
    api['categories:create']
      .mockResolvedValueOnce(
        fail('CATEGORY_TOO_DEEP', 'Categories go at most 3 levels deep.', [
          { path: 'parentId', message: 'Choose a higher parent.' },
        ]),
      )
      .mockResolvedValueOnce(
        fail('CONFLICT', 'A category with this name is already there.', [
          { path: 'name', message: 'A category with this name is already there.' },
        ]),
      );
    await user.click(within(dialog).getByRole('button', { name: 'Add category' }));
    const again = await screen.findByRole('dialog', { name: 'New category' });
    await user.type(within(again).getByLabelText(/^Name/, { selector: 'input' }), 'Deep{Enter}');
    expect(
      await within(again).findByText(
        'Categories go at most 3 levels deep. Choose a higher parent.',
      ),
    ).toBeInTheDocument();
    await user.type(within(again).getByLabelText(/^Name/, { selector: 'input' }), '{Enter}');
    expect(
      await within(again).findByText('There is already a category with this name at this level.'),
    ).toBeInTheDocument();
    // A name with ">" is refused before anything is sent.
    await user.clear(within(again).getByLabelText(/^Name/, { selector: 'input' }));
    await user.type(within(again).getByLabelText(/^Name/, { selector: 'input' }), 'A > B{Enter}');
    expect(
      await within(again).findByText('Use letters, digits and symbols, without ">"'),
    ).toBeInTheDocument();
    expect(api['categories:create']).toHaveBeenCalledTimes(3);
  });

  it('moving offers no parent inside the category itself; archiving says where its products go', async () => {
    const { api, user } = await openProducts();
    await user.click(screen.getByRole('button', { name: 'Categories' }));
    const dialog = await screen.findByRole('dialog', { name: 'Categories' });
    await user.click(await within(dialog).findByRole('button', { name: 'Rename or move Drinks' }));
    const form = await screen.findByRole('dialog', { name: 'Rename or move Drinks' });
    await user.click(within(form).getByLabelText(/^Parent category/, { selector: 'input' }));
    // Drinks is 3 levels tall: it fits only at the top, so only that choice is offered.
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['None (top level)']);
    await user.click(within(form).getByRole('button', { name: 'Back' }));

    api['categories:archive'].mockResolvedValueOnce(
      ok({ category: { ...TEA, archived: true }, productsMoved: 2 }),
    );
    await user.click(await within(dialog).findByRole('button', { name: 'Archive Tea' }));
    const confirm = await screen.findByRole('dialog', { name: 'Archive Tea?' });
    expect(within(confirm).getByText(/Its 2 products move to “No category”/)).toBeInTheDocument();
    await user.click(within(confirm).getByRole('button', { name: 'Archive category' }));
    await waitFor(() => expect(api['categories:archive']).toHaveBeenCalledWith({ id: 3 }));
    expect(
      await screen.findByText('Tea was archived; 2 products now have no category.'),
    ).toBeInTheDocument();

    api['categories:archive'].mockResolvedValueOnce(fail('CATEGORY_IN_USE', 'in use'));
    await user.click(await within(dialog).findByRole('button', { name: 'Archive Drinks' }));
    const refused = await screen.findByRole('dialog', { name: 'Archive Drinks?' });
    await user.click(within(refused).getByRole('button', { name: 'Archive category' }));
    expect(await within(refused).findByText(/still has sub-categories/)).toBeInTheDocument();
  });
});
