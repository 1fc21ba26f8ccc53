import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SaleDetail } from '../../shared/contract';
import { printReceipt, Receipt } from '../../renderer/src/features/receipt/Receipt';
import { dateTime } from '../../renderer/src/format/locale';
import { setLocale } from '../../renderer/src/i18n';

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

afterEach(async () => {
  await setLocale('en-GB');
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
    expect(r.getByText(dateTime(sale.createdAt))).toBeInTheDocument();
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
    expect(r.getByText('Tax', { selector: 'dt' })).toBeInTheDocument();
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

describe('Receipt: the store details and the tax per rate (issue 8, item 17)', () => {
  const STORE = {
    storeName: 'Corner Shop',
    storeAddress: '1 High Street\nLeeds LS1 1AA',
    taxNumber: 'GB123456789',
    receiptFooter: 'Returns within 30 days\nwith this receipt',
  };
  // A 20 % line and a 5 % line, prices including tax.
  const twoRates: SaleDetail = {
    ...sale,
    discount: 0,
    subtotal: 1450,
    tax: 219,
    total: 1450,
    lines: [
      { ...sale.lines[0]!, discount: 0, quantity: 2, unitPrice: 450, tax: 150, total: 900 },
      {
        ...sale.lines[1]!,
        discount: 0,
        unitPrice: 550,
        quantity: 1,
        taxRateBps: 500,
        tax: 26,
        total: 550,
      },
      {
        ...sale.lines[1]!,
        id: 3,
        lineNo: 3,
        description: 'Zero-rated book',
        discount: 0,
        unitPrice: 0,
        quantity: 1,
        taxRateBps: 0,
        tax: 0,
        total: 0,
      },
    ],
  };

  it('prints the address, the VAT number and the footer from the settings', () => {
    render(<Receipt sale={sale} settings={STORE} />);
    const r = within(screen.getByRole('region', { name: 'Receipt' }));
    expect(r.getByText('1 High Street')).toBeInTheDocument();
    expect(r.getByText('Leeds LS1 1AA')).toBeInTheDocument();
    expect(r.getByText('VAT no. GB123456789')).toBeInTheDocument();
    expect(r.getByText('Returns within 30 days')).toBeInTheDocument();
    expect(r.getByText('with this receipt')).toBeInTheDocument();
    expect(r.queryByText('Thank you')).not.toBeInTheDocument();
  });

  it('breaks the tax down per rate, and the rows add up to the sale', () => {
    render(<Receipt sale={twoRates} settings={STORE} />);
    const table = screen.getByRole('table', { name: 'Tax by rate' });
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.textContent);
    expect(rows).toEqual(['20%£7.50£1.50£9.00', '5%£5.24£0.26£5.50', '0%£0.00£0.00£0.00']);
  });

  it('reads in German with German formats when the store locale is de-DE', async () => {
    await setLocale('de-DE');
    render(<Receipt sale={{ ...twoRates, currency: 'EUR' }} settings={STORE} />);
    const r = within(screen.getByRole('region', { name: 'Bon' }));
    expect(r.getByText('USt-IdNr. GB123456789')).toBeInTheDocument();
    expect(r.getByText('Zwischensumme')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'MwSt. nach Steuersatz' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/20\s%7,50\s€1,50\s€9,00\s€/);
  });
});
