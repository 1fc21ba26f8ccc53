/**
 * The shape of a channel handler. The router has already checked the sender, the session, the
 * permission (inside the write transaction for `writes` channels, A8) and the input schema, so a
 * handler receives parsed input and, on every non-public channel, the caller's live session.
 */
import type {
  ChannelName,
  ChannelOutput,
  ChannelParsedInput,
  Channels,
} from '../../shared/contract';
import type { Session } from './auth/sessions';
import type { Caller } from './types';

/** A live session on every channel that is not `public`; maybe one on public channels. */
export type SessionFor<C extends ChannelName> = Channels[C]['access'] extends 'public'
  ? Session | undefined
  : Session;

export interface HandlerContext<C extends ChannelName> {
  caller: Caller;
  session: SessionFor<C>;
}

export type Handler<C extends ChannelName> = (
  input: ChannelParsedInput<C>,
  ctx: HandlerContext<C>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type Handlers = { [C in ChannelName]: Handler<C> };

/** The handlers of the channels whose names start with one of `Prefix` (e.g. `'sales'`). */
export type DomainHandlers<Prefix extends string> = Pick<
  Handlers,
  Extract<ChannelName, `${Prefix}:${string}`>
>;
