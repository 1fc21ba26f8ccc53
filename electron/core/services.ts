/**
 * buildServices: wires the core's services over an open database, the one place that knows which
 * service needs which. createCore calls it after boot; tests that need the handlers behind the
 * router's schema call it too, so they run exactly the app's wiring.
 */
import { AppError } from '../../shared/errors';
import { AuditLog } from './audit/audit-log';
import { AuthService } from './auth/auth-service';
import { PasswordHasher } from './auth/password-hasher';
import { SessionManager } from './auth/sessions';
import { Database } from './db/database';
import { SettingsService } from './settings/settings-service';
import { StaffService } from './staff/staff-service';
import type { Clock, Logger, SecretStore } from './types';
import type { FullCheckOutcome, IntegrityStatus } from './integrity/monitor';
import { ensureTill, type TillRetirement } from './tills/till-service';
import { StoreTills } from './store-server/store-tills';
import { ProductService } from './products/product-service';
import { CategoryService } from './categories/category-service';
import { CustomerService } from './customers/customer-service';
import { SaleQueries } from './sales/sale-queries';
import { CheckoutService } from './sales/checkout-service';
import { SaleActions } from './sales/sale-actions';
import { ParkedSales } from './sales/parked-sales';
import { DaySummaryService } from './reports/day-summary';
import { OnlineRetailImporter } from './imports/online-retail-import';
import { ImportJobs } from './imports/import-jobs';
import { TillCarts } from './carts/till-carts';
import { RoleService } from './roles/role-service';
import { PendingSignIns } from './two-factor/pending-sign-ins';
import { TwoFactorService } from './two-factor/two-factor-service';
import { PinService } from './pin/pin-service';
import { MailSettings } from './mail/mail-settings';
import { Mailer } from './mail/mailer';
import { getOrCreateDataProtectionKey } from './secrets';
import { OneTimeCodes } from './contacts/one-time-codes';
import { ContactsService } from './contacts/contacts-service';
import { PhoneVerification } from './contacts/phone-verification';
import { PasswordReset } from './contacts/password-reset';
import { SmsSettings } from './sms/sms-settings';
import { VerificationPolicyStore } from './verification/verification-policy';
import { AccessRequests } from './verification/access-requests';
import { ProfileService } from './profile/profile-service';
import { KeyFileOptIn, keyFileSetting } from './secrets/key-file-opt-in';
import { resealStoreSecrets } from './secrets/reseal-store-secrets';
import { StoreKey } from './secrets/store-key';
import { isPostgres } from './db/sql';
import { ShiftEvents } from './shifts/shift-events';
import { ShiftService } from './shifts/shift-service';
import { ShiftSettingsStore } from './shifts/shift-settings';
import { ZReports } from './shifts/z-reports';
import { ZReportPdf } from './shifts/z-report-pdf';
import { ReportExport } from './analytics/report-export';
import { connectShiftsToPrinter } from './shifts/shift-printing';
import { StockService } from './stock/stock-service';
import { StockSettingsStore } from './stock/stock-settings';
import { StockCountService } from './stock/stock-count-service';
import { SupplierService } from './receiving/supplier-service';
import { PurchaseOrderExport } from './receiving/purchase-order-export';
import { PurchaseOrderService } from './receiving/purchase-order-service';
import { ExportJobs } from './exports/export-jobs';
import { ExportService } from './exports/export-service';
import { folderSaveDialog, type SaveDialog } from './exports/save-path';
import { dirname, join } from 'node:path';
import { ReceiptMail } from './receipts/receipt-mail';
import type { PdfMaker } from './receipts/receipt-pdf';
import { PrintingService } from './printing/printing-service';
import type { DriverPrintPort } from './printing/connections/driver-port';
import type { QueueOptions } from './printing/connections/send';
import { CustomerDisplay } from './display/customer-display';
import { BackupService } from './backups/backup-service';
import { BackupSettings } from './backups/backup-settings';
import { BackupRestore, type RequestRestart } from './backups/restore';
import { SafeModeRestore } from './backups/safe-mode-restore';
import type { FolderDialog } from './backups/folder-dialog';
import { storeServerFilePath, type JoinedServer } from './store-server/connection-file';
import { StoreServerService, type RequestReopen } from './store-server/store-server-service';

