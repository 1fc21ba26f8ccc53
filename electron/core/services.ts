/**
 * buildServices: wires the core's services over an open database, the one place that knows which
 * service needs which. createCore calls it after boot; tests that need the handlers behind the
 * router's schema call it too, so they run exactly the app's wiring.
 */
import { AuditLog } from './audit/audit-log';
import { AuthService } from './auth/auth-service';
import { PasswordHasher } from './auth/password-hasher';
import { SessionManager } from './auth/sessions';
import { Database } from './db/database';
import { SettingsService } from './settings/settings-service';
import { StaffService } from './staff/staff-service';
import type { Clock, SecretStore } from './types';
import type { FullCheckOutcome, IntegrityStatus } from './integrity/monitor';
import { ensureTill } from './tills/till-service';
import { ProductService } from './products/product-service';
import { CustomerService } from './customers/customer-service';
import { SaleQueries } from './sales/sale-queries';
import { CheckoutService } from './sales/checkout-service';
import { SaleActions } from './sales/sale-actions';
import { ParkedSales } from './sales/parked-sales';
import { DaySummaryService } from './reports/day-summary';
import { OnlineRetailImporter } from './imports/online-retail-import';
import { ImportJobs } from './imports/import-jobs';
import { TillCarts } from './carts/till-carts';
import { SmsSettings } from './sms/sms-settings';
import { ProfileService } from './profile/profile-service';
import { KeychainUnavailableError } from './secrets';

/** Every service the handlers use, built once by buildServices. */
export interface Services {
  db: Database;
  audit: AuditLog;
  auth: AuthService;
  staff: StaffService;
  settings: SettingsService;
  sessions: SessionManager;
  safeMode: () => boolean;
  products: ProductService;
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
  /** The integrity state for app:status (D5, D9, D10), and the full check on demand (L2). */
  integrity: IntegritySource;
  /** The SMS one-time-code provider's settings, and the provider (issue 9, section 4). */
  sms: SmsSettings;
  /** The signed-in member's own profile (issue 9, section 3). */
  profile: ProfileService;
}

export interface ServiceDeps {
  db: Database;
  audit: AuditLog;
  settings: SettingsService;
  hasher: PasswordHasher;
  clock: Clock;
  /** This till's name (the terminal's host name in the app). */
  terminal: string;
  safeMode: () => boolean;
  /** The integrity state for app:status; callers outside createCore (tests) may leave it out. */
  integrity?: IntegritySource;
  /** The OS keychain holding the data-protection key; without it, secrets are refused. */
  secretStore?: SecretStore;
}

/** A keychain that is not there: features that need the data-protection key are refused. */
const NO_KEYCHAIN: SecretStore = {
  get: () => Promise.reject(new KeychainUnavailableError('get', 'No keychain was given')),
  set: () => Promise.reject(new KeychainUnavailableError('set', 'No keychain was given')),
  delete: () => Promise.reject(new KeychainUnavailableError('delete', 'No keychain was given')),
};

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
 * Builds every service the handlers use. In safe mode the database is not open, so the till is
 * not registered (id 0) and every data channel refuses before it reaches a service.
 */
export async function buildServices(d: ServiceDeps): Promise<Services> {
  const { db, audit, settings, hasher, clock, terminal } = d;
  const sessions = new SessionManager(clock, () => settings.idleLockMinutes());
  const auth = new AuthService(db, audit, sessions, hasher, clock, settings);
  const staff = new StaffService(db, audit, sessions, hasher, auth, clock);
  const till = { id: d.safeMode() ? 0 : await ensureTill(db, clock, terminal), name: terminal };
  const saleQueries = new SaleQueries(db, settings, clock);
  return {
    db,
    audit,
    auth,
    staff,
    settings,
    sessions,
    safeMode: d.safeMode,
    integrity: d.integrity ?? UNMONITORED,
    products: new ProductService(db, audit, clock, settings),
    customers: new CustomerService(db, audit, clock, saleQueries),
    checkout: new CheckoutService(db, audit, clock, settings, till, saleQueries),
    saleQueries,
    saleActions: new SaleActions(db, audit, clock, till, saleQueries),
    parked: new ParkedSales(db, clock, till),
    daySummary: new DaySummaryService(db, settings, clock),
    onlineRetail: new OnlineRetailImporter(db, audit, clock, settings),
    importJobs: new ImportJobs(),
    tillCarts: new TillCarts(db, audit, clock, till),
    sms: new SmsSettings(db, audit, clock, d.secretStore ?? NO_KEYCHAIN),
    profile: new ProfileService(db, audit, sessions, clock, terminal),
  };
}
