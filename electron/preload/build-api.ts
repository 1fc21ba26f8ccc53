/**
 * Builds `window.api` from the channel list (E2; Electron security checklist #20: do not expose
 * raw IPC). Pure and Electron-free, so the preload, the unit tests and the browser end-to-end
 * bridge (`page.exposeBinding` + `addInitScript`) all build the very same object.
 */
import type { KassaApi } from '../../shared/api';
import type { ChannelName } from '../../shared/contract';
import type { Result } from '../../shared/errors';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';

/**
 * Sends one call to the main process and resolves to its Result. In the preload this is
 * `(channel, input) => ipcRenderer.invoke(channel, input)`.
 */
export type InvokeFn = (channel: ChannelName, input: unknown) => Promise<Result<unknown>>;

/**
 * Returns a frozen object with exactly one own, enumerable function per channel in `names`
 * (by default every channel in the contract) and nothing else: no `invoke`, no `ipcRenderer`,
 * no event objects.
 *
 * Each function takes one argument, the channel's input, and forwards only that: extra arguments
 * are dropped, so a page cannot smuggle more data across IPC. An omitted input is sent as `{}`
 * (the channels without fields take the empty strict object); any other value, `null` included,
 * is sent as is for the main-process schema to judge (F1).
 *
 * The body uses nothing from its module but the `names` default, so the browser e2e bridge can
 * ship it as source: `page.addInitScript({ content: \`window.api = (${buildApi})((c, i) =>
 * window.__kassaInvoke(c, i), ${JSON.stringify(CHANNEL_NAMES)})\` })` (tests/shell/preload.test.ts
 * checks that this works).
 *
 * @param invoke how to reach the main process
 * @param names channel names to expose; defaults to `CHANNEL_NAMES`
 */
export function buildApi(
  invoke: InvokeFn,
  names: readonly ChannelName[] = CHANNEL_NAMES,
): KassaApi {
  const api: Record<string, (input?: unknown) => Promise<Result<unknown>>> = Object.create(null);
  for (const channel of names) {
    api[channel] = (input?: unknown) => invoke(channel, input === undefined ? {} : input);
  }
  return Object.freeze(api) as unknown as KassaApi;
}
