/** One Kassa per user session: the second launch quits and the first brings its window forward. */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { acquireSingleInstance } from '../../electron/main/single-instance';

function fakeApp(gotLock: boolean) {
  const app = new EventEmitter() as EventEmitter & {
    requestSingleInstanceLock: () => boolean;
    quit: () => void;
  };
  app.requestSingleInstanceLock = vi.fn(() => gotLock);
  app.quit = vi.fn();
  return app;
}

function fakeWindow(minimized: boolean) {
  return { isMinimized: vi.fn(() => minimized), restore: vi.fn(), show: vi.fn(), focus: vi.fn() };
}

describe('single instance', () => {
  it('without the lock: quits and reports false, so nothing else starts', () => {
    const app = fakeApp(false);
    expect(acquireSingleInstance(app as never, () => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('with the lock: keeps running and listens for second instances', () => {
    const app = fakeApp(true);
    expect(acquireSingleInstance(app as never, () => null)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(1);
  });

  it('a second instance restores a minimised window and focuses it', () => {
    const app = fakeApp(true);
    const window = fakeWindow(true);
    acquireSingleInstance(app as never, () => window as never);
    app.emit('second-instance', {}, ['kassa'], '/');
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('a visible window is focused without restore; no window yet is fine', () => {
    const app = fakeApp(true);
    const window = fakeWindow(false);
    let current: ReturnType<typeof fakeWindow> | null = null;
    acquireSingleInstance(app as never, () => current as never);
    expect(() => app.emit('second-instance')).not.toThrow();
    current = window;
    app.emit('second-instance');
    expect(window.restore).not.toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalledOnce();
  });
});
