/** Handlers for importing sales history. */
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';

export function createImportHandlers(s: Services): DomainHandlers<'import'> {
  return {
    'import:onlineRetail': (input, { session }) =>
      s.importJobs.run(session, input.jobId, (job) =>
        s.onlineRetail.import(session, input.csvBase64, job),
      ),
    'import:progress': (input, { session }) => ({
      progress: s.importJobs.progress(session, input.jobId),
    }),
  };
}
