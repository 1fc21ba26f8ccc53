/** Till settings. */
import { z } from 'zod';
import { defineChannel } from './define';
import { emptyInput } from './common';

export const tillSettingsSchema = z.strictObject({
  terminalName: z.string(),
  /** Idle lock after this many minutes without activity (S2); 1..15, default 5. */
  idleLockMinutes: z.number().int().min(1).max(15),
});
export type TillSettings = z.infer<typeof tillSettingsSchema>;

export const settingsChannels = {
  'settings:get': defineChannel({
    summary: 'Read the till settings.',
    input: emptyInput,
    output: tillSettingsSchema,
    access: 'authenticated',
  }),
  'settings:update': defineChannel({
    summary: 'Change the idle-lock minutes (1..15). Audited.',
    input: z.strictObject({ idleLockMinutes: z.number().int().min(1).max(15) }),
    output: tillSettingsSchema,
    access: 'settings.manage',
    reauth: true,
    writes: true,
  }),
} as const;
