/**
 * E6 (checklist #13, #14): navigation and redirects off the app origin are cancelled, new windows
 * are always denied; a denied allowlisted https link goes to the E8 opener. E1 (#11/#12): no
 * `<webview>` can attach.
 */
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { applyNavigationGuards, denyWindowOpen, guardNavigation } =
  await import('../../electron/main/navigation');
const { originOf, isSameOrigin } = await import('../../electron/main/origin');

const APP = 'app://kassa';

class FakeContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

function navigationEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

const BLOCKED = [
  'https://evil.example/',
  'http://kassa/',
  'file:///etc/passwd',
  'app://evil/index.html',
  'app://kassa.evil/index.html',
  'app://kassa:8080/index.html',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'not a url',
  '',
];
const ALLOWED = [
  'app://kassa/index.html',
  'app://kassa/',
  'app://kassa/index.html#/staff',
  'APP://KASSA/index.html',
];

describe('E6 navigation guard', () => {
  it.each(BLOCKED)('blocks %j', (url) => {
    const event = navigationEvent(url);
    expect(guardNavigation(event, url, APP)).toBe(false);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it.each(ALLOWED)('allows the app itself: %s', (url) => {
    const event = navigationEvent(url);
    expect(guardNavigation(event, url, APP)).toBe(true);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])(
    '%s off-origin is prevented on a real listener',
    (name) => {
      const contents = new FakeContents();
      const onBlocked = vi.fn();
      applyNavigationGuards(contents as never, { appOrigin: APP, onBlocked });
      const bad = navigationEvent('https://evil.example/phish');
      const good = navigationEvent('app://kassa/index.html');
      contents.emit(name, bad);
      contents.emit(name, good);
      expect(bad.preventDefault).toHaveBeenCalledOnce();
      expect(good.preventDefault).not.toHaveBeenCalled();
      expect(onBlocked).toHaveBeenCalledWith(
        name === 'will-redirect' ? 'redirect' : 'navigate',
        'https://evil.example/phish',
      );
    },
  );

  it('setWindowOpenHandler always answers deny, and offers the URL to the E8 opener', () => {
    const contents = new FakeContents();
    const openExternal = vi.fn();
    applyNavigationGuards(contents as never, { appOrigin: APP, openExternal });
    for (const url of [
      'https://kassa.app/help',
      'app://kassa/index.html',
      'https://evil.example/',
      'file:///etc/passwd',
    ]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(4);
    expect(denyWindowOpen({ url: 'https://x/' })).toEqual({ action: 'deny' });
  });

  it('cancels every <webview> attach (E1)', () => {
    const contents = new FakeContents();
    applyNavigationGuards(contents as never, { appOrigin: APP });
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, { src: 'https://evil.example/' });
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('origins of the custom scheme', () => {
  it('builds app:// origins by hand (WHATWG says "null" for non-special schemes)', () => {
    expect(new URL('app://kassa/index.html').origin).toBe('null');
    expect(originOf('app://kassa/index.html')).toBe('app://kassa');
    expect(originOf('https://kassa.app:443/x')).toBe('https://kassa.app');
    expect(originOf('file:///x')).toBe('null');
    expect(originOf('::')).toBe('null');
    expect(isSameOrigin('about:blank', 'null')).toBe(false);
  });
});
