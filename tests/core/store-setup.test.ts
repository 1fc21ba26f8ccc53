/**
 * Issue 8, item 8 and the locale of item 25: after the first admin, the store is set up in one
 * step (`settings:setUpStore`), and every store detail can be changed later (`settings:update`).
 * Bad input changes nothing: not the settings table, not the audit log.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import { auditCount, makeTestCore, resultCode, withAdmin, type TestCore } from '../helpers/core';

const STORE: ChannelInput<'settings:setUpStore'> = {
  storeName: 'Bäckerei Schmidt',
  storeAddress: 'Hauptstraße 1\n10115 Berlin',
  taxNumber: 'DE123456789',
  country: 'DE',
  currency: 'EUR',
  pricesIncludeTax: true,
  defaultTaxRateBps: 1900,
  timeZone: 'Europe/Berlin',
  receiptFooter: 'Vielen Dank für Ihren Einkauf!',
  locale: 'de-DE',
};

/** Every settings row, as stored. */
function settingsRows(t: TestCore): unknown[] {
  return t.raw().prepare('SELECT key, value FROM settings ORDER BY key').all();
}

describe('store set-up after the first admin', () => {
  let t: TestCore;
  beforeEach(async () => {
    t = await makeTestCore();
    await withAdmin(t);
  });
  afterEach(() => t.close());

  it('a new store is not set up, and says so; app:status carries the locale for sign-in', async () => {
    const s = await t.must('settings:get', {});
    expect(s).toMatchObject({ storeSetUp: false, locale: 'en-GB', country: 'GB' });
    expect(s.defaultTaxRateBps).toBe(2000);
    expect((await t.must('app:status', {})).locale).toBe('en-GB');
  });

  it('writes every detail at once, marks the store set up, and audits it', async () => {
    const s = await t.must('settings:setUpStore', STORE);
    expect(s).toMatchObject({ ...STORE, storeSetUp: true, currencyExponent: 2 });
    expect(auditCount(t, 'settings.store_set_up', 'success')).toBe(1);
    // One audit row per detail that changed (the address, VAT number, footer … were empty).
    expect(auditCount(t, 'settings.update', 'success')).toBeGreaterThanOrEqual(9);
    expect((await t.must('app:status', {})).locale).toBe('de-DE');

    // A restarted core reads the same values back.
    await t.core.close();
    const again = await makeTestCore({ dir: t.dir });
    try {
      await again.must('auth:login', { identifier: 'ada', password: 'correct horse battery' });
      expect(await again.must('settings:get', {})).toMatchObject({ ...STORE, storeSetUp: true });
    } finally {
      await again.close();
    }
  });

  it('normalises what it is given: upper-case codes, canonical locale, trimmed lines', async () => {
    const s = await t.must('settings:setUpStore', {
      ...STORE,
      country: ' de ',
      currency: 'eur',
      locale: 'de-de',
      storeAddress: '  Hauptstraße 1  \r\n  10115 Berlin ',
    });
    expect(s).toMatchObject({
      country: 'DE',
      currency: 'EUR',
      locale: 'de-DE',
      storeAddress: 'Hauptstraße 1\n10115 Berlin',
    });
  });

  it('a second set-up is CONFLICT and writes nothing', async () => {
    await t.must('settings:setUpStore', STORE);
    const before = settingsRows(t);
    const audits = auditCount(t, 'settings.update');
    const r = await t.call('settings:setUpStore', { ...STORE, storeName: 'Other' });
    expect(resultCode(r)).toBe('CONFLICT');
    expect(settingsRows(t)).toEqual(before);
    expect(auditCount(t, 'settings.update')).toBe(audits);
  });

  const BAD: Array<[string, Partial<ChannelInput<'settings:setUpStore'>>]> = [
    ['an unknown country', { country: 'XX' }],
    ['"UK", which is not an ISO code', { country: 'UK' }],
    ['a three-letter country', { country: 'DEU' }],
    ['an unknown currency', { currency: 'ABC' }],
    ['a currency symbol', { currency: '€' }],
    ['a tax rate above 100 %', { defaultTaxRateBps: 10_001 }],
    ['a negative tax rate', { defaultTaxRateBps: -1 }],
    ['a fractional tax rate', { defaultTaxRateBps: 19.5 }],
    ['a language the screens do not speak', { locale: 'fr-FR' }],
    ['a malformed locale', { locale: 'de_DE' }],
    ['a made-up locale', { locale: 'english' }],
    ['an unknown time zone', { timeZone: 'Europe/Atlantis' }],
    ['a footer of seven lines', { receiptFooter: '1\n2\n3\n4\n5\n6\n7' }],
    ['an address with a control character', { storeAddress: 'a\u0000b' }],
    ['a VAT number with a bidi override', { taxNumber: 'DE\u202e123' }],
    ['an empty store name', { storeName: '  ' }],
  ];

  it('refuses each bad detail with VALIDATION_FAILED, and changes nothing', async () => {
    const before = settingsRows(t);
    const audits = auditCount(t, 'settings.update');
    for (const [why, bad] of BAD) {
      const r = await t.call('settings:setUpStore', { ...STORE, ...bad } as never);
      expect(resultCode(r), why).toBe('VALIDATION_FAILED');
      expect(settingsRows(t), why).toEqual(before);
    }
    expect(auditCount(t, 'settings.update')).toBe(audits);
    expect((await t.must('settings:get', {})).storeSetUp).toBe(false);
  });

  it('settings:update refuses the same bad details, and changes nothing', async () => {
    await t.must('settings:setUpStore', STORE);
    const before = settingsRows(t);
    const audits = auditCount(t, 'settings.update');
    for (const [why, bad] of BAD) {
      const r = await t.call('settings:update', bad as never);
      expect(resultCode(r), why).toBe('VALIDATION_FAILED');
      expect(settingsRows(t), why).toEqual(before);
    }
    expect(auditCount(t, 'settings.update')).toBe(audits);
  });

  it('settings:update changes one detail and audits only that one', async () => {
    await t.must('settings:setUpStore', STORE);
    const audits = auditCount(t, 'settings.update');
    const s = await t.must('settings:update', { locale: 'en-GB', defaultTaxRateBps: 700 });
    expect(s).toMatchObject({ locale: 'en-GB', defaultTaxRateBps: 700, country: 'DE' });
    expect(auditCount(t, 'settings.update')).toBe(audits + 2);
  });

  it('the currency is still locked after the first sale: a set-up that changes it is CONFLICT', async () => {
    await t.must('products:create', {
      sku: 'BREAD',
      barcode: null,
      name: 'Bread',
      price: 250,
      taxRateBps: 0,
      kind: 'stock',
      active: true,
    } as never);
    const product = (await t.must('products:list', {} as never)).items[0]!;
    await t.must('sales:checkout', {
      id: '5b0c8a4e-2c7e-4f6a-9d2b-1e3f4a5b6c7d',
      lines: [{ productId: product.id, quantity: 1 }],
      tenders: [{ type: 'cash', amount: 500 }],
    } as never);
    const before = settingsRows(t);
    expect(resultCode(await t.call('settings:setUpStore', STORE))).toBe('CONFLICT');
    expect(settingsRows(t)).toEqual(before);
    // The same details in the store's own currency go through.
    expect((await t.must('settings:setUpStore', { ...STORE, currency: 'GBP' })).storeSetUp).toBe(
      true,
    );
  });
});

describe('a till set up before the store step existed', () => {
  it('is marked as set up by the migration, so its admins are not asked again', async () => {
    const t = await makeTestCore();
    try {
      await withAdmin(t);
      // Undo the marker and re-run the migration's own statement on the file.
      const db = t.writable();
      db.prepare("DELETE FROM migrations WHERE name = 'StoreSetUp1790000006100'").run();
      db.close();
      await t.core.close();
      const again = await makeTestCore({ dir: t.dir });
      try {
        await again.must('auth:login', { identifier: 'ada', password: 'correct horse battery' });
        expect((await again.must('settings:get', {})).storeSetUp).toBe(true);
      } finally {
        await again.close();
      }
    } finally {
      await t.close().catch(() => undefined);
    }
  });
});
