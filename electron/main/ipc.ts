/**
 * The IPC adapter: connects `ipcMain.handle` to the headless core's router.
 *
 * E5 (Electron security checklist #17 "validate the sender of all IPC messages"): every channel of
 * the contract is registered here and only here, and each handler passes a description of the
 * sender (origin, top frame or not, window) to `core.invoke`, where the router refuses anything
 * that is not the app's own top frame. This module never decides on its own; it only makes sure
 * that (a) no channel is left unwrapped and (b) nothing thrown ever escapes across IPC: the
 * renderer always receives a `Result` (`{ ok:false, error:{ code:'INTERNAL' } }` at worst),
 * because Electron flattens thrown errors to a string (electron#24427).
 */
import { BrowserWindow, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import type { Caller, Core, Logger } from '../core/types';
import type { ChannelName } from '../../shared/contract';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';
import type { Result } from '../../shared/errors';
import { originOf } from './origin';

/** The answer sent when the core throws instead of resolving: typed, generic, no stack (F1). */
export const INTERNAL_ERROR_RESULT: Result<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'INTERNAL', message: 'Something went wrong. Please try again.' }),
}) as Result<never>;

/** The part of IpcMainInvokeEvent used to describe the sender. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Describes who sent an IPC call (E5), without throwing:
 * - `origin`: from `event.senderFrame.url` (`app://kassa/index.html` → `app://kassa`); `"null"`
 *   when the frame is gone or its URL has no origin;
 * - `isTopFrame`: the frame is the sender's main frame (identity, or no parent frame); false when
 *   the frame is gone;
 * - `windowId`: `BrowserWindow.fromWebContents(event.sender)?.id`, or -1.
 */
export function callerFromEvent(
  event: SenderEvent,
  isDisplaySender: (sender: SenderEvent['sender']) => boolean = () => false,
): Caller {
  let frame: IpcMainInvokeEvent['senderFrame'] = null;
  try {
    frame = event.senderFrame;
  } catch {
    frame = null; // Accessing a destroyed frame can throw; such a sender is never trusted.
  }
  let windowId = -1;
  try {
    windowId = BrowserWindow.fromWebContents(event.sender)?.id ?? -1;
  } catch {
    windowId = -1;
  }
  // The customer display window may call only its own channel (issue 10, section 4).
  let display = false;
  try {
    display = isDisplaySender(event.sender);
  } catch {
    display = false;
  }
  const marks = display ? { display: true } : {};
  if (frame === null) return { origin: 'null', isTopFrame: false, windowId, ...marks };
  let isTopFrame = false;
  try {
    isTopFrame = frame === event.sender.mainFrame || frame.parent === null;
  } catch {
    isTopFrame = false;
  }
  return { origin: originOf(frame.url), isTopFrame, windowId, ...marks };
}

/**
 * Builds the handler for one channel: `(event, payload) => core.invoke(channel, payload, caller)`.
 * Always resolves to a Result; a throw or rejection from the core (or from describing the sender)
 * is logged and becomes `INTERNAL_ERROR_RESULT`.
 */
export function wrapChannel(
  channel: ChannelName,
  core: Pick<Core, 'invoke'>,
  logger?: Pick<Logger, 'error'>,
  isDisplaySender?: (sender: SenderEvent['sender']) => boolean,
): (event: SenderEvent, payload: unknown) => Promise<Result<unknown>> {
  return async (event, payload) => {
    try {
      return await core.invoke(channel, payload, callerFromEvent(event, isDisplaySender));
    } catch (error) {
      logger?.error('IPC handler threw', {
        channel,
        error: error instanceof Error ? error.message : String(error),
      });
      return INTERNAL_ERROR_RESULT;
    }
  };
}

/**
 * Registers a wrapped handler for EVERY channel in `channels` (default: the whole contract) on
 * `ipc`. Returns a function that removes them again. Throws if a channel already has a handler
 * (Electron's own rule), which would mean a second, unchecked registration somewhere.
 */
export function registerIpcHandlers(
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'>,
  core: Pick<Core, 'invoke'>,
  options: {
    logger?: Pick<Logger, 'error'>;
    channels?: readonly ChannelName[];
    /** True for the customer display window's webContents (issue 10, section 4). */
    isDisplaySender?: (sender: SenderEvent['sender']) => boolean;
  } = {},
): () => void {
  const channels = options.channels ?? CHANNEL_NAMES;
  for (const channel of channels) {
    ipc.handle(channel, wrapChannel(channel, core, options.logger, options.isDisplaySender));
  }
  return () => {
    for (const channel of channels) ipc.removeHandler(channel);
  };
}
