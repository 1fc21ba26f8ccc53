/**
 * Issue 11, section 3 on screen, from the Products screen's Stock menu: "Receive stock" books goods
 * in at cost through stock:receive (quantity, unit cost in the store currency, optional supplier);
 * Suppliers; and Purchase orders (list, draft with scanned lines at last cost, edit, order,
 * receive with the over-receipt warning, cancel after a confirmation, export).
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { PurchaseOrderView } from '../../shared/contract';
import {
  createFakeApi,
  fail,
  ok,
  pickStockMenu,
  productView,
  renderApp,
  sessionFor,
  SHOP_SETTINGS as SETTINGS,
} from './helpers';

const product = productView;

describe('receiving stock on the Products screen', () => {
  it('checks the form, then books the receipt at cost with its supplier', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    api['settings:get'].mockResolvedValue(ok(SETTINGS));
    api['products:list'].mockResolvedValue(
      ok({ items: [product(1, 'Enamel mug'), product(2, 'Bag fee', 'fee')], total: 2 }),
    );
    api['stock:levels'].mockResolvedValue(ok([]));
    api['stock:lowStock'].mockResolvedValue(ok({ items: [], total: 0 }));
    api['suppliers:list'].mockResolvedValue(
      ok({
        items: [
          { id: 4, name: 'Pottery Co', contact: null, email: null, phone: null, notes: null },
        ].map((s) => ({ ...s, archived: false })),
      }),
    );
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: /^Products/ }));
    await screen.findByRole('table', { name: 'Products' });
    await pickStockMenu(user, 'Receive stock');
    const dialog = await screen.findByRole('dialog', { name: 'Receive stock' });

    await user.click(within(dialog).getByRole('button', { name: 'Book receipt' }));
    expect(await within(dialog).findByText('Choose a product')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter a quantity of 1 or more')).toBeInTheDocument();
    expect(api['stock:receive']).not.toHaveBeenCalled();

    await user.click(within(dialog).getByLabelText(/^Product/, { selector: 'input' }));
    // Only stock products can be received: the fee is not offered.
    expect(screen.queryByRole('option', { name: /Bag fee/ })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('option', { name: 'SKU-1 · Enamel mug' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Quantity received' }), '12');
    await user.type(within(dialog).getByRole('textbox', { name: 'Unit cost (GBP)' }), '1,25');
    await user.click(within(dialog).getByLabelText('Supplier', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Pottery Co' }));

    api['stock:receive'].mockResolvedValueOnce(fail('VALIDATION_FAILED'));
    await user.click(within(dialog).getByRole('button', { name: 'Book receipt' }));
    await waitFor(() => expect(api['stock:receive']).toHaveBeenCalledTimes(1));
    expect(screen.getByRole('dialog', { name: 'Receive stock' })).toBeInTheDocument();

    api['stock:receive'].mockResolvedValueOnce(
      ok({ levels: [{ productId: 1, onHand: 12, lastCost: 125, averageCost: 125 }] }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Book receipt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api['stock:receive']).toHaveBeenLastCalledWith({
      supplierId: 4,
      note: '',
      lines: [{ productId: 1, quantity: 12, unitCost: 125 }],
    });
    expect(await screen.findByText(/On hand now 12, average cost £1\.25/)).toBeInTheDocument();
  });
});

describe('suppliers on the Products screen', () => {
  it('adds a supplier, refuses an empty name, and shows an archive refusal', async () => {
    const api = createFakeApi();
    api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
    api['settings:get'].mockResolvedValue(ok(SETTINGS));
    api['products:list'].mockResolvedValue(ok({ items: [product(1, 'Enamel mug')], total: 1 }));
    api['stock:levels'].mockResolvedValue(ok([]));
    api['stock:lowStock'].mockResolvedValue(ok({ items: [], total: 0 }));
    const pottery = {
      ...{ id: 4, name: 'Pottery Co', contact: 'Ana', email: null, phone: null, notes: null },
      archived: false,
    };
    api['suppliers:list'].mockResolvedValue(ok({ items: [pottery] }));
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: /^Products/ }));
    await screen.findByRole('table', { name: 'Products' });
    await pickStockMenu(user, 'Suppliers');
    const dialog = await screen.findByRole('dialog', { name: 'Suppliers' });
    expect(
      await within(dialog).findByRole('row', { name: /Pottery Co\s*Ana/ }),
    ).toBeInTheDocument();

    api['suppliers:archive'].mockResolvedValueOnce(fail('CONFLICT'));
    await user.click(within(dialog).getByRole('button', { name: 'Archive Pottery Co' }));
    await waitFor(() => expect(api['suppliers:archive']).toHaveBeenCalledWith({ id: 4 }));
    expect(await within(dialog).findByRole('alert')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Add supplier' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save supplier' }));
    expect(await within(dialog).findByText("Enter the supplier's name")).toBeInTheDocument();
    expect(api['suppliers:create']).not.toHaveBeenCalled();
    await user.type(within(dialog).getByRole('textbox', { name: 'Name' }), 'Brew Ltd');
    await user.type(within(dialog).getByRole('textbox', { name: 'E-mail' }), 'o@brew.example');
    api['suppliers:create'].mockResolvedValueOnce(ok({ ...pottery, id: 5, name: 'Brew Ltd' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save supplier' }));
    await waitFor(() =>
      expect(api['suppliers:create']).toHaveBeenCalledWith({
        ...{ name: 'Brew Ltd', contact: '', email: 'o@brew.example', phone: '', notes: '' },
      }),
    );
    expect(await within(dialog).findByRole('button', { name: 'Add supplier' })).toBeInTheDocument();
  });
});

const pottery = {
  ...{ id: 4, name: 'Pottery Co', contact: null, email: null, phone: null, notes: null },
  archived: false,
};
const candidate = (
  id: number,
  name: string,
  lastCost: number | null,
  suggested: number | null,
) => ({
  ...{ productId: id, sku: `SKU-${id}`, barcode: null, name, onHand: 1, reorderLevel: 4 },
  ...{ lastCost, suggested },
});
/** Order 12 to Pottery Co: 10 mugs at £1.25 and 7 jugs at £0.90, as the core answers it. */
function order12(status: PurchaseOrderView['status'], received = [0, 0]): PurchaseOrderView {
  const lines = [
    { id: 21, productId: 1, sku: 'SKU-1', name: 'Enamel mug', quantity: 10, unitCost: 125 },
    { id: 22, productId: 2, sku: 'SKU-2', name: 'Milk jug', quantity: 7, unitCost: 90 },
  ];
  return {
    ...{ id: 12, supplier: { id: 4, name: 'Pottery Co' }, status, note: null, total: 1880 },
    ...{ createdAt: '2026-11-20T09:00:00.000Z', orderedAt: null },
    lines: lines.map((l, i) => ({
      ...l,
      received: received[i]!,
      overReceived: received[i]! > l.quantity,
    })),
  };
}

