/**
 * S3: every channel that moves money out, creates or changes staff, changes rights or changes
 * settings asks for the password again after 5 minutes. The table below is the reviewed
 * classification of every channel; a channel added to the contract without being classified here
 * fails the first test, so nobody adds a sensitive channel by accident.
 */
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels, type ChannelName } from '../../shared/contract';
import { ADMIN, makeTestCore, resultCode, withAdmin } from '../helpers/core';

/** Sensitive: the reason each one needs the password again. */
const SENSITIVE: Partial<Record<ChannelName, string>> = {
  'sales:void': 'moves money out',
  'sales:refund': 'moves money out',
  'staff:create': 'creates staff (possibly an admin, approved at once)',
  'staff:update': "changes a member's username or email (sign-in identifiers)",
  'staff:setRole': 'changes rights',
  'staff:approve': 'lets someone in',
  'staff:reject': 'changes staff',
  'staff:disable': 'changes staff',
  'staff:enable': 'lets someone back in',
  'staff:unlock': 'lifts a lockout',
  'staff:delete': 'changes staff',
  'staff:resetPassword': "takes over a member's credentials",
  'staff:endSessions': 'changes staff sessions',
  'settings:update': 'changes settings',
  'settings:setUpStore': 'changes settings (the first-run store details)',
  'audit:exportCsv': "takes the whole audit trail, with staff and customers' names, off the till",
  'roles:create': 'changes rights (a new role to hand out)',
  'roles:update': 'changes rights of every member of the role',
  'roles:duplicate': 'changes rights (a new role to hand out)',
  'roles:delete': 'changes rights (members moved to another role)',
  'twoFactor:reset': "removes a member's second factor and ends their sessions",
  'twoFactor:setRolePolicy': 'changes a sign-in rule for every member of a role',
  'staff:import': 'creates staff (possibly admins, active at once, with passwords from elsewhere)',
  'mail:updateSettings': 'changes settings (where codes and reset e-mails go; the SMTP password)',
  'mail:removeSettings': 'changes settings (turns e-mail codes and password reset off)',
  'contacts:changeEmail':
    "changes the member's own e-mail (a sign-in identifier and reset address)",
  'sms:save': 'changes settings (where phone codes and the SMS credentials go)',
  'sms:clear': 'changes settings (turns SMS codes off)',
  'profile:update': "changes the caller's own e-mail (a sign-in identifier) or phone",
  'secrets:useKeyFile':
    'changes where the data-protection key is kept (a key file, not the keychain)',
  'contacts:setPolicy': 'changes staff access (who may do more than verify)',
  'shifts:cashMovement': 'moves money out of the drawer (paid out)',
  'shifts:close': 'closes the books of a shift (the Z report, counted cash)',
  'shifts:updateSettings': 'changes settings (whether sales need a shift, the note threshold)',
  'shifts:setDenominations': 'changes settings (the notes and coins counted)',
  'exports:run': "takes a range of sales, with staff and customers' names, off the till",
  'analytics:export': "takes the shop's figures, with staff and customers' names, off the till",
  'printing:savePrinter': "changes where receipts (customers' names, amounts) are sent",
  'printing:deletePrinter': 'changes settings (a till may stop printing receipts)',
  'backups:updateSettings':
    'changes where copies of the whole database go, and the passphrase that protects them',
  'backups:restore': 'replaces the whole database (every sale since the backup is set aside)',
  'stock:updateSettings': 'changes settings (whether sales may take stock below zero)',
  'storeServer:change': "changes where the till's data is read from and written to",
  'storeServer:copy': "moves the till's whole database to a store server",
  'storeServer:retireTill': "takes a till's right to sell away, and its share of the store key",
};

