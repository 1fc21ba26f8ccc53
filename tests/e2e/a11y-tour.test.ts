/**
 * Issue 8, item 22: axe-core on every screen and every main dialog, with real data, requiring 0
 * critical and 0 serious violations. One admin walks the whole app in Chromium against a real
 * core: set-up, sign-in and access request, checkout (cart, discount, new customer, park, payment,
 * receipt), transactions (detail, receipt, edit, void, refund), customers, products, reports, data
 * import, staff (pending request, approve, add, change role, audit log), settings, change password,
 * the password re-check, the lock screen and the forced password change, and the shell itself at
 * 800×600.
 *
 * Every step is visited even when an earlier one finds problems: the test collects every
 * violation (screen, rule, target) and every step it could not reach, and fails with the whole
 * list, so one run tells which screen needs which fix.
 *
 * The tour's language is a parameter (`TOUR_LANGUAGES`): the texts it clicks by come from a table
 * per language. It runs in English (en-GB) and in German (de-DE): the store's `locale` setting is
 * set through the core (`settings:update`) before the tour signs in, so every screen after the
 * first-run set-up speaks that language.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ADMIN } from '../helpers/core';
import { axeSerious, gone, startHarness, visible, type Harness, type KassaPage } from './harness';

/** The texts the tour clicks by, per language. */
interface TourTexts {
  /** The store locale the tour sets (settings:update) before it signs in. */
  locale: string;
  setupTitle: string;
  signIn: string;
  requestAccess: string;
  identifier: string;
  password: string;
  nav: Record<
    | 'checkout'
    | 'transactions'
    | 'customers'
    | 'products'
    | 'reports'
    | 'data'
    | 'staff'
    | 'settings',
    string
  >;
  mainNav: string;
  /** The Reports screen's dashboard tab (issue 11, section 4). */
  dashboard: string;
  /** The dashboard's Export menu button (issue 11, section 4). */
  exportMenu: string;
  lock: string;
  changePassword: string;
  signOut: string;
  scan: string;
  pay: string;
  takePayment: string;
  parkSale: string;
  parkedSales: string;
  saleDiscount: RegExp;
  newCustomer: string;
  completeSale: string;
  exactCash: RegExp;
  receipt: string;
  newSale: string;
  transactionsTable: string;
  openReceipt: RegExp;
  saleDetail: string;
  print: string;
  edit: string;
  voidSale: string;
  refund: string;
  refundDialog: string;
  customersTable: string;
  newProduct: string;
  remove: string;
  importProducts: RegExp;
  /** The Products screen's categories manager button and dialog, and its new-category form. */
  categories: string;
  newCategory: string;
  addCategory: string;
  /** The product form's category field and its submit button. */
  category: string;
  saveChanges: string;
  /** Issue 11, section 2: the On hand cell's button, the Stock menu, its Low stock item and list. */
  stockOf: RegExp;
  stockMenu: RegExp;
  lowStockButton: RegExp;
  lowStock: string;
  /** Issue 11: each item of the Stock menu (stock take, receiving, orders, suppliers) and its dialog. */
  backOffice: Array<{ button: string; dialog: string }>;
  addMember: string;
  pendingRequests: RegExp;
  approve: string;
  actionsFor: (name: string) => RegExp;
  changeRole: string;
  confirmIdentity: string;
  close: string;
  storeName: string;
  tillLocked: string;
  choosePassword: string;
  cart: string;
  staffMembers: string;
  auditTab: RegExp;
  auditLog: RegExp;
  save: RegExp;
  customerRegion: RegExp;
  discountDialog: RegExp;
  addMemberDialog: RegExp;
  roleDialog: RegExp;
  passwordDialog: RegExp;
}

