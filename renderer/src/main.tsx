/** Renderer entry point. */
import './zod-jitless'; // First: before any schema is built.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyStoredDensity } from './theme/density';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

applyStoredDensity(); // The till's text size, before the first screen draws.
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
