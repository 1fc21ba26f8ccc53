/** Handlers for the accountant's exports (issue 10, section 6). */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createExportHandlers(s: Services): DomainHandlers<'exports'> {
  return {
    'exports:run': (input, { session, caller }) =>
      s.exportJobs.run(session, input.jobId, (job) => s.exports.run(session, caller, input, job)),
    'exports:progress': (input, { session }) => ({
      progress: s.exportJobs.progress(session, input.jobId),
    }),
    'exports:cancel': (input, { session }) => ({
      cancelled: s.exportJobs.cancel(session, input.jobId),
    }),
  };
}