async function openPurchaseOrders(orders: PurchaseOrderView[]) {
  const api = createFakeApi();
  api['auth:session'].mockResolvedValue(ok({ session: sessionFor('manager') }));
  api['settings:get'].mockResolvedValue(ok(SETTINGS));
  api['products:list'].mockResolvedValue(ok({ items: [product(1, 'Enamel mug')], total: 1 }));
  api['stock:levels'].mockResolvedValue(ok([]));
  api['stock:lowStock'].mockResolvedValue(ok({ items: [], total: 0 }));
  api['suppliers:list'].mockResolvedValue(ok({ items: [pottery] }));
  api['purchaseOrders:list'].mockResolvedValue(ok({ items: orders, total: orders.length }));
  const rendered = renderApp(api);
  await rendered.user.click(await screen.findByRole('button', { name: /^Products/ }));
  await screen.findByRole('table', { name: 'Products' });
  await pickStockMenu(rendered.user, 'Purchase orders');
  return {
    api,
    ...rendered,
    dialog: await screen.findByRole('dialog', { name: 'Purchase orders' }),
  };
}

describe('purchase orders from the Stock menu', () => {
  it('drafts an order from scans and low stock at last cost, orders, receives and exports it', async () => {
    const { api, user, dialog } = await openPurchaseOrders([]);
    expect(await within(dialog).findByText('No purchase orders yet.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'New purchase order' }));
    const form = await screen.findByRole('dialog', { name: 'New purchase order' });

    // Nothing chosen: clear errors, nothing sent.
    await user.click(within(form).getByRole('button', { name: 'Save draft' }));
    expect(await within(form).findByText('Choose a supplier')).toBeInTheDocument();
    expect(within(form).getByText('Add at least one product')).toBeInTheDocument();
    expect(api['purchaseOrders:create']).not.toHaveBeenCalled();

    await user.click(within(form).getByLabelText(/^Supplier/, { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Pottery Co' }));
    api['purchaseOrders:candidates'].mockResolvedValueOnce(
      ok({ items: [candidate(1, 'Enamel mug', 125, null)] }),
    );
    await user.type(within(form).getByRole('textbox', { name: /^Add product/ }), 'SKU-1{Enter}');
    expect(api['purchaseOrders:candidates']).toHaveBeenLastCalledWith({ search: 'SKU-1' });
    // The unit cost is prefilled from the product's last cost.
    const cost = await within(form).findByRole('textbox', { name: 'Unit cost of Enamel mug' });
    expect(cost).toHaveValue('1.25');
    const qty = within(form).getByRole('textbox', { name: 'Quantity of Enamel mug' });
    await user.clear(qty);
    await user.type(qty, '10');
    // Low stock: the suggested quantity; no last cost yet, so the cost must be typed.
    api['purchaseOrders:candidates'].mockResolvedValueOnce(
      ok({ items: [candidate(1, 'Enamel mug', 125, 7), candidate(2, 'Milk jug', null, 7)] }),
    );
    await user.click(within(form).getByRole('button', { name: 'Add low stock items' }));
    expect(api['purchaseOrders:candidates']).toHaveBeenLastCalledWith({ lowStock: true });
    expect(await within(form).findByRole('textbox', { name: 'Quantity of Milk jug' })).toHaveValue(
      '7',
    );
    await user.click(within(form).getByRole('button', { name: 'Save draft' }));
    expect(await within(form).findByText('Enter the cost per unit, e.g. 1.20')).toBeInTheDocument();
    expect(api['purchaseOrders:create']).not.toHaveBeenCalled();
    await user.type(within(form).getByRole('textbox', { name: 'Unit cost of Milk jug' }), '0,90');
    api['purchaseOrders:create'].mockResolvedValueOnce(ok(order12('draft')));
    api['purchaseOrders:get'].mockResolvedValue(ok(order12('draft')));
    await user.click(within(form).getByRole('button', { name: 'Save draft' }));
    expect(api['purchaseOrders:create']).toHaveBeenCalledWith({
      supplierId: 4,
      note: '',
      lines: [
        { productId: 1, quantity: 10, unitCost: 125 },
        { productId: 2, quantity: 7, unitCost: 90 },
      ],
    });

    const detail = await screen.findByRole('dialog', { name: 'PO-00012' });
    expect(within(detail).getByText('Draft')).toBeInTheDocument();
    api['purchaseOrders:setStatus'].mockResolvedValueOnce(ok(order12('ordered')));
    await user.click(within(detail).getByRole('button', { name: 'Mark as ordered' }));
    expect(api['purchaseOrders:setStatus']).toHaveBeenCalledWith({ id: 12, status: 'ordered' });

    // Receive: outstanding by default; two more mugs than ordered are warned about.
    await user.click(await within(detail).findByRole('button', { name: 'Receive goods' }));
    const mugs = within(detail).getByRole('textbox', { name: 'Quantity received of Enamel mug' });
    expect(mugs).toHaveValue('10');
    await user.clear(mugs);
    await user.type(mugs, '12');
    expect(within(detail).getByText(/2 more than outstanding/)).toBeInTheDocument();
    await user.type(
      within(detail).getByRole('textbox', { name: 'Invoice unit cost of Milk jug' }),
      '0.95',
    );
    api['purchaseOrders:receive'].mockResolvedValueOnce(ok(order12('received', [12, 7])));
    await user.click(within(detail).getByRole('button', { name: 'Book receipt' }));
    expect(api['purchaseOrders:receive']).toHaveBeenCalledWith({
      id: 12,
      lines: [
        { lineId: 21, quantity: 12 },
        { lineId: 22, quantity: 7, unitCost: 95 },
      ],
    });
    expect(await within(detail).findByText('Over-received')).toBeInTheDocument();
    expect(
      within(detail).getByText('Received', { selector: '.mantine-Badge-label' }),
    ).toBeVisible();

    api['purchaseOrders:export'].mockResolvedValueOnce(
      ok({ outcome: 'saved', fileName: 'kassa-PO-00012-Pottery-Co.csv', bytes: 300 }),
    );
    await user.click(within(detail).getByRole('button', { name: 'Export CSV' }));
    expect(api['purchaseOrders:export']).toHaveBeenCalledWith({ id: 12, format: 'csv' });
    expect(await screen.findByText('Saved kassa-PO-00012-Pottery-Co.csv')).toBeInTheDocument();
  });

  it('pages through more orders than one page holds, and a new filter starts at page 1', async () => {
    const { api, user, dialog } = await openPurchaseOrders([]);
    const many = (from: number) =>
      Array.from({ length: 50 }, (_, i) => ({ ...order12('ordered'), id: from - i }));
    api['purchaseOrders:list'].mockImplementation(async (input) =>
      ok({ items: many(120 - (input?.offset ?? 0)), total: 120 }),
    );
    // Reopen the list so it reads the 120 orders.
    await user.click(within(dialog).getByLabelText('Status', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Ordered' }));
    expect(await within(dialog).findByText('120 orders')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Open PO-00120' })).toBeInTheDocument();
    // The arrows are named buttons (axe-core's button-name; components/Pager.tsx).
    expect(within(dialog).getByRole('button', { name: 'Previous page' })).toBeDisabled();
    await user.click(within(dialog).getByRole('button', { name: 'Next page' }));
    await waitFor(() =>
      expect(api['purchaseOrders:list']).toHaveBeenLastCalledWith({
        status: 'ordered',
        limit: 50,
        offset: 50,
      }),
    );
    await user.click(within(dialog).getByRole('button', { name: '3' }));
    await waitFor(() =>
      expect(api['purchaseOrders:list']).toHaveBeenLastCalledWith({
        status: 'ordered',
        limit: 50,
        offset: 100,
      }),
    );
    expect(
      await within(dialog).findByRole('button', { name: 'Open PO-00020' }),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByLabelText('Status', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'All statuses' }));
    await waitFor(() =>
      expect(api['purchaseOrders:list']).toHaveBeenLastCalledWith({ limit: 50, offset: 0 }),
    );
  });

  it('filters by status, edits a draft, and cancels an order only after a confirmation', async () => {
    const { api, user, dialog } = await openPurchaseOrders([order12('draft')]);
    const row = await within(dialog).findByRole('row', { name: /PO-00012/ });
    expect(row).toHaveTextContent(/Pottery Co\s*Draft\s*£18\.80/);
    await user.click(within(dialog).getByLabelText('Status', { selector: 'input' }));
    await user.click(await screen.findByRole('option', { name: 'Partly received' }));
    await waitFor(() =>
      expect(api['purchaseOrders:list']).toHaveBeenLastCalledWith({
        status: 'partial',
        limit: 50,
        offset: 0,
      }),
    );

    api['purchaseOrders:get'].mockResolvedValue(ok(order12('draft')));
    await user.click(within(dialog).getByRole('button', { name: 'Open PO-00012' }));
    const detail = await screen.findByRole('dialog', { name: 'PO-00012' });
    await user.click(await within(detail).findByRole('button', { name: 'Edit draft' }));
    const form = await screen.findByRole('dialog', { name: 'Edit PO-00012' });
    await user.click(within(form).getByRole('button', { name: 'Remove Milk jug' }));
    api['purchaseOrders:update'].mockResolvedValueOnce(fail('CONFLICT'));
    await user.click(within(form).getByRole('button', { name: 'Save draft' }));
    expect(api['purchaseOrders:update']).toHaveBeenCalledWith({
      id: 12,
      supplierId: 4,
      note: '',
      lines: [{ productId: 1, quantity: 10, unitCost: 125 }],
    });
    // Refused (it was ordered meanwhile): the form stays, with the reason.
    expect(await within(form).findByRole('alert')).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Cancel' }));

    const again = await screen.findByRole('dialog', { name: 'PO-00012' });
    await user.click(await within(again).findByRole('button', { name: 'Cancel order' }));
    const confirm = await screen.findByRole('dialog', { name: 'Cancel this purchase order?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep order' }));
    expect(api['purchaseOrders:setStatus']).not.toHaveBeenCalled();
    await user.click(within(again).getByRole('button', { name: 'Cancel order' }));
    const sure = await screen.findByRole('dialog', { name: 'Cancel this purchase order?' });
    api['purchaseOrders:setStatus'].mockResolvedValueOnce(ok(order12('cancelled')));
    await user.click(within(sure).getByRole('button', { name: 'Cancel order' }));
    expect(api['purchaseOrders:setStatus']).toHaveBeenCalledWith({ id: 12, status: 'cancelled' });
    expect(await screen.findByText('Purchase order cancelled')).toBeInTheDocument();
  });
});
