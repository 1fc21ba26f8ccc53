/**
 * Permission handlers for a session.
 *
 * E7 (Electron security checklist #5 "handle session permission requests from remote content"):
 * Kassa needs no web permission (camera, microphone, geolocation, notifications, HID, serial,
 * USB, clipboard read, ...), so the request handler, the check handler and the device handler
 * all deny everything. Receipt printers and scanners are reached from the main process.
 */
import type { Session } from 'electron';

/** The request handler: answers every permission request with `false`. */
export function denyPermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false);
}

/** The check handler: every synchronous permission check answers `false`. */
export function denyPermissionCheck(): boolean {
  return false;
}

/**
 * Installs the deny-all handlers on `session`. Idempotent: calling it again (for each new
 * webContents sharing the session) installs the same handlers.
 */
export function applyPermissionPolicy(session: Session): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(() => false);
}
