/**
 * Quitting closes the core with a limit on the wait (electron/main/close-core.ts): a close that
 * never ends (a store server that hangs holds its connections) is waited for CLOSE_GRACE_MS and
 * no longer, a failed close is logged, and a close that ends in time ends the wait at once.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_GRACE_MS, closeCoreWithin } from '../../electron/main/close-core';

const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

/** 'done' if `promise` has settled by the next turn of the event loop, else 'pending'. */
async function state(promise: Promise<void>): Promise<'pending' | 'done'> {
  const turn = new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending')));
  return Promise.race([promise.then(() => 'done' as const), turn]);
}

/** Fake timeouts only: `state` needs a real next turn of the event loop. */
const fakeTimeouts = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

afterEach(() => {
  vi.useRealTimers();
});

describe('closing the core as the app quits', () => {
  it('a close that never ends is waited for CLOSE_GRACE_MS, then given up, and said', async () => {
    fakeTimeouts();
    const log = logger();
    const quitting = closeCoreWithin({ close: () => new Promise<void>(() => undefined) }, log);
    await vi.advanceTimersByTimeAsync(CLOSE_GRACE_MS - 1);
    expect(await state(quitting)).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(await state(quitting)).toBe('done');
    expect(log.warn).toHaveBeenCalledWith(
      'Closing the database took too long: quitting without waiting',
      { graceMs: CLOSE_GRACE_MS },
    );
    expect(log.error).not.toHaveBeenCalled();
  });

  it('a close that ends in time ends the wait at once, and leaves no timer behind', async () => {
    fakeTimeouts();
    const log = logger();
    let closed = false;
    await closeCoreWithin({ close: async () => void (closed = true) }, log);
    expect(closed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('a close that fails is logged without its stack, and the app still quits', async () => {
    const log = logger();
    await closeCoreWithin({ close: () => Promise.reject(new Error('pool ended twice')) }, log);
    expect(log.error).toHaveBeenCalledWith('Closing the database failed', {
      message: 'pool ended twice',
    });
  });
});
