/**
 * Issue 10, section 4: the customer display window, with Electron mocked. Same E1 preferences as
 * the till window but its own preload; full screen on the second monitor when there is one; told
 * of every cart change until it closes; its sender marked `display` by the IPC adapter (so the
 * router answers it on `display:cart` only); its preload exposes one read and one subscription.
 */
import { describe, expect, it, vi } from 'vitest';

const created: Array<{ options: any; loaded: string[]; sent: string[]; win: any }> = [];
const exposed = new Map<string, any>();
const invoked: Array<[string, unknown]> = [];
const rendererListeners = new Map<string, Set<(...a: unknown[]) => void>>();

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    static fromWebContents = () => ({ id: 3 });
    destroyed = false;
    readonly webContents: { send: (ch: string) => void };
    constructor(options: unknown) {
      super();
      const record = { options, loaded: [] as string[], sent: [] as string[], win: this };
      created.push(record);
      this.webContents = { send: (ch: string) => record.sent.push(ch) };
    }
    isDestroyed() {
      return this.destroyed;
    }
    showInactive() {}
    async loadURL(url: string) {
      created.at(-1)!.loaded.push(url);
    }
  }
  return {
    BrowserWindow,
    contextBridge: { exposeInMainWorld: (k: string, v: unknown) => exposed.set(k, v) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return { ok: true, data: {} };
      },
      on: (ch: string, l: (...a: unknown[]) => void) => {
        if (!rendererListeners.has(ch)) rendererListeners.set(ch, new Set());
        rendererListeners.get(ch)!.add(l);
      },
      removeListener: (ch: string, l: (...a: unknown[]) => void) =>
        rendererListeners.get(ch)?.delete(l),
    },
  };
});

const {
  customerMonitor,
  displayWindowOptions,
  keepCustomerDisplay,
  openCustomerDisplay,
  DISPLAY_URL,
} = await import('../../electron/main/display-window');
const { secureWebPreferences } = await import('../../electron/main/window');
const { callerFromEvent, registerIpcHandlers } = await import('../../electron/main/ipc');

const primary = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 } } as any;
const second = { id: 2, bounds: { x: 1366, y: 0, width: 1024, height: 768 } } as any;

function fakeCore() {
  const listeners = new Set<() => void>();
  return {
    listeners,
    onDisplayChange: (l: () => void) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    fire: () => listeners.forEach((l) => l()),
  };
}

describe('the customer display window', () => {
  it('picks the first monitor that is not the primary one, or none', () => {
    expect(customerMonitor([primary, second], primary)).toBe(second);
    expect(customerMonitor([primary], primary)).toBeNull();
  });

  it('has the till window E1 preferences with its own preload; full screen on the monitor', () => {
    const o = displayWindowOptions('/app/dist-electron/display-preload.cjs', second, {
      isPackaged: true,
    });
    expect(o.webPreferences).toEqual({
      ...secureWebPreferences('/app/dist-electron/display-preload.cjs'),
      devTools: false,
    });
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(o).toMatchObject({ ...second.bounds, fullscreen: true, show: false });
    expect(displayWindowOptions('/p.cjs', null)).toMatchObject({ fullscreen: false, width: 1024 });
  });

  it('loads app://kassa/index.html#display and relays each cart change until it closes', async () => {
    const core = fakeCore();
    const d = await openCustomerDisplay(core, '/p.cjs', second);
    const rec = created.at(-1)!;
    expect(rec.loaded).toEqual([DISPLAY_URL]);
    expect(DISPLAY_URL).toBe('app://kassa/index.html#display');
    for (let i = 0; i < 10; i++) core.fire();
    expect(rec.sent).toEqual(Array(10).fill('display:changed'));
    expect(d.isDisplaySender(rec.win.webContents)).toBe(true);
    expect(d.isDisplaySender({} as never)).toBe(false);
    rec.win.emit('closed');
    expect(core.listeners.size).toBe(0);
  });

  it("marks only the display window's calls as the display (E5)", async () => {
    const displayContents = { mainFrame: { url: 'app://kassa/index.html#display', parent: null } };
    const tillContents = { mainFrame: { url: 'app://kassa/index.html', parent: null } };
    const isDisplay = (s: unknown) => s === displayContents;
    const ev = (sender: any) => ({ sender, senderFrame: sender.mainFrame }) as never;
    expect(callerFromEvent(ev(displayContents), isDisplay)).toMatchObject({ display: true });
    expect(callerFromEvent(ev(tillContents), isDisplay)).not.toHaveProperty('display');
    expect(callerFromEvent(ev(displayContents))).not.toHaveProperty('display');

    const handlers = new Map<string, (e: unknown, p: unknown) => Promise<unknown>>();
    const callers: unknown[] = [];
    registerIpcHandlers(
      { handle: (c: string, h: any) => handlers.set(c, h), removeHandler: () => undefined } as any,
      { invoke: async (_c, _p, caller) => (callers.push(caller), { ok: true, data: null }) },
      { isDisplaySender: isDisplay },
    );
    await handlers.get('cart:save')!(ev(displayContents), {});
    await handlers.get('display:cart')!(ev(tillContents), {});
    expect(callers).toEqual([
      { origin: 'app://kassa', isTopFrame: true, windowId: 3, display: true },
      { origin: 'app://kassa', isTopFrame: true, windowId: 3 },
    ]);
  });
});