/** Every service the handlers use, built once by buildServices. */
export interface Services {
  db: Database;
  /** On a store server, the key of the tills' shared secrets (secrets/store-key.ts); else null. */
  storeKey: StoreKey | null;
  audit: AuditLog;
  auth: AuthService;
  staff: StaffService;
  /** The roles editor (issue 9, section 2). */
  roles: RoleService;
  settings: SettingsService;
  sessions: SessionManager;
  safeMode: () => boolean;
  /**
   * True while the store server has not answered since start-up (issue 12): the database is not
   * open, and every call but app:status answers SERVER_UNREACHABLE.
   */
  awaitingServer: () => boolean;
  /**
   * When and by whom an admin retired this till from its store server (`storeServer:retireTill`),
   * or null: once set, every call but app:status answers TILL_RETIRED.
   */
  retired: () => TillRetirement | null;
  products: ProductService;
  /** Product categories (issue 11, section 1). */
  categories: CategoryService;
  customers: CustomerService;
  checkout: CheckoutService;
  saleQueries: SaleQueries;
  saleActions: SaleActions;
  parked: ParkedSales;
  daySummary: DaySummaryService;
  onlineRetail: OnlineRetailImporter;
  importJobs: ImportJobs;
  /** The cart in progress on this till (issue 8, item 4). */
  tillCarts: TillCarts;
  /** Two-factor sign-in (issue 9 section 1). */
  twoFactor: TwoFactorService;
  /** Till PIN and quick switch (issue 9, section 5). */
  pins: PinService;
  clock: Clock;
  /** SMTP settings and the mailer (issue 9, section 4). */
  mailSettings: MailSettings;
  mailer: Mailer;
  /** Verified contacts and "forgot password" (issue 9, sections 4 and 6). */
  contacts: ContactsService;
  passwordReset: PasswordReset;
  /** The integrity state for app:status (D5, D9, D10), and the full check on demand (L2). */
  integrity: IntegritySource;
  /** The SMS one-time-code provider's settings, and the provider (issue 9, section 4). */
  sms: SmsSettings;
  /** Phone codes through the SMS provider (issue 9, section 4). */
  phoneVerification: PhoneVerification;
  /** The "verified before access" policy (issue 9, section 4). */
  verificationPolicy: VerificationPolicyStore;
  /** Requests for access that verify before an admin sees them (issue 9, section 4). */
  accessRequests: AccessRequests;
  /** The signed-in member's own profile (issue 9, section 3). */
  profile: ProfileService;
  /** Where the data-protection key lives; the key-file opt-in (issue 9, section 1). */
  keyFile: KeyFileOptIn;
  /** Shifts, cash movements and the X report (issue 10, section 1). */
  shifts: ShiftService;
  /** Closing a shift into its Z report; reading Z reports (issue 10, section 1). */
  zReports: ZReports;
  /** Sales need an open shift, the note threshold, denomination tables (issue 10, section 1). */
  shiftSettings: ShiftSettingsStore;
  /** A Z report saved as an A4 PDF (issue 10, section 1). */
  zReportPdf: ZReportPdf;
  /** A dashboard report saved as CSV or PDF (issue 11, section 4). */
  reportExport: ReportExport;
  /**
   * The shift listeners (issue 10, sections 2 and 5): `onShiftClosed(zReport)` prints the Z report
   * and makes a backup, `onDrawerOpen({ reason, tillId })` kicks the drawer; wired below.
   */
  shiftEvents: ShiftEvents;
  /** The stock ledger: adjustments, levels, low stock, the drift check (issue 11, section 2). */
  stock: StockService;
  /** Negative stock: warn or refuse (issue 11, section 2). */
  stockSettings: StockSettingsStore;
  /** The stock take: count sheets, variances, posting (issue 11, section 2). */
  stockCounts: StockCountService;
  /** Suppliers (issue 11, section 3). */
  suppliers: SupplierService;
  /** Receiving at cost and purchase orders (issue 11, section 3). */
  purchaseOrders: PurchaseOrderService;
  purchaseOrderExport: PurchaseOrderExport;
  /** The accountant's exports and the running ones (issue 10, section 6). */
  exports: ExportService;
  exportJobs: ExportJobs;
  /** E-mail receipts with the sale's PDF (issue 10, section 3). */
  receiptMail: ReceiptMail;
  /** Receipt printers, the print queue and the cash drawer (issue 10, section 2). */
  printing: PrintingService;
  /** The customer display's view of this till's cart (issue 10, section 4). */
  customerDisplay: CustomerDisplay;
  /** Backups and restore (issue 10, section 5; D4, D5). */
  backups: BackupService;
  backupSettings: BackupSettings;
  backupRestore: BackupRestore;
  /** The restore safe mode offers (D5). */
  safeModeRestore: SafeModeRestore;
  /** The shell's folder dialog for the second backup folder; absent without a shell. */
  folderDialog?: FolderDialog;
  /** Joining a store server and changing the connection (issue 12, section 1). */
  storeServer: StoreServerService;
  /** The store server's tills, and this till's "last seen" record (issue 12). */
  storeTills: StoreTills;
}

