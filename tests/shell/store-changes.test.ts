/**
 * Issue 12, section 2, with Electron mocked: the shell sends the main window each store change
 * the core hears (`STORE_CHANGED_EVENT` with the topic only) until the window closes, and the
 * main preload's `window.api.onStoreChange` hands the page that topic and nothing else.
 */
import { describe, expect, it, vi } from 'vitest';
import { STORE_CHANGED_EVENT, type StoreChangeTopic } from '../../shared/contract/store-changes';

const exposed = new Map<string, any>();
const rendererListeners = new Map<string, Set<(...a: unknown[]) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (k: string, v: unknown) => exposed.set(k, v) },
  ipcRenderer: {
    invoke: async () => ({ ok: true, data: null }),
    on: (ch: string, l: (...a: unknown[]) => void) => {
      if (!rendererListeners.has(ch)) rendererListeners.set(ch, new Set());
      rendererListeners.get(ch)!.add(l);
    },
    removeListener: (ch: string, l: (...a: unknown[]) => void) =>
      rendererListeners.get(ch)?.delete(l),
  },
}));

const { forwardStoreChanges } = await import('../../electron/main/store-changes');
await import('../../electron/preload/index');

function fakeCore() {
  const listeners = new Set<(topic: StoreChangeTopic) => void>();
  return {
    listeners,
    onStoreChange: (l: (topic: StoreChangeTopic) => void) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    fire: (topic: unknown) => listeners.forEach((l) => l(topic as StoreChangeTopic)),
  };
}

async function fakeWindow() {
  const { EventEmitter } = await import('node:events');
  const sent: unknown[][] = [];
  const win = Object.assign(new EventEmitter(), {
    destroyed: false,
    isDestroyed() {
      return win.destroyed;
    },
    webContents: { send: (...args: unknown[]) => void sent.push(args) },
  });
  return { win, sent };
}

/** What the shell would send the page: the event with these arguments. */
function deliver(...args: unknown[]) {
  rendererListeners.get(STORE_CHANGED_EVENT)?.forEach((l) => l({ sender: 'event' }, ...args));
}

describe('the shell forwards store changes to the main window', () => {
  it('sends each topic as the one argument of STORE_CHANGED_EVENT', async () => {
    const core = fakeCore();
    const { win, sent } = await fakeWindow();
    forwardStoreChanges(core, win as never);
    core.fire('catalogue');
    core.fire('staff');
    expect(sent).toEqual([
      [STORE_CHANGED_EVENT, 'catalogue'],
      [STORE_CHANGED_EVENT, 'staff'],
    ]);
  });

  it('sends nothing outside the closed list, nor to a destroyed window', async () => {
    const core = fakeCore();
    const { win, sent } = await fakeWindow();
    forwardStoreChanges(core, win as never);
    core.fire('prices; DROP TABLE');
    win.destroyed = true;
    core.fire('settings');
    expect(sent).toEqual([]);
  });

  it('stops when the window closes, or when told to', async () => {
    const core = fakeCore();
    const { win } = await fakeWindow();
    forwardStoreChanges(core, win as never);
    win.emit('closed');
    expect(core.listeners.size).toBe(0);
    const other = await fakeWindow();
    const stop = forwardStoreChanges(core, other.win as never);
    stop();
    expect(core.listeners.size).toBe(0);
  });
});

describe('window.api.onStoreChange', () => {
  it('calls the listener with the topic only, until unsubscribed', () => {
    const heard: unknown[][] = [];
    const stop = exposed.get('api').onStoreChange((...args: unknown[]) => heard.push(args));
    deliver('settings');
    deliver('catalogue', 'extra');
    stop();
    deliver('staff');
    expect(heard).toEqual([['settings'], ['catalogue']]);
    expect(rendererListeners.get(STORE_CHANGED_EVENT)?.size ?? 0).toBe(0);
  });

  it('ignores anything that is not a topic', () => {
    const listener = vi.fn();
    const stop = exposed.get('api').onStoreChange(listener);
    deliver('everything');
    deliver({ topic: 'staff' });
    deliver();
    stop();
    expect(listener).not.toHaveBeenCalled();
  });

  it('subscribes nothing for a listener that is not a function', () => {
    const stop = exposed.get('api').onStoreChange('not a function');
    expect(rendererListeners.get(STORE_CHANGED_EVENT)?.size ?? 0).toBe(0);
    expect(stop()).toBeUndefined();
  });
});