/** Not sensitive: reads, the sign-in flow itself, selling, and catalogue or customer upkeep. */
const NOT_SENSITIVE: readonly ChannelName[] = [
  'app:status',
  // First run only, before any staff exist (SETUP_ALREADY_DONE after), like setup:createAdmin.
  'storeServer:test',
  'storeServer:join',
  // Where the data is, never the password; the store's tills.
  'storeServer:connection',
  'storeServer:tills',
  'setup:createAdmin',
  'auth:session',
  'auth:login',
  'auth:requestAccess',
  'auth:logout',
  'auth:lock',
  'auth:unlock',
  'auth:activity',
  'auth:reauthenticate',
  'auth:changePassword',
  // Own 2FA: enrolment needs a current code; removing it takes the password and a code itself.
  'twoFactor:status',
  'twoFactor:startEnrolment',
  'twoFactor:confirmEnrolment',
  'twoFactor:remove',
  'twoFactor:signIn',
  'twoFactor:rolePolicies',
  'settings:get',
  'roles:list',
  'staff:list',
  'staff:pendingCount',
  'audit:list',
  'audit:filterOptions',
  'products:list',
  'products:lookup',
  'products:get',
  'products:create',
  'products:update',
  'products:remove',
  'products:restore',
  'products:import',
  'customers:search',
  'customers:get',
  'customers:create',
  'customers:update',
  'customers:remove',
  'customers:restore',
  'customers:import',
  'sales:quote',
  'sales:checkout',
  'sales:get',
  'sales:list',
  'sales:annotate',
  'sales:park',
  'sales:parkedList',
  'sales:resume',
  'sales:discardParked',
  'reports:daySummary',
  'reports:tills',
  'reports:today',
  'import:onlineRetail',
  'import:progress',
  'cart:get',
  'cart:save',
  'cart:takeOver',
  // Issue 9, section 5: a PIN never re-authenticates, and setting one takes the password itself.
  'pin:status',
  'pin:set',
  'pin:clear',
  'pin:unlock',
  'pin:members',
  'pin:switch',
  'cart:park',
  'mail:getSettings',
  'mail:sendTest',
  'contacts:status',
  'contacts:sendEmailCode',
  'contacts:verifyEmail',
  'contacts:sendPhoneCode',
  'contacts:verifyPhone',
  'reset:available',
  'reset:request',
  'reset:complete',
  'sms:status',
  'sms:sendTest',
  'profile:get',
  'profile:signIns',
  'profile:sessions',
  'profile:endOtherSessions',
  'audit:verifyChain',
  'secrets:status',
  // Issue 9, section 4: reading the policy, and a request for access verifying before sign-in.
  'contacts:policy',
  'contacts:verifyRequest',
  'contacts:resendRequestCode',
  // Issue 10, section 1: opening a shift counts a float in; no sale moves no money; reads.
  'shifts:current',
  'shifts:open',
  'shifts:noSale',
  'shifts:xReport',
  'shifts:list',
  'shifts:zReport',
  'shifts:print',
  // A Z report's figures (no customer data) saved as a PDF, as a printed copy shows them.
  'shifts:exportPdf',
  'shifts:settings',
  // Issue 10, section 6: an export's progress and its cancel read or stop the caller's own job.
  'exports:progress',
  'exports:cancel',
  // Issue 10, section 3: e-mailing a receipt sends a copy of a sale the member may already see.
  'receipts:email',
  // Issue 10, section 2: reading printers, a test page, the queue, a copy of a receipt, a retry.
  'printing:listPrinters',
  'printing:testPage',
  'printing:status',
  'printing:reprintSale',
  'printing:retryJob',
  // Issue 10, section 4: the customer display reads the cart it shows; no session at all.
  'display:cart',
  // Issue 10, section 5: the backup status and list, and a backup now (a copy, changes nothing).
  'backups:status',
  'backups:list',
  'backups:chooseFolder',
  'backups:run',
  // Safe mode's restore takes an admin's password itself (checked against the backup).
  'backups:safeModeList',
  'backups:safeModeRestore',
  // Issue 11, section 1: categories are catalogue edits like products (products.manage).
  'categories:list',
  'categories:create',
  'categories:update',
  'categories:archive',
  // Issue 11, section 4: the reports read the daily rollups and change nothing.
  'analytics:keyFigures',
  'analytics:trend',
  'analytics:heatmap',
  'analytics:topProducts',
  'analytics:topCategories',
  'analytics:staffPerformance',
  'analytics:taxReport',
  'analytics:customers',
  // Issue 11, section 2: adjusting stock moves goods, not money (S3 names voids, refunds and staff
  // administration); every adjustment is an immutable, audited movement. Reorder levels are
  // catalogue upkeep like products:update; the rest read.
  'stock:adjust',
  'stock:setReorderLevel',
  'stock:movements',
  'stock:levels',
  'stock:lowStock',
  'stock:check',
  'stock:settings',
  // The stock take: counting and posting move goods, not money, like an adjustment; every post is
  // an audited set of immutable `count` movements.
  'stock:startCount',
  'stock:openCount',
  'stock:setCount',
  'stock:countSheet',
  'stock:postCount',
  'stock:cancelCount',
  // Issue 11, section 3: receiving and ordering move goods at cost, not money out of the till;
  // supplier details are catalogue upkeep like products:update. All audited; the rest read.
  'stock:receive',
  'suppliers:list',
  'suppliers:create',
  'suppliers:update',
  'suppliers:archive',
  'purchaseOrders:list',
  'purchaseOrders:get',
  'purchaseOrders:create',
  'purchaseOrders:setStatus',
  'purchaseOrders:receive',
  'purchaseOrders:update',
  // Candidates only read; an export takes one order's lines (products and costs) to the supplier,
  // not the shop's figures or people's details, and is audited (reports.export).
  'purchaseOrders:candidates',
  'purchaseOrders:export',
];

