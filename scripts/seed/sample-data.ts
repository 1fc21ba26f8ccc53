/**
 * What the demo data is drawn from: the real Online Retail file (data/, CC BY 4.0) read
 * once with the importer's own parser. Products (StockCode, description, latest price), basket
 * sizes of real invoices, the (product, quantity, unit price) of real sold lines, and the
 * customers' countries. Plus name lists for generated customers and a small seeded PRNG.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseOnlineRetail } from '../../electron/core/imports/online-retail-parse';

export const SAMPLE_CSV = resolve(
  fileURLToPath(new URL('../..', import.meta.url)),
  'data/online-retail-2010-12.csv',
);

/** mulberry32: a fast, seeded 32-bit PRNG; `next()` is uniform in [0, 1). */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

export interface SampleProduct {
  /** Upper-case StockCode. */
  sku: string;
  /** Trimmed first non-empty description. */
  name: string;
  /** Latest sold unit price, minor units (pence). */
  price: number;
  /** How many sold lines of the file name it (for choosing the most common first). */
  lines: number;
}

export interface SampleLine {
  sku: string;
  quantity: number;
  unitPrice: number;
}

export interface SampleData {
  products: SampleProduct[];
  /** Line counts of the file's sale invoices: draw one for a basket size. */
  basketSizes: number[];
  /** Sold lines (quantity > 0): draw one for a line. */
  lines: SampleLine[];
  /** Country of each customer row, with repetition as in the file: draw one for a customer. */
  countries: string[];
}

let cached: SampleData | undefined;

/** Parses the sample file once per process. Throws if the file is missing or has refused rows. */
export function loadSampleData(path = SAMPLE_CSV): SampleData {
  if (cached && path === SAMPLE_CSV) return cached;
  const file = parseOnlineRetail(readFileSync(path, 'utf8'));
  if (file.rejected.length > 0)
    throw new Error(
      `${path}: ${file.rejected.length} rows refused, e.g. line ${file.rejected[0]!.line}`,
    );
  const products = new Map<string, SampleProduct>();
  const lines: SampleLine[] = [];
  const countries: string[] = [];
  const seenCustomer = new Set<string>();
  for (const r of file.rows) {
    if (r.customerRef !== null && r.country !== null && !seenCustomer.has(r.customerRef)) {
      seenCustomer.add(r.customerRef);
      countries.push(r.country);
    }
    if (r.quantity <= 0 || r.unitPrice <= 0) continue;
    lines.push({ sku: r.sku, quantity: r.quantity, unitPrice: r.unitPrice });
    const p = products.get(r.sku);
    if (p) {
      p.lines += 1;
      p.price = r.unitPrice;
      if (!p.name) p.name = r.description.trim();
    } else {
      products.set(r.sku, { sku: r.sku, name: r.description.trim(), price: r.unitPrice, lines: 1 });
    }
  }
  for (const p of products.values()) if (!p.name) p.name = p.sku;
  const data: SampleData = {
    products: [...products.values()].sort((a, b) => b.lines - a.lines || (a.sku < b.sku ? -1 : 1)),
    basketSizes: file.invoices.filter((i) => i.kind === 'sale').map((i) => i.rows.length),
    lines,
    countries,
  };
  if (path === SAMPLE_CSV) cached = data;
  return data;
}

export const FIRST_NAMES: readonly string[] = (
  `Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Freya Zoë Chloé ` +
  `Aoife Siobhán Noah Oliver George Arthur Muhammad Leo Harry Oscar Archie Henry ` +
  `Theodore Freddie Jack Charlie Thomas James William Samuel Joshua Daniel Priya ` +
  `Aarav Fatima Yusuf Wei Mei Hiroshi Yuki Lukas Jürgen Søren Björn Élodie François ` +
  `José María João Inês Kateřina Zofia Łukasz Ngozi Kwame Anaïs`
).split(' ');

export const LAST_NAMES: readonly string[] = (
  `Smith Jones Taylor Brown Williams Wilson Johnson Davies Patel Robinson Wright ` +
  `Thompson Evans Walker White Roberts Green Hall Wood Jackson Clarke Hughes ` +
  `O'Brien O'Connor MacDonald McKenzie Khan Ahmed Singh Chen Wang Nguyen Kowalski ` +
  `Nowak Müller Schröder Dubois Lefèvre García Fernández González Rossi Bianchi ` +
  `Jensen Ødegaard Andersson Murphy Kelly Byrne Okafor Mensah Sato Tanaka Kim Park ` +
  `Ivanova Novák Horváth Papadopoulos Yılmaz`
).split(' ');
