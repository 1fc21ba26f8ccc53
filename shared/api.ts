/**
 * The shape of `window.api`, which the preload builds from the contract (E2) and the browser
 * end-to-end bridge builds the same way. One function per channel, named by the channel:
 * `window.api['staff:list'](input)` resolves to a Result, never throws across IPC. The global
 * `Window['api']` is declared in renderer/src/window-api.d.ts: shared/ has no DOM types.
 */
import type { Result } from './errors';
import type { ChannelInput, ChannelName, ChannelOutput } from './contract';
import type { StoreChangeTopic } from './contract/store-changes';

export type KassaApi = {
  [C in ChannelName]: (input?: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
};

/**
 * `window.api` as the page sees it: the channels, plus the main preload's one subscription,
 * `onStoreChange(listener)` (issue 12, section 2), which calls `listener` with a topic when the
 * catalogue, the settings or the staff changed and answers the unsubscribe function. Optional:
 * the browser e2e bridge exposes only the channels.
 */
export type KassaWindowApi = KassaApi & {
  onStoreChange?: (listener: (topic: StoreChangeTopic) => void) => () => void;
};
