import { useEffect, useState } from 'react';
import type { DisplayView } from '../../../../shared/contract/display';
import { setLocale } from '../../i18n';
import { displayBridge } from './display-bridge';

/**
 * The display's view, read at start and again on every "cart changed" signal. Reads never
 * overlap out of order: a reply older than one already shown is dropped. `null` while the first
 * read is on its way; `'unavailable'` when the window has no bridge or the read is refused.
 */
export function useDisplayView(): DisplayView | null | 'unavailable' {
  const [view, setView] = useState<DisplayView | null | 'unavailable'>(null);
  useEffect(() => {
    const bridge = displayBridge();
    if (!bridge) {
      setView('unavailable');
      return;
    }
    let asked = 0;
    let shown = 0;
    let locale = '';
    const read = () => {
      const n = ++asked;
      void bridge.cart().then(async (r) => {
        if (n < shown) return;
        shown = n;
        if (!r.ok) return setView('unavailable');
        if (r.data.locale !== locale) {
          locale = r.data.locale;
          await setLocale(locale);
        }
        setView(r.data);
      });
    };
    read();
    return bridge.onChange(read);
  }, []);
  return view;
}