const ENGLISH: TourTexts = {
  locale: 'en-GB',
  setupTitle: 'Set up Kassa',
  signIn: 'Sign in',
  requestAccess: 'Request access',
  identifier: 'Username or email',
  password: 'Password',
  nav: {
    checkout: 'Checkout',
    transactions: 'Transactions',
    customers: 'Customers',
    products: 'Products',
    reports: 'Reports',
    data: 'Import data',
    staff: 'Staff',
    settings: 'Settings',
  },
  mainNav: 'Main',
  dashboard: 'Dashboard',
  exportMenu: 'Export',
  lock: 'Lock',
  changePassword: 'Change password',
  signOut: 'Sign out',
  scan: 'Scan or search products',
  pay: 'Pay',
  takePayment: 'Take payment',
  parkSale: 'Park sale',
  parkedSales: 'Parked sales',
  saleDiscount: /^(Change )?[Ss]ale discount$/,
  newCustomer: 'New customer',
  completeSale: 'Complete sale',
  exactCash: /^£20 in cash/,
  receipt: 'Receipt',
  newSale: 'New sale',
  transactionsTable: 'Transactions',
  openReceipt: /^Open receipt 1 /,
  saleDetail: 'Sale detail',
  print: 'Print',
  edit: 'Edit',
  voidSale: 'Void sale',
  refund: 'Refund',
  refundDialog: 'Refund',
  customersTable: 'Customers',
  newProduct: 'New product',
  remove: 'Remove',
  importProducts: /^Import products/,
  categories: 'Categories',
  newCategory: 'New category',
  addCategory: 'Add category',
  category: 'Category',
  saveChanges: 'Save changes',
  stockOf: /^Stock of /,
  stockMenu: /^Stock(\W+\d+ products? low on stock)?$/,
  lowStockButton: /^Low stock \(/,
  lowStock: 'Low stock',
  backOffice: [
    { button: 'Stock take', dialog: 'Stock take' },
    { button: 'Receive stock', dialog: 'Receive stock' },
    { button: 'Purchase orders', dialog: 'Purchase orders' },
    { button: 'Suppliers', dialog: 'Suppliers' },
  ],
  addMember: 'Add member',
  pendingRequests: /Pending requests/,
  approve: 'Approve',
  actionsFor: (name) => new RegExp(`^Actions for ${name}`),
  changeRole: 'Change role',
  confirmIdentity: 'Confirm it is you',
  close: 'Close dialog',
  storeName: 'Store name',
  tillLocked: 'Till locked',
  choosePassword: 'Choose a new password',
  cart: 'Cart',
  staffMembers: 'Staff members',
  auditTab: /Audit/,
  auditLog: /Audit log/,
  save: /Save/,
  customerRegion: /Customer/,
  discountDialog: /discount/i,
  addMemberDialog: /staff member/i,
  roleDialog: /role/i,
  passwordDialog: /password/i,
};

/** The same texts from the German catalogues (renderer/src/i18n/locales/de/*.json). */
const GERMAN: TourTexts = {
  locale: 'de-DE',
  setupTitle: 'Kassa einrichten',
  signIn: 'Anmelden',
  requestAccess: 'Zugang anfragen',
  identifier: 'Benutzername oder E-Mail',
  password: 'Passwort',
  nav: {
    checkout: 'Kasse',
    transactions: 'Transaktionen',
    customers: 'Kunden',
    products: 'Artikel',
    reports: 'Berichte',
    data: 'Daten importieren',
    staff: 'Mitarbeiter',
    settings: 'Einstellungen',
  },
  mainNav: 'Hauptmenü',
  dashboard: 'Dashboard',
  exportMenu: 'Exportieren',
  lock: 'Sperren',
  changePassword: 'Passwort ändern',
  signOut: 'Abmelden',
  scan: 'Artikel scannen oder suchen',
  pay: 'Bezahlen',
  takePayment: 'Zahlung annehmen',
  parkSale: 'Verkauf parken',
  parkedSales: 'Geparkte Verkäufe',
  saleDiscount: /^Bonrabatt( ändern)?$/,
  newCustomer: 'Neuer Kunde',
  completeSale: 'Verkauf abschließen',
  exactCash: /^20(,00)?\s£ bar/,
  receipt: 'Bon',
  newSale: 'Neuer Verkauf',
  transactionsTable: 'Transaktionen',
  openReceipt: /^Bon Nr\. 1 öffnen/,
  saleDetail: 'Verkaufsdetails',
  print: 'Drucken',
  edit: 'Bearbeiten',
  voidSale: 'Verkauf stornieren',
  refund: 'Erstatten',
  refundDialog: 'Erstattung',
  customersTable: 'Kunden',
  newProduct: 'Neuer Artikel',
  remove: 'Entfernen',
  // The button ("Artikel-CSV importieren") and its dialog ("Artikel importieren").
  importProducts: /^Artikel(-CSV)? importieren/,
  categories: 'Kategorien',
  newCategory: 'Neue Kategorie',
  addCategory: 'Kategorie hinzufügen',
  category: 'Kategorie',
  saveChanges: 'Änderungen speichern',
  stockOf: /^Bestand von /,
  stockMenu: /^Lager(\W+\d+ Artikel mit niedrigem Bestand)?$/,
  lowStockButton: /^Niedriger Bestand \(/,
  lowStock: 'Niedriger Bestand',
  backOffice: [
    { button: 'Inventur', dialog: 'Inventur' },
    { button: 'Wareneingang', dialog: 'Wareneingang buchen' },
    { button: 'Bestellungen', dialog: 'Bestellungen' },
    { button: 'Lieferanten', dialog: 'Lieferanten' },
  ],
  addMember: 'Mitarbeiter hinzufügen',
  pendingRequests: /Offene Anfragen/,
  approve: 'Freigeben',
  actionsFor: (name) => new RegExp(`^Aktionen für ${name}`),
  changeRole: 'Rolle ändern',
  confirmIdentity: 'Bestätigen Sie, dass Sie es sind',
  close: 'Dialog schließen',
  storeName: 'Name des Geschäfts',
  tillLocked: 'Kasse gesperrt',
  choosePassword: 'Neues Passwort wählen',
  cart: 'Warenkorb',
  staffMembers: 'Mitarbeiter',
  auditTab: /Prüfprotokoll/,
  auditLog: /Prüfprotokoll/,
  save: /Speichern/,
  customerRegion: /Kunde/,
  discountDialog: /rabatt/i,
  addMemberDialog: /Mitarbeiter hinzufügen/,
  roleDialog: /Rolle/,
  passwordDialog: /Passwort/,
};

/** The languages the tour runs in, with their texts. */
const TOUR_LANGUAGES: Array<{ language: string; texts: TourTexts }> = [
  { language: 'en', texts: ENGLISH },
  { language: 'de', texts: GERMAN },
];

const MUG = { sku: 'MUG-01', barcode: '5012345678900', name: 'Enamel Mug', price: 450 };
const TOWEL = { sku: 'TT-02', barcode: '5012345678917', name: 'Tea Towel', price: 650 };
const LANTERN = { sku: 'LAN-03', name: 'Paper Lantern', price: 1299 };
const CUSTOMERS = [
  { name: 'Maria Lopez', email: 'maria.lopez@example.com', phone: '07700 900123' },
  { name: 'Sean O’Brien', email: 'sean@example.com', phone: '07700 900456' },
];
const REQUESTER = {
  username: 'pat',
  email: 'pat@shop.test',
  displayName: 'Pat Pending',
  password: 'a new till every day',
};
const NEWCOMER = { username: 'nell', email: 'nell@shop.test', displayName: 'Nell Newcomer' };

interface Finding {
  step: string;
  rule: string;
  impact: string;
  targets: string[];
}

/** Calls a channel from the page, as the screens do, and unwraps the result. */
async function api<T>(page: Page, channel: string, input?: unknown): Promise<T> {
  const r = (await page.evaluate(
    ([c, i]) => (window.api as unknown as Record<string, (x: unknown) => Promise<unknown>>)[c]!(i),
    [channel, input] as const,
  )) as { ok: boolean; data?: T; error?: { code: string; message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.code} ${r.error?.message}`);
  return r.data as T;
}

describe.each(TOUR_LANGUAGES)('accessibility tour ($language)', ({ language, texts: T }) => {
  let h: Harness;
  let w: KassaPage;
  const findings: Finding[] = [];
  const unreachable: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ firstScreenshot: 70 });
    w = await h.newPage();
    // A step whose control is missing fails fast and the tour goes on.
    w.page.setDefaultTimeout(8_000);
  });
  // No console error, uncaught error or CSP violation on any step.
  afterEach(() => w?.assertClean());
  afterAll(async () => {
    await h?.close();
  });

  const page = () => w.page;

  /** Runs axe on the page as it is now and records what it finds under `step`. */
  async function audit(step: string): Promise<void> {
    for (const v of await axeSerious(page()))
      findings.push({
        step: `${language}: ${step}`,
        rule: v.id,
        impact: v.impact,
        targets: v.targets,
      });
  }

  /** Opens a screen or a state with `open`, audits it; a step that cannot be reached is recorded. */
  async function step(name: string, open: () => Promise<void>): Promise<void> {
    try {
      await open();
      await audit(name);
    } catch (e) {
      unreachable.push(`${language}: ${name}: ${(e as Error).message.split('\n')[0]}`);
      await h.screenshot(w, `unreachable-${name.replace(/\W+/g, '-')}`).catch(() => '');
      // Close whatever the failed step left open, so the next one starts from the screen.
      await closeDialogs().catch(() => undefined);
    }
  }

  /** Opens a dialog with `open`, audits it, and closes it with Escape. */
  async function dialog(name: string, title: string | RegExp, open: () => Promise<void>) {
    await step(`${name} (dialog)`, async () => {
      await open();
      await visible(page().getByRole('dialog', { name: title }));
    });
    await closeDialogs();
  }

  /** Closes every open dialog: Escape (a first one may only close a field's dropdown), then ×. */
  async function closeDialogs(): Promise<void> {
    for (let i = 0; i < 4; i++) {
      const open = page().getByRole('dialog');
      if ((await open.count()) === 0) return;
      await page().keyboard.press('Escape');
      if (
        await gone(open.last(), 1_500).then(
          () => true,
          () => false,
        )
      )
        continue;
      if (i >= 1)
        await open
          .last()
          .getByRole('button', { name: T.close, exact: true })
          .first()
          .click({ force: true })
          .catch(() => undefined);
    }
  }

  const nav = () => page().getByRole('navigation', { name: T.mainNav });
  const go = async (screen: keyof TourTexts['nav']) => {
    await nav().getByRole('button', { name: T.nav[screen] }).click();
  };

  async function signIn(who: { username: string; password: string }) {
    await visible(page().getByRole('heading', { name: T.signIn }));
    await page().getByLabel(T.identifier).fill(who.username);
    await page().getByLabel(T.password, { exact: true }).fill(who.password);
    await page().keyboard.press('Enter');
  }

  it('set-up, sign-in and request access', async () => {
    await page().clock.setFixedTime(h.clock.now());
    await w.open();
    // The first run has no store yet, so no store locale: it speaks the default language.
    await step('set-up', async () => {
      await visible(page().getByRole('heading', { name: ENGLISH.setupTitle }));
    });

    // The shop's data, through the channels the screens use.
    await api(page(), 'setup:createAdmin', ADMIN);
    await api(page(), 'settings:update', {
      storeName: 'Corner Shop',
      idleLockMinutes: 15,
      locale: T.locale,
    });
    const ids: number[] = [];
    for (const p of [MUG, TOWEL, LANTERN])
      ids.push(
        (await api<{ id: number }>(page(), 'products:create', { ...p, taxRateBps: 2000 })).id,
      );
    const customerIds: number[] = [];
    for (const c of CUSTOMERS)
      customerIds.push((await api<{ id: number }>(page(), 'customers:create', c)).id);
    for (const [i, productId] of ids.entries())
      await api(page(), 'sales:checkout', {
        id: randomUUID(),
        lines: [{ productId, quantity: i + 1 }],
        customerId: customerIds[i % 2] ?? null,
        // Card for the exact total of the second sale, £50 cash for the others.
        tenders: [
          i === 1 ? { type: 'card', amount: TOWEL.price * 2 } : { type: 'cash', amount: 5000 },
        ],
      });
    const anonymous = { origin: h.origin, isTopFrame: true, windowId: 90 };
    expect((await h.core.invoke('auth:requestAccess', REQUESTER, anonymous)).ok).toBe(true);
    await api(page(), 'auth:logout');

    await page().reload();
    await step('sign-in', async () => {
      await visible(page().getByRole('heading', { name: T.signIn }));
    });
    await step('request access', async () => {
      await page().getByRole('button', { name: T.requestAccess }).click();
      await visible(page().getByRole('heading', { name: T.requestAccess }));
    });
    await page().reload();
    await signIn(ADMIN);
    await visible(nav());
  });

  it('checkout: cart, discount, new customer, park, payment and receipt', async () => {
    await step('checkout (empty)', async () => {
      await visible(page().getByRole('combobox', { name: T.scan }));
    });
    await step('checkout (two lines)', async () => {
      const scan = await visible(page().getByRole('combobox', { name: T.scan }));
      await scan.click();
      for (const code of [MUG.barcode, TOWEL.barcode]) {
        await page().keyboard.type(code, { delay: 5 });
        await page().keyboard.press('Enter');
      }
      await visible(page().getByRole('table', { name: T.cart }).getByText(TOWEL.name));
    });
    await dialog('sale discount', T.discountDialog, () =>
      page().getByRole('button', { name: T.saleDiscount }).click(),
    );
    await dialog('new customer (checkout)', T.newCustomer, () =>
      page().getByRole('button', { name: T.newCustomer }).click(),
    );
    await dialog('park sale', T.parkSale, () =>
      page().getByRole('button', { name: T.parkSale }).click(),
    );
    await dialog('parked sales', T.parkedSales, () =>
      page().getByRole('button', { name: T.parkedSales }).click(),
    );
    await step('payment (dialog)', async () => {
      await page().getByRole('button', { name: T.pay }).click();
      const d = await visible(page().getByRole('dialog', { name: T.takePayment }));
      await d.getByRole('button', { name: T.exactCash }).first().click();
    });
    await step('receipt', async () => {
      const d = page().getByRole('dialog', { name: T.takePayment });
      await d.getByRole('button', { name: T.completeSale }).click();
      await visible(page().getByRole('region', { name: T.receipt }));
    });
    await page()
      .getByRole('button', { name: T.newSale })
      .click()
      .catch(() => undefined);
  });

  it('transactions: list, detail, receipt, edit, void and refund', async () => {
    await step('transactions', async () => {
      await go('transactions');
      await visible(page().getByRole('table', { name: T.transactionsTable }));
    });
    await step('transaction detail', async () => {
      await page()
        .getByRole('table', { name: T.transactionsTable })
        .getByRole('button', { name: T.openReceipt })
        .click();
      await visible(page().getByRole('region', { name: T.saleDetail }));
    });
    const detail = () => page().getByRole('region', { name: T.saleDetail });
    await dialog('receipt (transactions)', T.receipt, () =>
      detail().getByRole('button', { name: T.print }).click(),
    );
    await dialog('edit customer and note', /./, () =>
      detail().getByRole('button', { name: T.edit }).click(),
    );
    await dialog('void sale', T.voidSale, () =>
      detail().getByRole('button', { name: T.voidSale }).click(),
    );
    await dialog('refund', T.refundDialog, () =>
      detail().getByRole('button', { name: T.refund }).click(),
    );
  });

  it('customers and products, with their forms', async () => {
    await step('customers', async () => {
      await go('customers');
      await visible(page().getByRole('table', { name: T.customersTable }));
    });
    await dialog('new customer', T.newCustomer, () =>
      page().getByRole('button', { name: T.newCustomer }).click(),
    );
    await step('customer detail', async () => {
      await page()
        .getByRole('table', { name: T.customersTable })
        .getByRole('button', { name: CUSTOMERS[0]!.name })
        .click();
      await visible(page().getByRole('region', { name: T.customerRegion }));
    });
    await dialog('customer form (edit)', new RegExp(CUSTOMERS[0]!.name), () =>
      page()
        .getByRole('region', { name: T.customerRegion })
        .getByRole('button', { name: T.edit })
        .click(),
    );

    await step('products', async () => {
      await go('products');
      await visible(page().getByRole('table', { name: T.nav.products }));
    });
    await dialog('new product', T.newProduct, () =>
      page().getByRole('button', { name: T.newProduct }).click(),
    );
    const row = () =>
      page()
        .getByRole('table', { name: T.nav.products })
        .getByRole('row')
        .filter({ hasText: MUG.name });
    await dialog('product form (edit)', new RegExp(MUG.name), () =>
      row().getByRole('button', { name: T.edit }).click(),
    );
    await dialog('remove product', new RegExp(MUG.name), () =>
      row().getByRole('button', { name: T.remove }).click(),
    );
    // Issue 11, section 1: the categories manager, its form, and the tree with a category in it.
    const manager = () => page().getByRole('dialog', { name: T.categories });
    await step('categories manager (dialog)', async () => {
      await page().getByRole('button', { name: T.categories, exact: true }).click();
      await visible(manager());
    });
    await step('category form (dialog)', async () => {
      await manager().getByRole('button', { name: T.addCategory }).click();
      await visible(page().getByRole('dialog', { name: T.newCategory }));
    });
    await step('categories manager with a category (dialog)', async () => {
      const form = page().getByRole('dialog', { name: T.newCategory });
      await form.getByRole('textbox').first().fill(`Drinks ${language}`);
      await page().keyboard.press('Enter');
      await visible(manager().getByRole('listitem').first());
      await h.screenshot(w, `categories-${language}`);
    });
    await closeDialogs();
    await step('products with a category, at 1024×768', async () => {
      await row().getByRole('button', { name: T.edit }).click();
      const form = page().getByRole('dialog', { name: new RegExp(MUG.name) });
      await form.getByLabel(T.category, { exact: true }).click();
      await page()
        .getByRole('option', { name: `Drinks ${language}` })
        .click();
      await form.getByRole('button', { name: T.saveChanges }).click();
      await gone(form);
      await visible(row().getByText(`Drinks ${language}`));
      await page().setViewportSize({ width: 1024, height: 768 });
      await h.screenshot(w, `products-categories-${language}-1024x768`);
    });
    // Issue 11, section 2: the Stock dialog (adjustment, reorder level) and the low-stock list,
    // with the products screen's On hand column: at the three screen sizes in English; in German,
    // whose longer words are what a narrow screen cuts, at the smallest.
    const sizes = [
      [1024, 768],
      [1366, 768],
      [1920, 1080],
    ] as const;
    for (const [width, height] of language === 'en' ? sizes : sizes.slice(0, 1)) {
      await page().setViewportSize({ width, height });
      await step(`stock dialog ${width}×${height}`, async () => {
        await row().getByRole('button', { name: T.stockOf }).click();
        await visible(page().getByRole('dialog', { name: new RegExp(MUG.name) }));
      });
      await h.screenshot(w, `stock-dialog-${language}-${width}x${height}`);
      await closeDialogs();
      await step(`low stock list ${width}×${height}`, async () => {
        await page().getByRole('button', { name: T.stockMenu }).click();
        await page().getByRole('menuitem', { name: T.lowStockButton }).click();
        await page().getByRole('menu').waitFor({ state: 'detached' });
        await visible(page().getByRole('dialog', { name: T.lowStock }));
      });
      await h.screenshot(w, `stock-low-${language}-${width}x${height}`);
      await closeDialogs();
      await h.screenshot(w, `stock-products-${language}-${width}x${height}`);
    }
    await page().setViewportSize({ width: 1280, height: 800 });
    for (const d of T.backOffice)
      await dialog(d.dialog, d.dialog, async () => {
        await page().getByRole('button', { name: T.stockMenu }).click();
        await page().getByRole('menuitem', { name: d.button, exact: true }).click();
        // The closing menu is audited with the dialog unless it has gone.
        await page().getByRole('menu').waitFor({ state: 'detached' });
      });
  });

  it('reports, data import and settings', async () => {
    await step('reports', async () => {
      await go('reports');
      await visible(page().getByRole('table').first());
    });
    await step('reports dashboard', async () => {
      await page().getByRole('tab', { name: T.dashboard, exact: true }).click();
      await visible(page().getByRole('list').first());
    });
    await step('reports dashboard: Export menu open', async () => {
      await page().getByRole('button', { name: T.exportMenu, exact: true }).click();
      await visible(page().getByRole('menu'));
    });
    await page().keyboard.press('Escape');
    await page().getByRole('menu').waitFor({ state: 'detached' });
    await step('data import', async () => {
      await go('data');
      await visible(page().getByRole('button', { name: T.importProducts }).first());
    });
    await dialog('data import (products CSV)', T.importProducts, () =>
      page().getByRole('button', { name: T.importProducts }).first().click(),
    );
    await step('settings', async () => {
      await go('settings');
      await visible(page().getByRole('button', { name: T.save }).first());
    });
  });

  it('staff: pending request, approve, add member, change role, audit log, password re-check', async () => {
    await step('staff (with a pending request)', async () => {
      await go('staff');
      await visible(page().getByRole('region', { name: T.pendingRequests }));
    });
    await step('staff: approve a request', async () => {
      const pending = page().getByRole('region', { name: T.pendingRequests });
      await pending.getByRole('button', { name: T.approve }).first().click();
      // The role is chosen when approving (item 15), in a dialog.
      const approveDialog = await visible(page().getByRole('dialog'));
      await audit('staff: approve (dialog)');
      await approveDialog.getByRole('button', { name: T.approve, exact: true }).click();
      await gone(approveDialog);
      await visible(
        page().getByRole('table', { name: T.staffMembers }).getByText(REQUESTER.displayName),
      );
    });
    await dialog('add member', T.addMemberDialog, () =>
      page().getByRole('button', { name: T.addMember }).first().click(),
    );
    await dialog('change role', T.roleDialog, async () => {
      await page()
        .getByRole('button', { name: T.actionsFor(REQUESTER.displayName) })
        .click();
      await page().getByRole('menuitem', { name: T.changeRole }).click();
    });
    await step('audit log', async () => {
      await page()
        .getByRole('tab', { name: T.auditTab })
        .click()
        .catch(() => undefined);
      await visible(page().getByRole('table', { name: T.auditLog }));
    });
    // The password is asked again after five minutes (S3): the re-check dialog, on saving settings.
    await step('password re-check (dialog)', async () => {
      await go('settings');
      const storeName = await visible(page().getByLabel(T.storeName));
      h.clock.advanceMinutes(6);
      await storeName.fill('Corner Shop & Café');
      await page().getByRole('button', { name: T.save }).first().click();
      await visible(page().getByRole('dialog', { name: T.confirmIdentity }));
    });
    await closeDialogs();
  });

  it('change password, the lock screen, and a forced password change', async () => {
    await dialog('change password', T.passwordDialog, () =>
      page().getByRole('banner').getByRole('button', { name: T.changePassword }).click(),
    );
    await step('lock screen', async () => {
      await page().getByRole('banner').getByRole('button', { name: T.lock }).click();
      await visible(page().getByRole('heading', { name: T.tillLocked }));
    });
    await page().getByLabel(T.password, { exact: true }).fill(ADMIN.password);
    await page().keyboard.press('Enter');
    await visible(nav());

    await api(page(), 'auth:reauthenticate', { password: ADMIN.password });
    const { temporaryPassword } = await api<{ temporaryPassword: string }>(page(), 'staff:create', {
      ...NEWCOMER,
      role: 'cashier',
      approve: true,
    });
    await page().getByRole('banner').getByRole('button', { name: T.signOut }).click();
    await step('forced password change', async () => {
      await signIn({ username: NEWCOMER.username, password: temporaryPassword });
      await visible(page().getByRole('heading', { name: T.choosePassword }));
    });
  });

  it('the shell at 800×600, 1024×768, 1366×768 and 1920×1080', async () => {
    await api(page(), 'auth:logout');
    await page().reload();
    await signIn(ADMIN);
    await visible(nav());
    for (const [width, height, rootPx] of [
      [800, 600, 16],
      [1024, 768, 16],
      [1366, 768, 17],
      [1920, 1080, 20],
    ] as const) {
      await page().setViewportSize({ width, height });
      await step(`shell ${width}×${height}`, async () => {
        await go('checkout');
        await visible(page().getByRole('combobox', { name: T.scan }));
        // Text and targets scale with the screen (the root font size, which Mantine's rem follow).
        expect(
          await page().evaluate(() => getComputedStyle(document.documentElement).fontSize),
        ).toBe(`${rootPx}px`);
        // Every header button is on screen, not cut off.
        for (const name of [T.lock, T.changePassword, T.signOut]) {
          const box = await page().getByRole('banner').getByRole('button', { name }).boundingBox();
          expect(box, name).not.toBeNull();
          expect(box!.x + box!.width, `${name} right edge`).toBeLessThanOrEqual(width);
        }
      });
      await h.screenshot(w, `shell-${language}-${width}x${height}`);
    }
    await page().setViewportSize({ width: 1280, height: 800 });
  });

  it('finds no critical or serious violation, and reaches every step', () => {
    const report = findings.map(
      (f) => `${f.step} — ${f.rule} (${f.impact}): ${f.targets.join(' | ')}`,
    );
    if (report.length || unreachable.length)
      console.info(`axe findings:\n${report.join('\n')}\nunreachable:\n${unreachable.join('\n')}`);
    expect({ violations: report, unreachable }).toEqual({ violations: [], unreachable: [] });
  });
});
