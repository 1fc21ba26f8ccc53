/**
 * Screens that load on demand (issue 8, item 23): each becomes its own JavaScript chunk, so the
 * sign-in screen does not wait for checkout, reports or staff code. Unlike a bare `React.lazy`,
 * a screen whose code has already arrived (after `preload()`) renders at once, without suspending:
 * the shell preloads every screen the member may open, so switching screens at the till never
 * shows a spinner, and tests can preload everything before they render. A screen also waits for
 * its texts: the catalogues that are not bundled with the first screens (i18n/index.ts).
 */
import { type ComponentType, lazy } from 'react';
import { cataloguesReady } from '../i18n';

/** A lazily loaded component with a `preload()` that fetches its code ahead of time. */
export type LazyScreen<P extends object> = ComponentType<P> & {
  /** Starts loading the code (once); resolves when the component can render without suspending. */
  preload: () => Promise<void>;
};

/**
 * Wraps `load` (a dynamic `import()` picking the component) as a lazy screen. Render it inside a
 * `<Suspense>`; it suspends only until its code has arrived the first time.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const fetchCode = () =>
    (loading ??= Promise.all([load(), cataloguesReady()]).then(
      ([component]) => (loaded = component),
      (error: unknown) => {
        // A failed download can be tried again (the error boundary's "Try again"): React.lazy
        // remembers a failure for good, so the next render gets a fresh one.
        loading = null;
        Suspending = suspending();
        throw error;
      },
    ));
  const suspending = () => lazy(() => fetchCode().then((component) => ({ default: component })));
  let Suspending = suspending();
  function Screen(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Suspending {...props} />;
  }
  return Object.assign(Screen, { preload: () => fetchCode().then(() => undefined) });
}
