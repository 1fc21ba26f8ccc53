/** Renderer entry point. */
import './zod-jitless'; // First: before any schema is built.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { applyStoredDensity } from './theme/density';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

applyStoredDensity(); // The till's text size, before the first screen draws.

// The app is imported only now: split into chunks, a statically imported chunk would run (and
// build the contract's zod schemas) before this module's own code, i.e. before jitless mode is set,
// and zod's eval probe would break the CSP (E3).
if (location.hash.startsWith('#print='))
  // The print route (issue 10, section 3): a sale's PDF, drawn without the app around it.
  void import('./features/receipt-pdf/PrintRoute').then(({ PrintRoute }) =>
    createRoot(container).render(<PrintRoute hash={location.hash} />),
  );
else if (location.hash === '#display')
  // The customer display (issue 10, section 4): a read-only second window.
  void import('./features/customer-display/CustomerDisplay').then(({ CustomerDisplay }) =>
    createRoot(container).render(<CustomerDisplay />),
  );
else
  void import('./App').then(({ App }) =>
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