export interface ServiceDeps {
  db: Database;
  audit: AuditLog;
  settings: SettingsService;
  hasher: PasswordHasher;
  clock: Clock;
  /** This till's name (the terminal's host name in the app). */
  terminal: string;
  /** The OS keychain, for the data-protection key (TOTP seeds, T3). */
  secretStore: SecretStore;
  /** The key file used once an admin opts in on a till without a keychain; beside the database. */
  keyFilePath: string;
  safeMode: () => boolean;
  /** Services.awaitingServer; false when left out (SQLite, tests outside createCore). */
  awaitingServer?: () => boolean;
  /** Services.retired; never retired when left out. */
  retired?: () => TillRetirement | null;
  /** Told when this till, running, finds that an admin retired it (its id). */
  onRetired?: (tillId: number) => void;
  /** The integrity state for app:status; callers outside createCore (tests) may leave it out. */
  integrity?: IntegritySource;
  logger?: Logger;
  /** The shell's save dialog for exports; by default the `exports` folder beside the key file. */
  saveDialog?: SaveDialog;
  /** The shell's folder dialog for the second backup folder (CoreOptions.folderDialog). */
  folderDialog?: FolderDialog;
  /** Draws PDFs (receipts, Z reports) in a browser engine (issue 10); absent in scripts. */
  receiptPdf?: PdfMaker;
  /** Printing through OS printer drivers (electron/main) and the queue's timings; see CoreOptions. */
  printing?: PrintingOptions;
  /**
   * For backups: the app's version for the manifest, the better-sqlite3 binary, and how to
   * restart the core on a restored file (createCore). Tests outside createCore may leave it out:
   * restores are then refused with BACKUP_FAILED.
   */
  backups?: {
    appVersion: string;
    nativeBinding?: string;
    requestRestart: RequestRestart;
    /** A backup after each shift close; default true (CoreOptions.backupAfterShiftClose). */
    afterShiftClose?: boolean;
    /** The data is on a store server: no backup files at all (BackupService.assertLocal). */
    storeServer?: boolean;
  };
  /**
   * The till's store server file, the server this core runs on (null on SQLite), and how
   * createCore reopens the till after a join. Tests outside createCore may leave it out: joins
   * are then refused with CONFLICT.
   */
  storeServer?: {
    file: string;
    joined: JoinedServer | null;
    requestReopen: RequestReopen;
    /** See StoreServerDeps.startNewChain. */
    startNewChain: () => void;
  };
}

export interface PrintingOptions {
  driver?: DriverPrintPort;
  /** How often the print worker looks for due retries (ms, default 1000). */
  pollMs?: number;
  /** Network printers' connect/write timeout (ms, default 5000). */
  timeoutMs?: number;
  /** OS print queues: `lp`, or the Windows spooler on win32 (tests name the platform). */
  queue?: QueueOptions;
}

/** The integrity monitor as the handlers see it (integrity/monitor.ts). */
export interface IntegritySource {
  status(): IntegrityStatus;
  /** Runs the full check now, or joins the one running; absent when nothing monitors the file. */
  check?(): Promise<FullCheckOutcome>;
}

const UNMONITORED: IntegritySource = {
  status: () => ({
    safeModeReason: null,
    auditChain: { state: 'ok', detail: null },
    lastFullCheck: null,
  }),
};

/**
 * Builds every service the handlers use. In safe mode, or while the store server has not answered
 * since start-up, the database is not open, so the till is not registered (id 0) and every data
 * channel refuses before it reaches a service.
 */
