/** Sends a job's payload over the printer's connection (network, OS queue or driver). */
import type { PrinterConnection } from '../../../../shared/contract';
import type { DriverPrintPort } from './driver-port';
import { sendLp } from './lp';
import { sendTcp } from './tcp';
import { sendWinspool } from './winspool';

/** How OS print queues are reached: CUPS `lp` everywhere but Windows, whose spooler is called. */
export interface QueueOptions {
  /** Default: the running platform (`process.platform`). */
  platform?: NodeJS.Platform;
  /** The Windows spooler's library (default winspool.drv); tests load a stand-in. */
  winspoolLibrary?: string;
}

export interface SendOptions {
  driver: DriverPrintPort | null;
  /** Connect/write timeout for network printers (ms). */
  timeoutMs?: number;
  queue?: QueueOptions;
  /** The job's name where the OS shows it (the Windows print queue). */
  jobName?: string;
}

export async function sendToPrinter(
  connection: PrinterConnection,
  payload: Uint8Array,
  o: SendOptions,
): Promise<void> {
  switch (connection.type) {
    case 'network':
      return sendTcp(connection.host, connection.port, payload, o.timeoutMs);
    case 'queue':
      return (o.queue?.platform ?? process.platform) === 'win32'
        ? sendWinspool(connection.queue, payload, {
            ...(o.queue?.winspoolLibrary ? { library: o.queue.winspoolLibrary } : {}),
            ...(o.jobName ? { docName: `Kassa ${o.jobName}` } : {}),
          })
        : sendLp(connection.queue, payload);
    case 'driver':
      if (!o.driver) throw new Error('Printing through the printer driver needs the desktop app.');
      return o.driver.print(connection.deviceName, Buffer.from(payload).toString('utf8'));
  }
}
