/** Handlers for reading the audit log (L1, L2). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';
import { listAuditEvents } from './audit-queries';

export function createAuditHandlers(s: Services): DomainHandlers<'audit'> {
  return {
    'audit:list': (input) => listAuditEvents(s.db.manager, input),
  };
}
