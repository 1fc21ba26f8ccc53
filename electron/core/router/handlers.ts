/**
 * One handler per channel in the contract. The router has already checked the sender, the session,
 * the permission and the input schema, so a handler receives parsed input and the caller's session
 * (undefined only for `public` channels). The `satisfies` clause makes a missing or extra handler a
 * compile error.
 */
import type { ChannelName, ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import { AuditEventEntity } from '../audit/audit-event.entity';
import type { AuthService } from '../auth/auth-service';
import type { Session, SessionManager } from '../auth/sessions';
import type { Database } from '../db/database';
import type { SettingsService } from '../settings/settings-service';
import type { StaffService } from '../staff/staff-service';
import type { Caller } from '../types';
import type { IntegrityStatus } from '../integrity/monitor';
import type { ProductService } from '../products/product-service';
import type { CustomerService } from '../customers/customer-service';
import type { CheckoutService } from '../sales/checkout-service';
import type { SaleQueries } from '../sales/sale-queries';
import type { SaleActions } from '../sales/sale-actions';
import type { ParkedSales } from '../sales/parked-sales';
import type { DaySummaryService } from '../reports/day-summary';
import type { OnlineRetailImporter } from '../imports/online-retail-import';
import { createRetailHandlers } from './retail-handlers';

export interface HandlerContext {
  caller: Caller;
  /** The caller's live session; undefined on public channels when nobody is signed in. */
  session: Session | undefined;
}

export type Handler<C extends ChannelName> = (
  input: ChannelParsedInput<C>,
  ctx: HandlerContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type Handlers = { [C in ChannelName]: Handler<C> };

export interface Services {
  db: Database;
  audit: AuditLog;
  auth: AuthService;
  staff: StaffService;
  settings: SettingsService;
  sessions: SessionManager;
  safeMode: () => boolean;
  integrity: { status(): IntegrityStatus };
  products: ProductService;
  customers: CustomerService;
  checkout: CheckoutService;
  saleQueries: SaleQueries;
  saleActions: SaleActions;
  parked: ParkedSales;
  daySummary: DaySummaryService;
  onlineRetail: OnlineRetailImporter;
}

function need(session: Session | undefined): Session {
  if (!session) throw new AppError('UNAUTHENTICATED', 'Please sign in.');
  return session;
}

export function createHandlers(s: Services): Handlers {
  return {
    'app:status': async () => ({
      setupRequired: s.safeMode() ? false : await s.auth.setupRequired(),
      terminalName: s.settings.terminalName,
      safeMode: s.safeMode(),
      integrity: s.integrity.status(),
    }),
    'setup:createAdmin': (input, { caller }) => s.auth.createFirstAdmin(input, caller.windowId),
    'auth:session': (_input, { session }) => ({ session: session ? s.auth.info(session) : null }),
    'auth:login': (input, { caller }) =>
      s.auth.login(input.identifier, input.password, caller.windowId),
    'auth:requestAccess': (input) => s.auth.requestAccess(input),
    'auth:logout': (_input, { session }) => s.auth.logout(need(session)),
    'auth:lock': (_input, { session }) => s.auth.lock(need(session)),
    'auth:unlock': (input, { session }) => s.auth.unlock(need(session), input.password),
    'auth:activity': (_input, { session }) => ({
      idleLocksAt: s.sessions.idleLocksAt(need(session)).toISOString(),
    }),
    'auth:reauthenticate': (input, { session }) =>
      s.auth.reauthenticate(need(session), input.password),
    'auth:changePassword': (input, { session }) =>
      s.auth.changePassword(need(session), input.currentPassword, input.newPassword),
    'settings:get': () => s.settings.get(),
    'settings:update': (input, { session }) => s.settings.update(need(session), input),
    'roles:list': () => s.staff.listRoles(),
    'staff:list': (input) => s.staff.list(input),
    'staff:create': (input, { session }) => s.staff.create(need(session), input),
    'staff:update': (input, { session }) => s.staff.update(need(session), input),
    'staff:setRole': (input, { session }) => s.staff.setRole(need(session), input),
    'staff:approve': (input, { session }) => s.staff.approve(need(session), input.id),
    'staff:reject': (input, { session }) => s.staff.reject(need(session), input.id),
    'staff:disable': (input, { session }) => s.staff.disable(need(session), input.id),
    'staff:enable': (input, { session }) => s.staff.enable(need(session), input.id),
    'staff:unlock': (input, { session }) => s.staff.unlock(need(session), input.id),
    'staff:delete': (input, { session }) => s.staff.delete(need(session), input.id),
    'staff:resetPassword': (input, { session }) => s.staff.resetPassword(need(session), input.id),
    'staff:endSessions': (input, { session }) => s.staff.endSessions(need(session), input.id),
    'audit:list': async (input) => {
      const qb = s.db.manager
        .getRepository(AuditEventEntity)
        .createQueryBuilder('a')
        .orderBy('a.id', 'DESC')
        .take(input.limit);
      if (input.beforeId) qb.andWhere('a.id < :beforeId', { beforeId: input.beforeId });
      if (input.staffId)
        qb.andWhere("(a.actor_id = :sid OR (a.target_type = 'staff' AND a.target_id = :tid))", {
          sid: input.staffId,
          tid: String(input.staffId),
        });
      const rows = await qb.getMany();
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          actorId: r.actorId,
          actorName: r.actorName,
          action: r.action,
          targetType: r.targetType,
          targetId: r.targetId,
          terminal: r.terminal,
          outcome: r.outcome as 'success' | 'failure' | 'denied',
          detail: r.detail,
        })),
      };
    },
    ...createRetailHandlers(s),
  } satisfies Handlers;
}
