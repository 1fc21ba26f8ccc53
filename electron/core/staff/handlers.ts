/** Handlers for staff administration (A6, A7, S3, R1). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createStaffHandlers(s: Services): DomainHandlers<'staff'> {
  return {
    'staff:list': (input) => s.staff.list(input),
    'staff:pendingCount': () => s.staff.pendingCount(),
    'staff:create': (input, { session }) => s.staff.create(session, input),
    'staff:update': (input, { session }) => s.staff.update(session, input),
    'staff:setRole': (input, { session }) => s.staff.setRole(session, input),
    'staff:approve': (input, { session }) => s.staff.approve(session, input.id, input.role),
    'staff:reject': (input, { session }) => s.staff.reject(session, input.id),
    'staff:disable': (input, { session }) => s.staff.disable(session, input.id),
    'staff:enable': (input, { session }) => s.staff.enable(session, input.id),
    'staff:unlock': (input, { session }) => s.staff.unlock(session, input.id),
    'staff:delete': (input, { session }) => s.staff.delete(session, input.id),
    'staff:resetPassword': (input, { session }) => s.staff.resetPassword(session, input.id),
    'staff:endSessions': (input, { session }) => s.staff.endSessions(session, input.id),
    'staff:import': (input, { session }) =>
      s.importJobs.run(session, input.jobId, (job) => s.staff.importCsv(session, input, job)),
  };
}
