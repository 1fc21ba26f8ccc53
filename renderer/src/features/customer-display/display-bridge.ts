/**
 * The customer display window's only way out (issue 10, section 4): `window.kassaDisplay`,
 * exposed by its own preload (electron/preload/display.ts) or, in the browser tests, by the
 * harness. One read (`cart`, the `display:cart` channel) and one subscription (`onChange`).
 */
import type { DisplayView } from '../../../../shared/contract/display';
import type { Result } from '../../../../shared/errors';

export interface DisplayBridge {
  cart(): Promise<Result<DisplayView>>;
  /** Calls `listener` whenever the till's cart changed; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

/** The bridge, or null in a window that has none (then the screen says so). */
export function displayBridge(): DisplayBridge | null {
  return (window as unknown as { kassaDisplay?: DisplayBridge }).kassaDisplay ?? null;
}