describe('the store setting opens and closes the display (keepCustomerDisplay)', () => {
  /** A core whose setting the test flips, and display windows that record being destroyed. */
  function world(o: { enabled: boolean; monitor?: any; failOpen?: boolean }) {
    const core = { ...fakeCore(), enabled: o.enabled, customerDisplayEnabled: () => core.enabled };
    const opened: Array<{ on: Set<() => void>; destroyed: boolean }> = [];
    const errors: unknown[] = [];
    const keeper = keepCustomerDisplay(core, {
      monitor: () => (o.monitor === undefined ? second : o.monitor),
      open: async (monitor) => {
        expect(monitor).toBe(o.monitor === undefined ? second : o.monitor);
        if (o.failOpen) throw new Error('no GPU');
        const w = { on: new Set<() => void>(), destroyed: false };
        opened.push(w);
        const window = {
          once: (_e: string, l: () => void) => w.on.add(l),
          destroy: () => {
            w.destroyed = true;
            w.on.forEach((l) => l());
          },
        };
        return { window, isDisplaySender: () => false } as any;
      },
      onError: (e) => errors.push(e),
    });
    const settle = () => new Promise((r) => setTimeout(r, 0));
    return { core, opened, errors, keeper, settle };
  }

  it('opens once at start, stays through ten cart changes, closes when turned off, reopens when on', async () => {
    const w = world({ enabled: true });
    await w.settle();
    expect(w.opened).toHaveLength(1);
    for (let i = 0; i < 10; i++) w.core.fire();
    await w.settle();
    expect(w.opened).toHaveLength(1);
    expect(w.keeper.current()).not.toBeNull();
    w.core.enabled = false;
    w.core.fire();
    await w.settle();
    expect(w.opened[0]!.destroyed).toBe(true);
    expect(w.keeper.current()).toBeNull();
    w.core.enabled = true;
    w.core.fire();
    await w.settle();
    expect(w.opened).toHaveLength(2);
    expect(w.opened[1]!.destroyed).toBe(false);
  });

  it('a display closed by hand stays closed through cart changes', async () => {
    const w = world({ enabled: true });
    await w.settle();
    w.opened[0]!.on.forEach((l) => l()); // 'closed' (Alt+F4 on the customer's monitor)
    expect(w.keeper.current()).toBeNull();
    for (let i = 0; i < 5; i++) w.core.fire();
    await w.settle();
    expect(w.opened).toHaveLength(1);
  });

  it('stays closed while the setting is off, and with no second monitor', async () => {
    const off = world({ enabled: false });
    for (let i = 0; i < 3; i++) off.core.fire();
    await off.settle();
    expect(off.opened).toHaveLength(0);
    const single = world({ enabled: true, monitor: null });
    await single.settle();
    expect(single.opened).toHaveLength(0);
    expect(single.keeper.current()).toBeNull();
  });

  it('a display that fails to open is logged and the till goes on', async () => {
    const w = world({ enabled: true, failOpen: true });
    await w.settle();
    expect(w.errors.map((e) => (e as Error).message)).toEqual(['no GPU']);
    expect(w.keeper.current()).toBeNull();
    w.core.fire();
    await w.settle();
    expect(w.errors).toHaveLength(1);
  });
});

describe("the display's preload (E2)", () => {
  it('exposes only kassaDisplay: one read of display:cart and one subscription', async () => {
    await import('../../electron/preload/display');
    expect([...exposed.keys()]).toEqual(['kassaDisplay']);
    const bridge = exposed.get('kassaDisplay');
    expect(Object.keys(bridge).sort()).toEqual(['cart', 'onChange']);
    expect(Object.isFrozen(bridge)).toBe(true);
    await bridge.cart('ignored', { channel: 'staff:delete' });
    expect(invoked).toEqual([['display:cart', {}]]);

    const heard: unknown[][] = [];
    const stop = bridge.onChange((...args: unknown[]) => heard.push(args));
    for (const l of rendererListeners.get('display:changed')!) l({ sender: 'event' }, 'x');
    expect(heard).toEqual([[]]); // The IpcRendererEvent never reaches the page.
    stop();
    expect(rendererListeners.get('display:changed')!.size).toBe(0);
    expect(bridge.onChange('not a function')()).toBeUndefined();
  });
});
