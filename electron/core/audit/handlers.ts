/** Handlers for reading and exporting the audit log (L1, L2). */
import { AppError } from '../../../shared/errors';
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';
import { auditCsv } from './audit-export';
import { auditFilterOptions, listAuditEvents } from './audit-queries';

export function createAuditHandlers(s: Services): DomainHandlers<'audit'> {
  return {
    'audit:list': (input) => listAuditEvents(s.db.manager, input, s.settings.timeZone()),
    'audit:filterOptions': () => auditFilterOptions(s.db.manager),
    // PCI DSS 10.2.1.3: reading the audit trail out is itself recorded, with the filters used.
    'audit:exportCsv': (input, { session }) =>
      s.db.write(async (em) => {
        const out = await auditCsv(em, input, s.settings.timeZone());
        await s.audit.record(em, {
          action: 'audit.export',
          outcome: 'success',
          actorId: session.staff.id,
          actorName: session.staff.username,
          detail: `${out.rows} rows${out.truncated ? ' (truncated)' : ''}; filters ${JSON.stringify(input)}`,
        });
        return out;
      }),
    'audit:verifyChain': async () => {
      if (!s.integrity.check) throw new AppError('INTERNAL', 'No integrity monitor');
      const r = await s.integrity.check();
      return {
        ok: r.ok,
        integrity: r.integrity.slice(0, 2000),
        auditChain: {
          state: r.auditChain.state,
          detail: r.auditChain.detail,
          brokenAtId: r.auditChain.brokenAtId,
          rowsChecked: r.auditChain.rowsChecked,
        },
        checkedAt: s.integrity.status().lastFullCheck?.at ?? new Date().toISOString(),
      };
    },
  };
}
