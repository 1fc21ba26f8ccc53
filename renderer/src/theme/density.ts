/**
 * The till's display density (issue 8, item 5): "standard", or "touch" for a touch screen or a
 * cashier standing back from the screen, which scales every text and target up by a quarter.
 * It belongs to the till, not the member, so it is kept in this window's localStorage and applied
 * as `data-density` on <html> before the first screen draws; app.css does the scaling (the root
 * font size, which Mantine's rem sizes follow).
 */
import { useSyncExternalStore } from 'react';

export type Density = 'standard' | 'touch';

/** The localStorage key the density is kept under. */
export const DENSITY_KEY = 'kassa.density';

const listeners = new Set<() => void>();

/** The stored density; "standard" when none was chosen or storage is unavailable. */
export function readDensity(): Density {
  try {
    return localStorage.getItem(DENSITY_KEY) === 'touch' ? 'touch' : 'standard';
  } catch {
    return 'standard';
  }
}

/** Applies the stored density to the document (call once at start-up). */
export function applyStoredDensity(): void {
  document.documentElement.dataset.density = readDensity();
}

/** Stores `density` for this till and applies it at once. */
export function setDensity(density: Density): void {
  try {
    localStorage.setItem(DENSITY_KEY, density);
  } catch {
    // Storage refused (private mode, quota): the choice still applies to this window.
  }
  document.documentElement.dataset.density = density;
  for (const listener of listeners) listener();
}

/** The current density, re-rendering when it changes. */
export function useDensity(): Density {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => (document.documentElement.dataset.density === 'touch' ? 'touch' : 'standard'),
  );
}
