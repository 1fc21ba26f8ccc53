/**
 * The IPC contract: every channel Kassa exposes, declared once. The preload exposes exactly these
 * names (E2), the main router serves exactly these (E5 meta-test), the renderer client is typed from
 * them, and docs/ipc.md is generated from them (a test keeps it in step).
 */
import type { z } from 'zod';
import { auditChannels } from './audit';
import { authChannels } from './auth';
import { settingsChannels } from './settings';
import { staffChannels } from './staff';
import { productChannels } from './products';
import { customerChannels } from './customers';
import { salesChannels } from './sales';
import { reportChannels } from './reports';
import { importChannels } from './imports';
import { cartChannels } from './carts';
import { roleChannels } from './roles';
import { twoFactorChannels } from './two-factor';
import { staffImportChannels } from './staff-import';
import { pinChannels } from './pin';
import { mailChannels } from './mail';
import { contactChannels } from './contacts';
import { passwordResetChannels } from './password-reset';
import { smsChannels } from './sms';
import { profileChannels } from './profile';
import { secretsChannels } from './secrets';
import { shiftChannels } from './shifts';
import { exportChannels } from './exports';
import { receiptChannels } from './receipts';
import { printingChannels } from './printing';
import { displayChannels } from './display';
import { backupsChannels } from './backups';
import { categoryChannels } from './categories';
import { analyticsChannels } from './analytics';
import { analyticsExportChannels } from './analytics-export';
import { stockChannels } from './stock';
import { stockCountChannels } from './stock-count';
import { receivingChannels } from './receiving';
import { storeServerChannels } from './store-server';

export const channels = {
  ...authChannels,
  ...settingsChannels,
  ...roleChannels,
  ...staffChannels,
  ...auditChannels,
  ...productChannels,
  ...customerChannels,
  ...salesChannels,
  ...reportChannels,
  ...importChannels,
  ...cartChannels,
  ...twoFactorChannels,
  ...staffImportChannels,
  ...pinChannels,
  ...mailChannels,
  ...contactChannels,
  ...passwordResetChannels,
  ...smsChannels,
  ...profileChannels,
  ...secretsChannels,
  ...shiftChannels,
  ...exportChannels,
  ...receiptChannels,
  ...printingChannels,
  ...displayChannels,
  ...backupsChannels,
  ...categoryChannels,
  ...analyticsChannels,
  ...analyticsExportChannels,
  ...stockChannels,
  ...stockCountChannels,
  ...receivingChannels,
  ...storeServerChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What the caller sends (before defaults are applied). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What the handler receives (after parsing and defaults). */
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export * from './define';
export * from './common';
export * from './auth';
export * from './staff';
export * from './settings';
export * from './audit';
export * from './products';
export * from './customers';
export * from './sales';
export * from './reports';
export * from './imports';
export * from './carts';
export * from './roles';
export * from './two-factor';
export * from './staff-import';
export * from './pin';
export * from './mail';
export * from './contacts';
export * from './password-reset';
export * from './sms';
export * from './profile';
export * from './secrets';
export * from './shifts';
export * from './exports';
export * from './receipts';
export * from './printing';
export * from './display';
export * from './store-changes';
export * from './backups';
export * from './categories';
export * from './analytics';
export * from './analytics-export';
export * from './stock';
export * from './stock-count';
export * from './receiving';
