/** Handlers for backups and restore (issue 10, section 5; D4, D5). */
import { AppError } from '../../../shared/errors';
import type { DomainHandlers } from '../handler-types';
import type { Services } from '../services';
import { checkFolder } from './check-folder';

/**
 * On a store server (issue 12) every channel that would write, choose or restore a backup file
 * answers STORE_SERVER_BACKUPS and changes nothing; status and list show no files.
 */
export function createBackupHandlers(s: Services): DomainHandlers<'backups'> {
  const local = <T>(handler: () => T): T => {
    s.backups.assertLocal();
    return handler();
  };
  return {
    'backups:status': () => s.backups.status(),
    'backups:list': () => s.backups.list(),
    'backups:chooseFolder': async (_input, { caller }) => {
      s.backups.assertLocal();
      if (!s.folderDialog) return { available: false, folder: null };
      const folder = await s.folderDialog(caller);
      if (folder === null) return { available: true, folder: null };
      const problem = checkFolder(folder);
      if (problem) throw new AppError('BACKUP_FAILED', problem);
      return { available: true, folder };
    },
    'backups:run': (_input, { session }) => local(() => s.backups.run('manual', session)),
    'backups:updateSettings': async (input, { session }) => {
      s.backups.assertLocal();
      if (input.folder) {
        const problem = checkFolder(input.folder);
        if (problem) throw new AppError('BACKUP_FAILED', problem);
      }
      await s.db.write(async (em) => {
        await s.backupSettings.saveConfig(em, input.folder, input.passphrase);
        await s.audit.record(em, {
          actorId: session.staff.id,
          actorName: session.staff.username,
          action: 'backup.settings',
          outcome: 'success',
          detail: `folder ${input.folder ?? 'none'}; passphrase ${
            input.passphrase === undefined ? 'kept' : input.passphrase === null ? 'removed' : 'set'
          }`,
        });
      });
      return s.backups.status();
    },
    'backups:restore': (input, { session }) =>
      local(() => s.backupRestore.restore(input.location, input.name, input.passphrase, session)),
    'backups:safeModeList': () => s.safeModeRestore.list(),
    'backups:safeModeRestore': (input) => local(() => s.safeModeRestore.restore(input)),
  };
}
