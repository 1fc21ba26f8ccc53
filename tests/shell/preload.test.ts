/**
 * E2 (checklist #20): the preload exposes exactly one function per contract channel as
 * `window.api`, and nothing else — no raw ipcRenderer, no invoke, no event objects.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { channels } from '../../shared/contract';

const exposed = new Map<string, unknown>();
const invoke = vi.fn(async (channel: string, input: unknown) => ({
  ok: true,
  data: { channel, input },
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...(args as [string, unknown])),
    on: vi.fn(),
    send: vi.fn(),
  },
}));

await import('../../electron/preload/index');
const { buildApi } = await import('../../electron/preload/build-api');
const ALLOWLIST = Object.keys(channels).sort();
/** The channels, and the one subscription (issue 12, section 2; tests/shell/store-changes.test.ts). */
const KEYS = [...ALLOWLIST, 'onStoreChange'].sort();

describe('E2 preload', () => {
  it('exposes exactly one key, "api", in the main world', () => {
    expect([...exposed.keys()]).toEqual(['api']);
  });

  it('the keys of window.api equal the channel allowlist and onStoreChange, all functions', () => {
    const api = exposed.get('api') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(KEYS);
    expect(Reflect.ownKeys(api).map(String).sort()).toEqual(KEYS);
    for (const key of KEYS) expect(typeof api[key]).toBe('function');
    for (const forbidden of [
      'invoke',
      'send',
      'on',
      'ipcRenderer',
      'electron',
      'require',
      'process',
    ]) {
      expect(forbidden in api).toBe(false);
    }
    expect(Object.getPrototypeOf(api)).toBeNull();
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('each function forwards only (channel, input) to ipcRenderer.invoke and returns its Result', async () => {
    const api = exposed.get('api') as Record<string, (...args: unknown[]) => Promise<unknown>>;
    invoke.mockClear();
    for (const channel of ALLOWLIST) {
      const result = await api[channel]?.({ probe: 1 }, 'extra', { sender: 'smuggled' });
      expect(result).toEqual({ ok: true, data: { channel, input: { probe: 1 } } });
    }
    expect(invoke).toHaveBeenCalledTimes(ALLOWLIST.length);
    for (const call of invoke.mock.calls) expect(call).toHaveLength(2);
  });

  it('an omitted input is sent as {}; null and other values are sent as they are', async () => {
    const api = exposed.get('api') as Record<string, (input?: unknown) => Promise<unknown>>;
    invoke.mockClear();
    await api['app:status']?.();
    await api['auth:login']?.(null);
    await api['auth:login']?.('text');
    expect(invoke.mock.calls).toEqual([
      ['app:status', {}],
      ['auth:login', null],
      ['auth:login', 'text'],
    ]);
  });

  it('buildApi with a custom invoke (the e2e bridge) builds the same key set', () => {
    const api = buildApi(async () => ({ ok: true, data: null }));
    expect(Object.keys(api).sort()).toEqual(ALLOWLIST);
  });

  it('buildApi survives serialisation to source (how the browser e2e bridge injects it)', async () => {
    const { runInNewContext } = await import('node:vm');
    const calls: unknown[][] = [];
    const sandbox = {
      record: (...args: unknown[]) => (calls.push(args), Promise.resolve({ ok: true, data: null })),
    };
    const source = `(${buildApi.toString()})((channel, input) => record(channel, input), ${JSON.stringify(ALLOWLIST)})`;
    const api = runInNewContext(source, sandbox) as Record<
      string,
      (input?: unknown) => Promise<unknown>
    >;
    expect(Object.keys(api).sort()).toEqual(ALLOWLIST);
    await api['auth:session']?.();
    expect(calls).toEqual([['auth:session', {}]]);
  });

  it('the preload source imports only electron and its own zod-free modules', () => {
    const source = readFileSync(
      new URL('../../electron/preload/index.ts', import.meta.url),
      'utf8',
    );
    const buildSource = readFileSync(
      new URL('../../electron/preload/build-api.ts', import.meta.url),
      'utf8',
    );
    const valueImports = (text: string) =>
      [...text.matchAll(/^import (?!type )[^;]*?from '([^']+)'/gm)].map((m) => m[1]);
    const subscribeSource = readFileSync(
      new URL('../../electron/preload/store-changes.ts', import.meta.url),
      'utf8',
    );
    expect(valueImports(source).sort()).toEqual(['./build-api', './store-changes', 'electron']);
    expect(valueImports(buildSource)).toEqual(['../../shared/contract/channel-names']);
    expect(valueImports(subscribeSource)).toEqual(['../../shared/contract/store-changes']);
    const topicsSource = readFileSync(
      new URL('../../shared/contract/store-changes.ts', import.meta.url),
      'utf8',
    );
    expect(valueImports(topicsSource)).toEqual([]);
  });
});
