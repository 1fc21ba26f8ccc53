/**
 * Origins of URLs, including the custom `app:` scheme. Used by the navigation guard (E6) and the
 * IPC sender description (E5).
 *
 * WHATWG `new URL('app://kassa/x').origin` is the opaque `"null"` for non-special schemes, even
 * though Chromium treats our privileged standard `app` scheme like http. So the origin is built
 * from scheme and host here.
 */

/**
 * `scheme://host[:port]` for any hierarchical URL (`app://kassa/index.html` → `app://kassa`),
 * the WHATWG origin for http(s), or `"null"` when the URL cannot be parsed or has no host
 * (`about:blank`, `data:`, `file:`). Never throws.
 */
export function originOf(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'null';
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  if (parsed.protocol === 'file:' || parsed.host === '') return 'null';
  // Chromium lower-cases the host of a standard scheme; WHATWG keeps it as written for non-special ones.
  return `${parsed.protocol}//${parsed.host.toLowerCase()}`;
}

/** True when `url` is served from exactly `appOrigin` (scheme, host and port all equal). */
export function isSameOrigin(url: string, appOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== 'null' && origin === originOf(appOrigin);
}
