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
import type { Clock, Logger, SecretStore } from './types';
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
import { KeyFileOptIn } from './secrets/key-file-opt-in';

/** Every service the handlers use, built once by buildServices. */
export interface Services {
  db: Database;
  audit: AuditLog;
  auth: AuthService;
  staff: StaffService;
  /** The roles editor (issue 9, section 2). */
  roles: RoleService;
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
  /** The integrity state for app:status; callers outside createCore (tests) may leave it out. */
  integrity?: IntegritySource;
  logger?: Logger;
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
 * Builds every service the handlers use. In safe mode the database is not open, so the till is
 * not registered (id 0) and every data channel refuses before it reaches a service.
 */
export async function buildServices(d: ServiceDeps): Promise<Services> {
  const { db, audit, settings, hasher, clock, terminal } = d;
  const sessions = new SessionManager(clock, () => settings.idleLockMinutes());
  const pendingSignIns = new PendingSignIns(clock);
  const keyFile = new KeyFileOptIn(db, audit, clock, d.secretStore, d.keyFilePath);
  if (!d.safeMode()) await keyFile.load();
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
  const till = { id: d.safeMode() ? 0 : await ensureTill(db, clock, terminal), name: terminal };
  const saleQueries = new SaleQueries(db, settings, clock);
  const mailSettings = new MailSettings(db, audit, clock, secrets);
  const mailer = new Mailer(mailSettings);
  const codes = new OneTimeCodes(clock, secrets);
  const profile = new ProfileService(db, audit, sessions, clock, terminal);
  const sms = new SmsSettings(db, audit, clock, secrets);
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
    logger: d.logger ?? { info: () => {}, warn: () => {}, error: () => {} },
  });
  return {
    db,
    audit,
    auth,
    staff,
    roles: new RoleService(db, audit, clock),
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
    twoFactor: new TwoFactorService(
      db,
      audit,
      auth,
      sessions,
      pendingSignIns,
      settings,
      clock,
      secrets,
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
  };
}