describe('the reviewed table of sensitive channels (S3)', () => {
  it('classifies every channel in the contract exactly once', () => {
    const sensitive = Object.keys(SENSITIVE) as ChannelName[];
    const classified = [...sensitive, ...NOT_SENSITIVE];
    expect(new Set(classified).size).toBe(classified.length);
    expect([...classified].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('the contract asks for re-authentication on exactly the sensitive channels', () => {
    const flagged = CHANNEL_NAMES.filter((c) => (channels[c] as { reauth?: boolean }).reauth);
    expect(flagged.sort()).toEqual((Object.keys(SENSITIVE) as ChannelName[]).sort());
  });
});

describe('after 6 active minutes (past the 5-minute window, before the idle lock)', () => {
  it('every sensitive channel answers REAUTH_REQUIRED until the password is entered again', async () => {
    const t = await makeTestCore();
    await withAdmin(t);
    for (let minute = 0; minute < 6; minute++) {
      t.clock.advanceMinutes(1);
      await t.must('auth:activity', {});
    }
    for (const channel of Object.keys(SENSITIVE) as ChannelName[])
      expect(resultCode(await t.call(channel, {} as never)), channel).toBe('REAUTH_REQUIRED');
    await t.must('auth:reauthenticate', { password: ADMIN.password });
    // Past the gate now: the empty payloads fail their schemas instead (an export with no
    // filters is a valid call and succeeds).
    const emptyIsValid: readonly ChannelName[] = [
      'audit:exportCsv',
      'mail:removeSettings',
      'sms:clear',
    ];
    for (const channel of Object.keys(SENSITIVE) as ChannelName[])
      expect(resultCode(await t.call(channel, {} as never)), channel).toBe(
        emptyIsValid.includes(channel)
          ? 'ok'
          : // Valid, but this test core's keychain works, so the key-file opt-in is refused.
            channel === 'secrets:useKeyFile'
            ? 'CONFLICT'
            : 'VALIDATION_FAILED',
      );
    await t.close();
  });
});
