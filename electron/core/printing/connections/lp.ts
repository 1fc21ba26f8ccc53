/**
 * An OS print queue in raw mode: `lp -d NAME -o raw` (CUPS, Linux and macOS), with the bytes on
 * stdin. Spawned with an argument array, never through a shell, so a queue name can never run a
 * command (it is also limited to [A-Za-z0-9_.@-] by the contract). Fails with lp's own message
 * when it exits non-zero, or after `timeoutMs`.
 */
import { spawn } from 'node:child_process';

export function sendLp(queue: string, bytes: Uint8Array, timeoutMs = 15_000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn('lp', ['-d', queue, '-o', 'raw'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`lp did not finish within ${timeoutMs / 1000} s.`));
    }, timeoutMs);
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-500)));
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(new Error(`lp could not be started: ${e.message}`));
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`lp failed (exit ${code}): ${stderr.trim() || 'no message'}`));
    });
    child.stdin.on('error', () => {}); // lp may exit before reading everything; close reports it.
    child.stdin.end(Buffer.from(bytes));
  });
}
