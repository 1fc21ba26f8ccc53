/**
 * E5 (checklist #17): the shell wraps EVERY contract channel, describes the sender (origin, top
 * frame, window) to the core, and never lets an exception escape: a throwing core becomes a typed
 * INTERNAL Result. The rejection itself is the core router's job (tested in tests/core).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES as CONTRACT_CHANNELS, channels } from '../../shared/contract';
import type { Caller } from '../../electron/core/types';
import type { Result } from '../../shared/errors';

const windowsByContents = new Map<object, { id: number }>();
vi.mock('electron', () => ({
  BrowserWindow: { fromWebContents: (contents: object) => windowsByContents.get(contents) ?? null },
}));

const { INTERNAL_ERROR_RESULT, callerFromEvent, registerIpcHandlers, wrapChannel } =
  await import('../../electron/main/ipc');
type Handler = (event: unknown, payload: unknown) => Promise<Result<unknown>>;

/** A fake IpcMainInvokeEvent: a webContents with a main frame, and the frame that sent. */
function fakeEvent(options: {
  url: string;
  subframe?: boolean;
  windowId?: number | null;
  frameGone?: boolean;
}) {
  const mainFrame = { url: options.url, parent: null };
  const sender = { mainFrame };
  const senderFrame = options.frameGone
    ? null
    : options.subframe
      ? { url: options.url, parent: mainFrame }
      : mainFrame;
  if (options.windowId !== null) windowsByContents.set(sender, { id: options.windowId ?? 7 });
  return { sender, senderFrame } as never;
}

function fakeIpc() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: vi.fn((channel: string, handler: Handler) => {
      if (handlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, handler);
    }),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
  };
}

describe('E5 every channel registered and wrapped', () => {
  let calls: { channel: string; payload: unknown; caller: Caller }[];
  const core = {
    invoke: async (channel: string, payload: unknown, caller: Caller): Promise<Result<unknown>> => {
      calls.push({ channel, payload, caller });
      return { ok: true, data: { channel } };
    },
  };
  beforeEach(() => {
    calls = [];
  });

  it('meta-test: registers exactly the contract channels, each once', () => {
    const ipc = fakeIpc();
    registerIpcHandlers(ipc, core);
    expect([...ipc.handlers.keys()].sort()).toEqual(Object.keys(channels).sort());
    expect([...ipc.handlers.keys()].sort()).toEqual([...CONTRACT_CHANNELS].sort());
    expect(ipc.handle).toHaveBeenCalledTimes(Object.keys(channels).length);
  });

  it('each handler passes channel, payload and the sender description to core.invoke', async () => {
    const ipc = fakeIpc();
    registerIpcHandlers(ipc, core);
    for (const channel of Object.keys(channels)) {
      const handler = ipc.handlers.get(channel);
      const result = await handler?.(fakeEvent({ url: 'app://kassa/index.html', windowId: 3 }), {
        probe: channel,
      });
      expect(result).toEqual({ ok: true, data: { channel } });
    }
    expect(calls.map((c) => c.channel)).toEqual(Object.keys(channels));
    for (const call of calls) {
      expect(call.payload).toEqual({ probe: call.channel });
      expect(call.caller).toEqual({ origin: 'app://kassa', isTopFrame: true, windowId: 3 });
    }
  });

  it('a foreign origin and a subframe are described as such (the core answers FORBIDDEN_SENDER)', async () => {
    const ipc = fakeIpc();
    registerIpcHandlers(ipc, core);
    const handler = ipc.handlers.get('staff:list');
    await handler?.(fakeEvent({ url: 'https://evil.example/x' }), {});
    await handler?.(fakeEvent({ url: 'app://kassa/index.html', subframe: true }), {});
    await handler?.(
      fakeEvent({ url: 'app://kassa/index.html', frameGone: true, windowId: null }),
      {},
    );
    expect(calls.map((c) => c.caller)).toEqual([
      { origin: 'https://evil.example', isTopFrame: true, windowId: 7 },
      { origin: 'app://kassa', isTopFrame: false, windowId: 7 },
      { origin: 'null', isTopFrame: false, windowId: -1 },
    ]);
  });

  it('the disposer removes every handler', () => {
    const ipc = fakeIpc();
    const dispose = registerIpcHandlers(ipc, core);
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('a second registration of a channel throws (no unchecked duplicate handler)', () => {
    const ipc = fakeIpc();
    registerIpcHandlers(ipc, core);
    expect(() => registerIpcHandlers(ipc, core)).toThrow(/second handler/);
  });
});

describe('E5 nothing thrown escapes across IPC', () => {
  it.each([
    ['a thrown Error', () => Promise.reject(new Error('SQLITE_CORRUPT: SELECT * FROM staff'))],
    ['a thrown string', () => Promise.reject('boom')],
    [
      'a synchronous throw',
      () => {
        throw new TypeError('x is undefined');
      },
    ],
  ])(
    '%s becomes a typed INTERNAL Result without the details, and is logged',
    async (_name, invoke) => {
      const logger = { error: vi.fn() };
      const handler = wrapChannel('auth:login', { invoke: invoke as never }, logger);
      const result = await handler(fakeEvent({ url: 'app://kassa/index.html' }), {
        identifier: 'a',
        password: 'b',
      });
      expect(result).toEqual({
        ok: false,
        error: { code: 'INTERNAL', message: expect.any(String) },
      });
      expect(result).toBe(INTERNAL_ERROR_RESULT);
      expect(JSON.stringify(result)).not.toMatch(/SQLITE|SELECT|undefined|boom/);
      expect(logger.error).toHaveBeenCalledWith(
        'IPC handler threw',
        expect.objectContaining({ channel: 'auth:login' }),
      );
    },
  );

  it('a sender that throws on access is described as untrusted, not thrown', () => {
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
      sender: { mainFrame: null },
    };
    expect(callerFromEvent(event as never)).toEqual({
      origin: 'null',
      isTopFrame: false,
      windowId: -1,
    });
  });

  it('a core Result that is not ok passes through unchanged', async () => {
    const forbidden: Result<never> = {
      ok: false,
      error: { code: 'FORBIDDEN_SENDER', message: 'Not allowed.' },
    };
    const handler = wrapChannel('staff:list', { invoke: async () => forbidden });
    expect(await handler(fakeEvent({ url: 'https://evil.example/' }), {})).toBe(forbidden);
  });
});
