/**
 * Checks that Kassa can write backups into a folder the admin chose (a USB drive or a network
 * share): it exists (or can be made) and a test file can be written and removed. The answer
 * crosses IPC, so it names no path (only the system's error code).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';

/** Why backups cannot go to `folder`, or null when they can. */
export function checkFolder(folder: string): string | null {
  if (!isAbsolute(folder)) return 'That is not a full folder path on this computer.';
  const probe = join(folder, `.kassa-write-test-${process.pid}`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(probe, 'kassa');
    rmSync(probe, { force: true });
    return null;
  } catch (e) {
    return `Kassa cannot write to that folder (${(e as NodeJS.ErrnoException).code ?? 'error'}).`;
  }
}
