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
void import('./App').then(({ App }) =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
