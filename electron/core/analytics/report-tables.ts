/**
 * The dashboard's reports as tables for export (issue 11, section 4: "every report exports as CSV
 * and PDF"): one function per report, from the answer of its `analytics:*` channel to one or more
 * `ReportTable`s (shared/contract/analytics-export.ts says how each column kind is written). A
 * new report is one more function here and one line in report-export.ts; a new column is one
 * more `[key, kind]` pair and one more cell per row. Amounts stay integer minor units.
 */
import type {
  ChannelOutput,
  ReportCell,
  ReportColumnKind,
  ReportTable,
  SalesFigures,
  TopBy,
} from '../../../shared/contract';
import { roundHalfAway } from './report-figures';

type Column = readonly [key: string, kind: ReportColumnKind];

/** A table from its id, its `[key, kind]` columns, its rows and (optionally) its totals row. */
function table(
  id: string,
  columns: readonly Column[],
  rows: ReportCell[][],
  totals?: ReportCell[],
): ReportTable {
  return {
    id,
    columns: columns.map(([key, kind]) => ({ key, kind })),
    rows,
    ...(totals ? { totals } : {}),
  };
}

/** Σ of `pick` over `rows`. */
function sum<T>(rows: readonly T[], pick: (row: T) => number): number {
  return rows.reduce((total, row) => total + pick(row), 0);
}

/**
 * The change from `previous` to `current` in basis points (1250 = +12.5 %), rounded half away
 * from zero; null when `previous` is 0 (no change can be given).
 */
export function changeBps(current: number, previous: number): number | null {
  return previous === 0
    ? null
    : roundHalfAway(((current - previous) / Math.abs(previous)) * 10_000);
}

const COUNT_FIGURES = [
  'salesCount',
  'refundsCount',
  'voidsCount',
  'items',
  'itemsPerSale',
] as const;
const MONEY_FIGURES = [
  'gross',
  'refunds',
  'voids',
  'net',
  'discounts',
  'tax',
  'averageBasket',
] as const;

/** Margin over the costed lines; `netWithoutTax` shows how much of the net is costed. */
const MARGIN_FIGURES = ['netWithoutTax', 'costedNet', 'cost', 'margin'] as const;

/**
 * Key figures: the two periods (`periods`), each figure this period, the previous one and the
 * change (`counts`, `amounts`, `margin`), and the range's tenders with their total (`byTender`).
 */
export function keyFiguresTables(k: ChannelOutput<'analytics:keyFigures'>): ReportTable[] {
  const figures = (names: readonly (keyof SalesFigures)[]) =>
    names.map((n) => [n, k.current[n], k.previous[n], changeBps(k.current[n], k.previous[n])]);
  const tenders = k.byTender;
  return [
    table(
      'periods',
      [
        ['period', 'label'],
        ['from', 'date'],
        ['to', 'date'],
      ],
      [
        ['current', k.range.from, k.range.to],
        ['previous', k.previousRange.from, k.previousRange.to],
      ],
    ),
    table(
      'counts',
      [
        ['figure', 'label'],
        ['current', 'count'],
        ['previous', 'count'],
        ['change_percent', 'percent'],
      ],
      figures(COUNT_FIGURES),
    ),
    table(
      'amounts',
      [
        ['figure', 'label'],
        ['current', 'money'],
        ['previous', 'money'],
        ['change_percent', 'percent'],
      ],
      figures(MONEY_FIGURES),
    ),
    table(
      'margin',
      [
        ['figure', 'label'],
        ['current', 'money'],
        ['previous', 'money'],
        ['change_percent', 'percent'],
      ],
      MARGIN_FIGURES.map((n) => [
        n,
        k.margin.current[n],
        k.margin.previous[n],
        changeBps(k.margin.current[n], k.margin.previous[n]),
      ]),
    ),
    table(
      'byTender',
      [
        ['tender', 'label'],
        ['sales_count', 'count'],
        ['amount', 'money'],
        ['refunds_count', 'count'],
        ['refunds', 'money'],
        ['net', 'money'],
      ],
      tenders.map((t) => [t.type, t.salesCount, t.amount, t.refundsCount, t.refunds, t.net]),
      [
        null,
        sum(tenders, (t) => t.salesCount),
        sum(tenders, (t) => t.amount),
        sum(tenders, (t) => t.refundsCount),
        sum(tenders, (t) => t.refunds),
        sum(tenders, (t) => t.net),
      ],
    ),
  ];
}

/**
 * The trend, one row per bucket (empty ones included) with totals. A day or a week (its Monday)
 * is a business day; an hour (`YYYY-MM-DDTHH`) and a month (`YYYY-MM`) are text.
 */
export function trendTables(tr: ChannelOutput<'analytics:trend'>): ReportTable[] {
  const p = tr.points;
  const bucket: ReportColumnKind = tr.grain === 'day' || tr.grain === 'week' ? 'date' : 'text';
  return [
    table(
      `trend.${tr.grain}`,
      [
        [tr.grain, bucket],
        ['sales_count', 'count'],
        ['refunds_count', 'count'],
        ['items', 'count'],
        ['gross', 'money'],
        ['refunds', 'money'],
        ['net', 'money'],
      ],
      p.map((x) => [x.bucket, x.salesCount, x.refundsCount, x.items, x.gross, x.refunds, x.net]),
      [
        null,
        sum(p, (x) => x.salesCount),
        sum(p, (x) => x.refundsCount),
        sum(p, (x) => x.items),
        sum(p, (x) => x.gross),
        sum(p, (x) => x.refunds),
        sum(p, (x) => x.net),
      ],
    ),
  ];
}

