/**
 * Every channel's handler, merged from the domains (each domain's `handlers.ts` lives beside its
 * service). The `satisfies` clause makes a missing or extra handler a compile error.
 */
import { createAuditHandlers } from '../audit/handlers';
import { createAuthHandlers } from '../auth/handlers';
import { createCustomerHandlers } from '../customers/handlers';
import type { Handlers } from '../handler-types';
import { createImportHandlers } from '../imports/handlers';
import { createProductHandlers } from '../products/handlers';
import { createReportHandlers } from '../reports/handlers';
import { createSalesHandlers } from '../sales/handlers';
import type { Services } from '../services';
import { createSettingsHandlers } from '../settings/handlers';
import { createStaffHandlers } from '../staff/handlers';
import { createCartHandlers } from '../carts/handlers';
import { createRoleHandlers } from '../roles/handlers';
import { createTwoFactorHandlers } from '../two-factor/handlers';
import { createPinHandlers } from '../pin/handlers';
import { createMailHandlers } from '../mail/handlers';
import { createContactHandlers } from '../contacts/handlers';
import { createSmsHandlers } from '../sms/handlers';
import { createProfileHandlers } from '../profile/handlers';
import { createSecretsHandlers } from '../secrets/handlers';
import { createShiftHandlers } from '../shifts/handlers';
import { createExportHandlers } from '../exports/handlers';
import { createReceiptHandlers } from '../receipts/handlers';
import { createPrintingHandlers } from '../printing/handlers';
import { createDisplayHandlers } from '../display/handlers';
import { createBackupHandlers } from '../backups/handlers';
import { createCategoryHandlers } from '../categories/handlers';
import { createAnalyticsHandlers } from '../analytics/handlers';
import { createStockHandlers } from '../stock/handlers';
import { createReceivingHandlers } from '../receiving/handlers';
import { createStoreServerHandlers } from '../store-server/handlers';

export function createHandlers(s: Services): Handlers {
  return {
    ...createAuthHandlers(s),
    ...createSettingsHandlers(s),
    ...createRoleHandlers(s),
    ...createStaffHandlers(s),
    ...createAuditHandlers(s),
    ...createProductHandlers(s),
    ...createCustomerHandlers(s),
    ...createSalesHandlers(s),
    ...createReportHandlers(s),
    ...createImportHandlers(s),
    ...createCartHandlers(s),
    ...createTwoFactorHandlers(s),
    ...createPinHandlers(s),
    ...createMailHandlers(s),
    ...createContactHandlers(s),
    ...createSmsHandlers(s),
    ...createProfileHandlers(s),
    ...createSecretsHandlers(s),
    ...createShiftHandlers(s),
    ...createExportHandlers(s),
    ...createReceiptHandlers(s),
    ...createPrintingHandlers(s),
    ...createDisplayHandlers(s),
    ...createBackupHandlers(s),
    ...createCategoryHandlers(s),
    ...createAnalyticsHandlers(s),
    ...createStockHandlers(s),
    ...createReceivingHandlers(s),
    ...createStoreServerHandlers(s),
  } satisfies Handlers;
}
