import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaleDetail } from '../../shared/contract';
import { printReceipt, Receipt } from '../../renderer/src/features/receipt/Receipt';
import { formatDateTime } from '../../renderer/src/format/time';

const sale: SaleDetail = {
  id: 40,
  uuid: '0f8fad5b-d9cb-469f-a165-70867728950e',
  receiptNo: 17,
  tillName: 'Front counter',
  kind: 'sale',
  status: 'completed',
  staff: { id: 3, name: 'Tom Baker' },
  customer: { id: 7, name: 'Ada Lovelace' },
  currency: 'GBP',
  total: 1575,
  createdAt: '2026-11-23T10:15:00.000Z',
  subtotal: 1750,
  discount: 175,
  tax: 262,
  pricesIncludeTax: true,
  note: null,
  source: 'till',
  externalRef: null,
  refundOf: null,
  lines: [
    {
      id: 1,
      lineNo: 1,
      productId: 1,
      sku: 'MUG-1',
      description: '  RED   MUG ',
      unitPrice: 450,
      quantity: 3,
      taxRateBps: 2000,
      discount: 135,
      tax: 203,
      total: 1215,
      refundedQuantity: 0,
      refundOfLineId: null,
    },
    {
      id: 2,
      lineNo: 2,
      productId: 2,
      sku: 'TT-1',
      description: 'Tea towel',
      unitPrice: 400,
      quantity: 1,
      taxRateBps: 2000,
      discount: 40,
      tax: 59,
      total: 360,
      refundedQuantity: 0,
      refundOfLineId: null,
    },
  ],
  tenders: [
    { type: 'card', amount: 1000, tendered: null, change: null },
    { type: 'cash', amount: 575, tendered: 2000, change: 1425 },
  ],
  void: null,
  refunds: [],
  voidable: true,
};

afterEach(() => {
  vi.restoreAllMocks();
  delete document.documentElement.dataset.print;
});

describe('Receipt', () => {
  it('shows the store, till, number, local time, staff, customer, lines, totals, tenders and change', () => {
    render(<Receipt sale={sale} settings={{ storeName: 'Corner Shop' }} />);
    const receipt = screen.getByRole('region', { name: 'Receipt' });
    const r = within(receipt);
    expect(r.getByText('Corner Shop')).toBeInTheDocument();
    expect(r.getByText('Receipt #17 · Front counter')).toBeInTheDocument();
    expect(r.getByText(formatDateTime(sale.createdAt))).toBeInTheDocument();
    expect(r.getByText('Served by Tom Baker')).toBeInTheDocument();
    expect(r.getByText('Customer: Ada Lovelace')).toBeInTheDocument();

    const items = within(r.getByRole('list', { name: 'Items' })).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('RED MUG3 × £4.50 (−£1.35)£12.15');
    expect(items[1]).toHaveTextContent('Tea towel1 × £4.00 (−£0.40)£3.60');

    const row = (label: string) => r.getByText(label).closest('.k-receipt-row');
    expect(row('Subtotal')).toHaveTextContent('£17.50');
    expect(row('Discount')).toHaveTextContent('−£1.75');
    expect(row('Tax (incl.)')).toHaveTextContent('£2.62');
    expect(row('Total')).toHaveTextContent('£15.75');
    expect(row('Card')).toHaveTextContent('£10.00');
    expect(row('Cash tendered £20.00')).toHaveTextContent('£5.75');
    expect(r.getByText('Change due').parentElement).toHaveTextContent('Change due £14.25');
  });

  it('says "Tax" when prices exclude it, and leaves out a zero discount and the customer of a walk-in', () => {
    render(
      <Receipt
        sale={{ ...sale, pricesIncludeTax: false, discount: 0, customer: null }}
        settings={null}
      />,
    );
    const r = within(screen.getByRole('region', { name: 'Receipt' }));
    expect(r.getByText('Tax')).toBeInTheDocument();
    expect(r.queryByText('Tax (incl.)')).not.toBeInTheDocument();
    expect(r.queryByText('Discount')).not.toBeInTheDocument();
    expect(r.queryByText(/Customer:/)).not.toBeInTheDocument();
  });

  it('marks the document while printing so the print CSS shows the receipt alone', () => {
    let marked: string | undefined;
    const print = vi.spyOn(window, 'print').mockImplementation(() => {
      marked = document.documentElement.dataset.print;
    });
    printReceipt();
    expect(print).toHaveBeenCalledOnce();
    expect(marked).toBe('receipt');
    window.dispatchEvent(new Event('afterprint'));
    expect(document.documentElement.dataset.print).toBeUndefined();
  });
});
