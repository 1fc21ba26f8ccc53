/**
 * The composition root (electron/main/index.ts), with Electron and the core mocked: the boot
 * order (V8 flags → lock → ready → core → IPC → protocol → security handlers → window), the
 * E6/E7 guards on every webContents, the nativeBinding hand-over, a clear failure when the
 * binding is missing, and the core closed on quit.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/contract/channel-names';

interface World {
  steps: string[];
  app: EventEmitter & Record<string, unknown>;
  coreOptions: Record<string, unknown> | undefined;
  handled: string[];
  closeCore: () => Promise<void>;
  errorBox: (...args: unknown[]) => void;
}

const world = vi.hoisted(() => ({ current: undefined as unknown as World }));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const w = (): World => world.current;
  const session = () => ({
    setPermissionRequestHandler: () => w().steps.push('permissions:request'),
    setPermissionCheckHandler: () => w().steps.push('permissions:check'),
    setDevicePermissionHandler: () => undefined,
  });
  class BrowserWindow extends Emitter {
    static fromWebContents = () => null;
    readonly webContents = { send: () => undefined };
    constructor() {
      super();
      w().steps.push('window:new');
    }
    isDestroyed() {
      return false;
    }
    async loadURL(url: string) {
      w().steps.push(`window:load ${url}`);
    }
  }
  return {
    get app() {
      return w().app;
    },
    BrowserWindow,
    dialog: { showErrorBox: (...args: unknown[]) => w().errorBox(...args) },
    ipcMain: {
      handle: (channel: string) => w().handled.push(channel),
      removeHandler: () => undefined,
    },
    protocol: {
      registerSchemesAsPrivileged: () => w().steps.push('scheme:privileged'),
      handle: (scheme: string) => w().steps.push(`protocol:handle ${scheme}`),
    },
    session: {
      get defaultSession() {
        return session();
      },
    },
    shell: { openExternal: async () => undefined },
  };
});
// The real v8-flags module runs; only V8's setter is watched.
vi.mock('node:v8', async (importOriginal) => ({
  ...(await importOriginal<typeof import('node:v8')>()),
  setFlagsFromString: (flags: string) => world.current.steps.push(`v8:flags ${flags}`),
}));
vi.mock('electron-log/main', () => ({
  default: {
    transports: { file: {}, console: {} },
    errorHandler: { startCatching: () => undefined },
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
  },
}));
vi.mock('../../electron/core/index', () => ({
  createCore: async (options: Record<string, unknown>) => {
    world.current.steps.push('core:create');
    world.current.coreOptions = options;
    return {
      invoke: async () => ({ ok: true, data: null }),
      onStoreChange: () => {
        world.current.steps.push('store-changes:forward');
        return () => undefined;
      },
      safeMode: false,
      close: world.current.closeCore,
    };
  },
}));
vi.mock('../../electron/core/secrets/keytar-store', () => ({
  createKeytarSecretStore: (service: string) => ({ service }),
}));

function makeWorld(options: { isPackaged: boolean; gotLock?: boolean }): World {
  const steps: string[] = [];
  const app = Object.assign(new EventEmitter(), {
    isPackaged: options.isPackaged,
    setPath: vi.fn(),
    getPath: (name: string) => `/home/till/.config/Kassa${name === 'userData' ? '' : `/${name}`}`,
    getAppPath: () => '/opt/kassa-src',
    enableSandbox: () => steps.push('app:enableSandbox'),
    requestSingleInstanceLock: () => {
      steps.push('app:lock');
      return options.gotLock ?? true;
    },
    whenReady: async () => {
      steps.push('app:ready');
    },
    quit: vi.fn(() => steps.push('app:quit')),
    exit: vi.fn((code: number) => steps.push(`app:exit ${code}`)),
  });
  const w: World = {
    steps,
    app: app as unknown as World['app'],
    coreOptions: undefined,
    handled: [],
    closeCore: vi.fn(async () => {
      steps.push('core:close');
    }),
    errorBox: vi.fn(),
  };
  return w;
}

async function boot(w: World): Promise<void> {
  world.current = w;
  vi.resetModules();
  await import('../../electron/main/index');
  await vi.waitFor(() =>
    expect(
      w.steps.some(
        (s) => s.startsWith('window:load') || s.startsWith('app:exit') || s === 'app:quit',
      ),
    ).toBe(true),
  );
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('main composition root', () => {
  it('boots in order: V8 flags → lock → ready → core → IPC → protocol → permissions → window', async () => {
    const w = makeWorld({ isPackaged: true });
    await boot(w);
    const at = (step: string) => w.steps.findIndex((s) => s.startsWith(step));
    // The core's process runs without allocation-site pretenuring (electron/main/v8-flags.ts).
    expect(w.steps[0]).toBe('v8:flags --no-allocation-site-pretenuring');
    expect(at('scheme:privileged')).toBeLessThan(at('app:ready'));
    expect(at('app:enableSandbox')).toBeLessThan(at('app:ready'));
    expect(at('app:lock')).toBeLessThan(at('app:ready'));
    expect(at('app:ready')).toBeLessThan(at('core:create'));
    expect(at('core:create')).toBeLessThan(at('protocol:handle app'));
    expect(at('protocol:handle app')).toBeLessThan(at('permissions:request'));
    expect(at('permissions:request')).toBeLessThan(at('window:new'));
    expect(w.steps).toContain('window:load app://kassa/index.html');
    // The window hears the store's changes (issue 12, section 2).
    expect(at('window:load')).toBeLessThan(at('store-changes:forward'));
    expect([...w.handled].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('passes the database path, keychain store and app origin to the core; no nativeBinding when packaged', async () => {
    const w = makeWorld({ isPackaged: true });
    await boot(w);
    expect(w.coreOptions).toMatchObject({
      databasePath: expect.stringMatching(
        /[/\\]home[/\\]till[/\\]\.config[/\\]Kassa[/\\]kassa\.sqlite$/,
      ),
      secretStore: { service: 'Kassa' },
      appOrigin: 'app://kassa',
    });
    expect(w.coreOptions).not.toHaveProperty('nativeBinding');
    // A1: the app hashes passwords at BCRYPT_COST; only test cores lower it.
    expect(w.coreOptions).not.toHaveProperty('testPasswordCost');
  });

  it('applies the E6 guards and E7 handlers to every new webContents', async () => {
    const w = makeWorld({ isPackaged: true });
    await boot(w);
    const contents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: vi.fn(),
      session: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    });
    w.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-redirect')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(contents.session.setPermissionCheckHandler).toHaveBeenCalledOnce();
  });

  it('in development, a missing .native binding stops start-up with a clear message, before the core opens', async () => {
    const w = makeWorld({ isPackaged: false });
    await boot(w);
    expect(w.steps).not.toContain('core:create');
    expect(w.errorBox).toHaveBeenCalledWith(
      'Kassa could not start',
      expect.stringContaining('node scripts/native-binding.mjs electron'),
    );
    expect(w.steps).toContain('app:exit 1');
  });

  it('KASSA_USER_DATA_DIR is honoured in development only', async () => {
    vi.stubEnv('KASSA_USER_DATA_DIR', '/tmp/kassa-profile');
    const dev = makeWorld({ isPackaged: false });
    await boot(dev);
    expect(dev.app.setPath).toHaveBeenCalledWith('userData', '/tmp/kassa-profile');
    const packaged = makeWorld({ isPackaged: true });
    await boot(packaged);
    expect(packaged.app.setPath).not.toHaveBeenCalled();
  });

  it('a second instance quits without opening the core or a window', async () => {
    const w = makeWorld({ isPackaged: true, gotLock: false });
    await boot(w);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(w.steps).toContain('app:quit');
    expect(w.steps).not.toContain('app:ready');
    expect(w.steps).not.toContain('core:create');
  });

  it('closes the core on quit before quitting for real', async () => {
    const w = makeWorld({ isPackaged: true });
    await boot(w);
    const event = { preventDefault: vi.fn() };
    w.app.emit('will-quit', event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await vi.waitFor(() => expect(w.steps).toContain('app:quit'));
    expect(w.closeCore).toHaveBeenCalledOnce();
    expect(w.steps.indexOf('core:close')).toBeLessThan(w.steps.indexOf('app:quit'));
    const again = { preventDefault: vi.fn() };
    w.app.emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