export async function buildServices(d: ServiceDeps): Promise<Services> {
  const { db, audit, settings, hasher, clock, terminal } = d;
  const awaitingServer = d.awaitingServer ?? (() => false);
  const retired = d.retired ?? (() => null);
  const closed = d.safeMode() || awaitingServer() || retired() !== null;
  const sessions = new SessionManager(clock, () => settings.idleLockMinutes());
  const pendingSignIns = new PendingSignIns(clock);
  const till = { id: closed ? 0 : await ensureTill(db, clock, terminal), name: terminal };
  const server = !closed && isPostgres(db.manager);
  const keyFile = new KeyFileOptIn(
    db,
    audit,
    clock,
    d.secretStore,
    d.keyFilePath,
    keyFileSetting(server ? till.id : null),
  );
  if (!closed) await keyFile.load();
  const secrets = keyFile.store;
  const keychainReady = () =>
    getOrCreateDataProtectionKey(secrets).then(
      (key) => (key.fill(0), true),
      () => false,
    );
  const auth = new AuthService(
    db,
    audit,
    sessions,
    hasher,
    clock,
    settings,
    pendingSignIns,
    keychainReady,
  );
  const staff = new StaffService(db, audit, sessions, hasher, auth, clock);
  // On a store server the tills' shared secrets are sealed with the store key (issue 12).
  const logger = d.logger ?? { info: () => {}, warn: () => {}, error: () => {} };
  const storeKey = server
    ? new StoreKey({ db, secrets, tillId: till.id, clock, logger, reseal: resealStoreSecrets })
    : null;
  await storeKey?.start();
  const storeSecrets = storeKey?.secretStore() ?? secrets;
  const saleQueries = new SaleQueries(db, settings, clock);
  const tillCarts = new TillCarts(db, audit, clock, till);
  const mailSettings = new MailSettings(db, audit, clock, storeSecrets);
  const mailer = new Mailer(mailSettings);
  const codes = new OneTimeCodes(clock, storeSecrets);
  const profile = new ProfileService(db, audit, sessions, clock, terminal);
  const sms = new SmsSettings(db, audit, clock, storeSecrets);
  const contacts = new ContactsService(
    db,
    audit,
    clock,
    codes,
    { settings: mailSettings, mailer },
    settings,
    sms,
  );
  const phoneVerification = new PhoneVerification(db, audit, clock, codes, sms);
  const verificationPolicy = new VerificationPolicyStore(db, audit, clock, mailSettings, sms);
  auth.verificationInForce = () => verificationPolicy.inForce();
  staff.verificationInForce = (em) => verificationPolicy.inForce(em);
  const accessRequests = new AccessRequests({
    db,
    audit,
    clock,
    codes,
    auth,
    policy: verificationPolicy,
    mailSettings,
    mailer,
    settings,
    sms,
  });
  // A changed e-mail or phone on the profile must be verified again (issue 9, sections 3 and 4).
  profile.onContactChanged = (em, staffId, changed) =>
    contacts.contactChanged(em, staffId, changed);
  const passwordReset = new PasswordReset({
    db,
    audit,
    clock,
    codes,
    mailSettings,
    mailer,
    settings,
    hasher,
    auth,
    sessions,
    logger,
  });
  const shiftEvents = new ShiftEvents(logger, (fn) => db.afterCommit(fn));
  const shifts = new ShiftService(db, audit, clock, settings, till, shiftEvents);
  const checkout = new CheckoutService(db, audit, clock, settings, till, saleQueries);
  const saleActions = new SaleActions(db, audit, clock, till, saleQueries);
  const printing = new PrintingService({
    db,
    audit,
    clock,
    settings,
    queries: saleQueries,
    tillId: till.id,
    logger,
    driver: d.printing?.driver ?? null,
    ...(d.printing?.pollMs ? { pollMs: d.printing.pollMs } : {}),
    ...(d.printing?.timeoutMs ? { timeoutMs: d.printing.timeoutMs } : {}),
    ...(d.printing?.queue ? { queue: d.printing.queue } : {}),
  });
  // Receipts and the drawer kick are queued after the sale's commit (issue 10, section 2).
  checkout.onCompleted = (sale) => printing.saleCompleted(sale);
  saleActions.onRefunded = (refund) => printing.saleCompleted(refund);
  const zReports = new ZReports(db, audit, clock, till, shifts, shiftEvents);
  const saveDialog = d.saveDialog ?? folderSaveDialog(join(dirname(d.keyFilePath), 'exports'));
  const zReportPdf = new ZReportPdf({
    db,
    audit,
    clock,
    settings,
    zReports,
    saveDialog,
    ...(d.receiptPdf ? { pdf: d.receiptPdf } : {}),
  });
  const purchaseOrders = new PurchaseOrderService(db, audit, clock, till);
  // The drawer opens on a no-sale, a float or cash paid in/out; Z reports print at the close.
  connectShiftsToPrinter({ settings, printing, shifts, zReports }, shiftEvents);
  const databasePath = String(db.dataSource.options.database);
  const backupSettings = new BackupSettings(db, clock, secrets);
  const nativeBinding = d.backups?.nativeBinding;
  const backups = new BackupService({
    db,
    audit,
    clock,
    logger,
    settings: backupSettings,
    databasePath,
    appVersion: d.backups?.appVersion ?? 'unknown',
    ...(nativeBinding ? { nativeBinding } : {}),
    storeServer: d.backups?.storeServer === true,
  });
  const backupRestore = new BackupRestore({
    db,
    audit,
    settings: backupSettings,
    backups,
    databasePath,
    ...(nativeBinding ? { nativeBinding } : {}),
    requestRestart:
      d.backups?.requestRestart ??
      (() => {
        throw new AppError('BACKUP_FAILED', 'This core cannot restart on a restored file.');
      }),
  });
  const safeModeRestore = new SafeModeRestore({
    databasePath,
    clock,
    hasher,
    safeMode: d.safeMode,
    ...(nativeBinding ? { nativeBinding } : {}),
    requestRestart: (path, note) => backupRestore.requestRestart(path, note),
  });
  // A backup after each shift close (issue 10, section 5), after the Z report is printed.
  if (d.backups?.afterShiftClose !== false && !d.backups?.storeServer)
    shiftEvents.onShiftClosed(async () => {
      await backups.run('shiftClose');
    });
  return {
    storeKey,
    shifts,
    zReports,
    zReportPdf,
    reportExport: new ReportExport({
      db,
      audit,
      clock,
      settings,
      saveDialog,
      ...(d.receiptPdf ? { pdf: d.receiptPdf } : {}),
    }),
    shiftSettings: new ShiftSettingsStore(audit, clock, (em) => shifts.currency(em)),
    shiftEvents,
    stock: new StockService(db, audit, clock, till),
    stockSettings: new StockSettingsStore(audit, clock),
    stockCounts: new StockCountService(db, audit, clock, till),
    suppliers: new SupplierService(db, audit, clock),
    purchaseOrders,
    purchaseOrderExport: new PurchaseOrderExport({
      db,
      audit,
      clock,
      settings,
      orders: purchaseOrders,
      saveDialog,
      ...(d.receiptPdf ? { pdf: d.receiptPdf } : {}),
    }),
    backups,
    backupSettings,
    backupRestore,
    safeModeRestore,
    storeServer: new StoreServerService({
      db,
      clock,
      secretStore: d.secretStore,
      file: d.storeServer?.file ?? storeServerFilePath(databasePath),
      joined: d.storeServer?.joined ?? null,
      till,
      ...(d.storeServer
        ? {
            requestReopen: d.storeServer.requestReopen,
            startNewChain: d.storeServer.startNewChain,
          }
        : {}),
    }),
    storeTills: new StoreTills({
      db,
      audit,
      clock,
      logger,
      tillId: till.id,
      onServer: server,
      onRetired: () => d.onRetired?.(till.id),
    }),
    ...(d.folderDialog ? { folderDialog: d.folderDialog } : {}),
    db,
    audit,
    auth,
    staff,
    roles: new RoleService(db, audit, clock),
    settings,
    sessions,
    safeMode: d.safeMode,
    awaitingServer,
    retired,
    integrity: d.integrity ?? UNMONITORED,
    products: new ProductService(db, audit, clock, settings),
    categories: new CategoryService(db, audit, clock),
    customers: new CustomerService(db, audit, clock, saleQueries),
    checkout,
    saleQueries,
    saleActions,
    parked: new ParkedSales(db, clock, till),
    daySummary: new DaySummaryService(db, settings, clock),
    onlineRetail: new OnlineRetailImporter(db, audit, clock, settings),
    importJobs: new ImportJobs(),
    tillCarts,
    customerDisplay: new CustomerDisplay(db, settings, clock, tillCarts),
    twoFactor: new TwoFactorService(
      db,
      audit,
      auth,
      sessions,
      pendingSignIns,
      settings,
      clock,
      storeSecrets,
    ),
    pins: new PinService(db, audit, sessions, hasher, auth, clock),
    clock,
    mailSettings,
    mailer,
    contacts,
    passwordReset,
    sms,
    phoneVerification,
    verificationPolicy,
    accessRequests,
    profile,
    keyFile,
    exports: new ExportService(db, audit, saveDialog, () => settings.timeZone()),
    exportJobs: new ExportJobs(),
    receiptMail: new ReceiptMail({
      db,
      audit,
      clock,
      settings,
      saleQueries,
      mailSettings,
      mailer,
      ...(d.receiptPdf ? { pdf: d.receiptPdf } : {}),
    }),
    printing,
  };
}
