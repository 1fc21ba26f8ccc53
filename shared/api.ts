/**
 * The shape of `window.api`, which the preload builds from the contract (E2) and the browser
 * end-to-end bridge builds the same way. One function per channel, named by the channel:
 * `window.api['staff:list'](input)` resolves to a Result, never throws across IPC. The global
 * `Window['api']` is declared in renderer/src/window-api.d.ts: shared/ has no DOM types.
 */
import type { Result } from './errors';
import type { ChannelInput, ChannelName, ChannelOutput } from './contract';

export type KassaApi = {
  [C in ChannelName]: (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};
