/**
 * E8 (checklist #15): shell.openExternal only for https: URLs whose host is exactly on the
 * allowlist, judged with `new URL`. Refused: other schemes, look-alike hosts, userinfo tricks.
 */
import { describe, expect, it, vi } from 'vitest';

const opened: string[] = [];
vi.mock('electron', () => ({
  shell: { openExternal: async (url: string) => void opened.push(url) },
}));
const { EXTERNAL_HOST_ALLOWLIST, isAllowedExternalUrl, openExternalSafely } =
  await import('../../electron/main/external-links');

const TABLE: [string, boolean][] = [
  ['https://kassa.app/', true],
  ['https://kassa.app/docs/setup?x=1#top', true],
  ['https://docs.kassa.app/staff', true],
  ['https://KASSA.APP/', true],
  ['https://www.kassa.app', true],
  // schemes
  ['http://kassa.app/', false],
  ['file:///etc/passwd', false],
  ['file://kassa.app/etc/passwd', false],
  ['javascript:alert(1)', false],
  ['javascript://kassa.app/%0aalert(1)', false],
  ['smb://kassa.app/share', false],
  ['\\\\evil.example\\share', false],
  ['ms-msdt:/id PCWDiagnostic', false],
  ['data:text/html,<script>alert(1)</script>', false],
  ['vbscript:msgbox(1)', false],
  ['ftp://kassa.app/', false],
  ['mailto:help@kassa.app', false],
  ['app://kassa/index.html', false],
  // look-alike hosts
  ['https://kassa.app.evil.com/', false],
  ['https://evilkassa.app/', false],
  ['https://kassa.app.', false],
  ['https://kassa-app.com/', false],
  ['https://xn--kssa-9na.app/', false],
  ['https://kаssa.app/', false],
  ['https://sub.kassa.app/', false],
  // userinfo and ports
  ['https://kassa.app@evil.com/', false],
  ['https://kassa.app:pw@evil.com/', false],
  ['https://user:pw@kassa.app/', false],
  ['https://user@kassa.app/', false],
  ['https://kassa.app:8443/', false],
  ['https://evil.com\\@kassa.app/', false],
  ['https://evil.com#@kassa.app/', false],
  // not URLs
  ['kassa.app', false],
  ['//kassa.app/', false],
  ['', false],
  ['https://', false],
];

describe('E8 external link allowlist', () => {
  it.each(TABLE)('%j → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed);
  });

  it.each([
    null,
    undefined,
    42,
    {},
    ['https://kassa.app/'],
    { toString: () => 'https://kassa.app/' },
  ])('non-string %j is refused', (value) => {
    expect(isAllowedExternalUrl(value)).toBe(false);
  });

  it('refuses very long URLs', () => {
    expect(isAllowedExternalUrl(`https://kassa.app/${'a'.repeat(3000)}`)).toBe(false);
  });

  it('the allowlist holds bare lower-case host names only', () => {
    for (const host of EXTERNAL_HOST_ALLOWLIST) expect(host).toMatch(/^[a-z0-9.-]+$/);
  });

  it('openExternalSafely calls shell.openExternal only for allowed URLs, with the normalised href', async () => {
    opened.length = 0;
    for (const [url] of TABLE) await openExternalSafely(url);
    expect(opened).toEqual(
      TABLE.filter(([, allowed]) => allowed).map(([url]) => new URL(url).href),
    );
    expect(opened).toContain('https://kassa.app/');
  });

  it('resolves false (never rejects) when the OS fails to open', async () => {
    const failing = vi.fn(async () => {
      throw new Error('no handler');
    });
    await expect(openExternalSafely('https://kassa.app/', undefined, failing)).resolves.toBe(false);
    await expect(openExternalSafely('file:///etc/passwd', undefined, failing)).resolves.toBe(false);
    expect(failing).toHaveBeenCalledOnce();
  });
});
