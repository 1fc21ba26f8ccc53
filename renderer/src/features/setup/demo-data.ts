/**
 * "Load the demo catalogue and sales (GBP)": the UCI Online Retail sample (December 2010, CC BY 4.0;
 * data/README.md) imported through the ordinary `import:onlineRetail` channel, so the demo goes
 * through every check a real import does (GBP only, all or nothing, audited). The file is bundled
 * as a separate chunk that is fetched only when a store asks for the demo.
 */
import type { OnlineRetailReport } from '../../../../shared/contract';
import { call } from '../../api/client';
import { readFileBase64 } from '../data-import/read-file';

/** The demo's currency: the sample file is in pounds sterling. */
export const DEMO_CURRENCY = 'GBP';

/** Imports the demo sales as job `jobId`; throws the AppError on failure (e.g. not a GBP store). */
export async function loadDemoData(jobId: string): Promise<OnlineRetailReport> {
  const { default: text } = await import('../../../../data/online-retail-2010-12.csv?raw');
  const csvBase64 = await readFileBase64(new Blob([text], { type: 'text/csv' }));
  return call('import:onlineRetail', { csvBase64, jobId });
}
