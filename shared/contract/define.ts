/**
 * `defineChannel` declares one IPC channel: its strict input schema, output schema, the permission
 * it needs and when it may be called. Every channel is declared once, in `shared/contract/`, and the
 * preload, the main router, the renderer client and `docs/ipc.md` are all derived from it.
 */
import type { z } from 'zod';
import type { Permission } from '../permissions';

/**
 * Who may call a channel:
 * - `public`: no session needed (set-up, sign-in, request access);
 * - `authenticated`: any live session;
 * - a Permission: a live session whose role grants it (A7).
 */
export type Access = 'public' | 'authenticated' | Permission;

export interface ChannelDefinition<
  I extends z.ZodType = z.ZodType,
  O extends z.ZodType = z.ZodType,
> {
  /** One line for docs/ipc.md. */
  summary: string;
  input: I;
  output: O;
  access: Access;
  /** May be called while the session is idle-locked (S2). */
  allowWhenLocked?: boolean;
  /** May be called while the member must change a temporary password (R1). */
  allowWhenPasswordChangeRequired?: boolean;
  /** Needs the password entered within the last 5 minutes (S3). */
  reauth?: boolean;
  /** Writes to the database: runs through the single write queue. */
  writes?: boolean;
}

export function defineChannel<I extends z.ZodType, O extends z.ZodType>(
  def: ChannelDefinition<I, O>,
): ChannelDefinition<I, O> {
  return def;
}
