/**
 * A network receipt printer: raw TCP (JetDirect / AppSocket, port 9100 by default). Connects,
 * writes the bytes and half-closes; a reset or error before the printer closes its side is a
 * failure (a printer that took the connection and dropped it). Fails when the connection or the
 * write does not finish within `timeoutMs`: an unplugged printer often never answers. A printer
 * that keeps its side open is taken as done `lingerMs` after everything was written.
 */
import { Socket } from 'node:net';

export function sendTcp(
  host: string,
  port: number,
  bytes: Uint8Array,
  timeoutMs = 5_000,
  lingerMs = 300,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const where = `${host}:${port}`;
    const socket = new Socket();
    let settled = false;
    let linger: NodeJS.Timeout | undefined;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(linger);
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    socket.setTimeout(timeoutMs, () =>
      finish(new Error(`The printer at ${where} did not answer within ${timeoutMs / 1000} s.`)),
    );
    socket.once('error', (e: NodeJS.ErrnoException) =>
      finish(
        new Error(
          e.code === 'ECONNREFUSED'
            ? `The printer at ${where} refused the connection (off or offline?).`
            : `The printer at ${where} dropped the connection: ${e.code ?? e.message}`,
        ),
      ),
    );
    let written = false;
    // The printer closed its side before it had everything: it dropped the job.
    socket.once('end', () => {
      if (!written) finish(new Error(`The printer at ${where} closed the connection early.`));
    });
    socket.once('close', (hadError) => {
      if (!hadError)
        finish(
          written ? undefined : new Error(`The printer at ${where} closed the connection early.`),
        );
    });
    socket.connect(port, host, () => {
      socket.end(Buffer.from(bytes), () => {
        written = true;
        linger = setTimeout(() => finish(), lingerMs);
      });
    });
  });
}
