/**
 * Opening links in the user's browser.
 *
 * E8 (Electron security checklist #15 "do not use shell.openExternal with untrusted content"):
 * `shell.openExternal` is called only for `https:` URLs whose host is exactly on an allowlist,
 * judged on the `new URL` parse, never on string prefixes. Refused: `file:`, `javascript:`,
 * `smb:`, `http:` and every other scheme; look-alike hosts (`kassa.app.evil.com`,
 * `evilkassa.app`); userinfo tricks (`https://kassa.app@evil.com`, `https://user:pw@kassa.app`);
 * explicit ports; unparsable strings.
 */
import { shell } from 'electron';

/** Hosts Kassa may open in the browser: the project's own web site and documentation. */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [
  'kassa.app',
  'www.kassa.app',
  'docs.kassa.app',
];

/**
 * True when `rawUrl` may be handed to the OS: parses, scheme `https:`, no username or password,
 * no explicit port, and the host (lower-cased by the parser, IDN in punycode) is exactly one of
 * `allowlist`. Never throws.
 */
export function isAllowedExternalUrl(
  rawUrl: unknown,
  allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST,
): boolean {
  if (typeof rawUrl !== 'string' || rawUrl.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  if (url.username !== '' || url.password !== '') return false;
  if (url.port !== '') return false;
  return allowlist.some((host) => host.toLowerCase() === url.hostname);
}

/**
 * Opens `rawUrl` with `shell.openExternal` when `isAllowedExternalUrl` accepts it. Resolves to
 * true when it was opened, false when refused or when the OS failed to open it; never rejects.
 * The URL handed to the OS is the parser's normalised `href`, not the raw string.
 */
export async function openExternalSafely(
  rawUrl: unknown,
  allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST,
  openExternal: (url: string) => Promise<void> = (url) => shell.openExternal(url),
): Promise<boolean> {
  if (!isAllowedExternalUrl(rawUrl, allowlist)) return false;
  try {
    await openExternal(new URL(rawUrl as string).href);
    return true;
  } catch {
    return false;
  }
}
