/**
 * The Online Retail importer (UCI "Online Retail", CC BY 4.0; ../shared/data/README.md).
 * See shared/contract/imports.ts for the rules and the report it answers with.
 */
import type { ChannelOutput } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AuditLog } from '../audit/audit-log';
import type { Session } from '../auth/sessions';
import type { Database } from '../db/database';
import type { SettingsService } from '../settings/settings-service';
import type { Clock } from '../types';

export class OnlineRetailImporter {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {}

  import(_actor: Session, _csv: string): Promise<ChannelOutput<'import:onlineRetail'>> {
    throw new AppError('INTERNAL', 'Not implemented yet');
  }
}