const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/**
 * The weekday × hour heatmap as a list of the cells with sales or refunds (an empty cell says
 * nothing a table needs), Monday 00:00 first, with totals. Hours are store-local `HH:00`.
 */
export function heatmapTables(h: ChannelOutput<'analytics:heatmap'>): ReportTable[] {
  const cells = h.cells.filter((c) => c.salesCount !== 0 || c.net !== 0);
  return [
    table(
      'heatmap',
      [
        ['weekday', 'label'],
        ['hour', 'text'],
        ['sales_count', 'count'],
        ['net', 'money'],
      ],
      cells.map((c) => [
        WEEKDAYS[c.weekday - 1]!,
        `${String(c.hour).padStart(2, '0')}:00`,
        c.salesCount,
        c.net,
      ]),
      [null, null, sum(cells, (c) => c.salesCount), sum(cells, (c) => c.net)],
    ),
  ];
}

/** The money columns of a top list's row, in order, and their cells. */
const TOP_MONEY: readonly Column[] = [
  ['gross', 'money'],
  ['refunds', 'money'],
  ['net', 'money'],
  ['discounts', 'money'],
  ['tax', 'money'],
  ['cost', 'money'],
  ['margin', 'money'],
];
type TopRow = ChannelOutput<'analytics:topProducts'>['products'][number];
const topMoney = (r: Omit<TopRow, 'productId' | 'sku' | 'name'>): ReportCell[] => [
  r.gross,
  r.refunds,
  r.net,
  r.discounts,
  r.tax,
  r.cost,
  r.margin,
];

/** Top products in rank order, ranked `by` revenue (net), quantity or margin. */
export function topProductsTables(
  top: ChannelOutput<'analytics:topProducts'>,
  by: TopBy,
): ReportTable[] {
  return [
    table(
      `topProducts.${by}`,
      [
        ['rank', 'count'],
        ['sku', 'text'],
        ['product', 'text'],
        ['quantity', 'count'],
        ...TOP_MONEY,
      ],
      top.products.map((p, i) => [i + 1, p.sku, p.name, p.quantity, ...topMoney(p)]),
    ),
  ];
}

/**
 * Top categories in rank order, ranked `by` revenue, quantity or margin: each named by its path
 * ("Drinks > Tea"); the products in no category have no name (an empty CSV cell, "—" in the PDF).
 */
export function topCategoriesTables(
  top: ChannelOutput<'analytics:topCategories'>,
  by: TopBy,
): ReportTable[] {
  return [
    table(
      `topCategories.${by}`,
      [['rank', 'count'], ['category', 'text'], ['quantity', 'count'], ...TOP_MONEY],
      top.categories.map((c, i) => [
        i + 1,
        c.categoryId === null ? null : c.path.join(' > '),
        c.quantity,
        ...topMoney(c),
      ]),
    ),
  ];
}

/** Staff performance, one row per member by net, highest first. */
export function staffPerformanceTables(
  sp: ChannelOutput<'analytics:staffPerformance'>,
): ReportTable[] {
  return [
    table(
      'staffPerformance',
      [
        ['staff_member', 'text'],
        ['sales_count', 'count'],
        ['gross', 'money'],
        ['net', 'money'],
        ['average_basket', 'money'],
        ['items_per_sale', 'count'],
        ['refunds_count', 'count'],
        ['refunds', 'money'],
        ['voids_count', 'count'],
        ['voids', 'money'],
        ['discounts', 'money'],
        ['shifts_closed', 'count'],
        ['over_short', 'money'],
      ],
      sp.staff.map((s) => [
        s.name,
        s.salesCount,
        s.gross,
        s.net,
        s.averageBasket,
        s.itemsPerSale,
        s.refundsCount,
        s.refunds,
        s.voidsCount,
        s.voids,
        s.discounts,
        s.shiftsClosed,
        s.overShort,
      ]),
    ),
  ];
}

/** The tax report: net, tax and gross per rate, with the totals the channel answers. */
export function taxReportTables(tax: ChannelOutput<'analytics:taxReport'>): ReportTable[] {
  return [
    table(
      'taxReport',
      [
        ['tax_rate_percent', 'percent'],
        ['net', 'money'],
        ['tax', 'money'],
        ['gross', 'money'],
      ],
      tax.rates.map((r) => [r.taxRateBps, r.net, r.tax, r.gross]),
      [null, tax.totals.net, tax.totals.tax, tax.totals.gross],
    ),
  ];
}

/** Customers: the counts (`customerCounts`), the top customers and those not seen for 90 days. */
export function customersTables(c: ChannelOutput<'analytics:customers'>): ReportTable[] {
  return [
    table(
      'customerCounts',
      [
        ['figure', 'label'],
        ['count', 'count'],
      ],
      [
        ['newCustomers', c.newCustomers],
        ['returningCustomers', c.returningCustomers],
        ['walkInSales', c.walkInSales],
        ['lapsedCount', c.lapsedCount],
      ],
    ),
    table(
      'topCustomers',
      [
        ['customer', 'text'],
        ['sales_count', 'count'],
        ['net', 'money'],
      ],
      c.top.map((x) => [x.name, x.salesCount, x.net]),
    ),
    table(
      'lapsedCustomers',
      [
        ['customer', 'text'],
        ['last_seen', 'date'],
      ],
      c.lapsed.map((x) => [x.name, x.lastSeen]),
    ),
  ];
}
