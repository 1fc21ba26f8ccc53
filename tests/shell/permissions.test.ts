/** E7 (checklist #5): the permission request, check and device handlers deny everything. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));
const { applyPermissionPolicy, denyPermissionCheck, denyPermissionRequest } =
  await import('../../electron/main/permissions');

const PERMISSIONS = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
  'hid',
  'serial',
  'usb',
];

function fakeSession() {
  const handlers: {
    request?: (
      wc: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: unknown,
    ) => void;
    check?: (wc: unknown, permission: string, origin: string, details: unknown) => boolean;
    device?: (details: unknown) => boolean;
  } = {};
  return {
    handlers,
    setPermissionRequestHandler: vi.fn((h: typeof handlers.request) => (handlers.request = h)),
    setPermissionCheckHandler: vi.fn((h: typeof handlers.check) => (handlers.check = h)),
    setDevicePermissionHandler: vi.fn((h: typeof handlers.device) => (handlers.device = h)),
  };
}

describe('E7 permissions', () => {
  it('installs a request, a check and a device handler', () => {
    const session = fakeSession();
    applyPermissionPolicy(session as never);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(session.setDevicePermissionHandler).toHaveBeenCalledOnce();
  });

  it.each(PERMISSIONS)('request for %s is denied, even from the app origin', (permission) => {
    const session = fakeSession();
    applyPermissionPolicy(session as never);
    const callback = vi.fn();
    session.handlers.request?.({}, permission, callback, {
      requestingUrl: 'app://kassa/index.html',
      isMainFrame: true,
    });
    expect(callback).toHaveBeenCalledExactlyOnceWith(false);
  });

  it.each(PERMISSIONS)('check for %s answers false', (permission) => {
    const session = fakeSession();
    applyPermissionPolicy(session as never);
    expect(session.handlers.check?.({}, permission, 'app://kassa', { isMainFrame: true })).toBe(
      false,
    );
  });

  it('device access answers false; the exported handlers deny too', () => {
    const session = fakeSession();
    applyPermissionPolicy(session as never);
    expect(session.handlers.device?.({ deviceType: 'usb', origin: 'app://kassa' })).toBe(false);
    const callback = vi.fn();
    denyPermissionRequest(null, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(denyPermissionCheck()).toBe(false);
  });
});
