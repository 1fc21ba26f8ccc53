/**
 * Must be the first import of the entry point. Zod 4 probes `new Function` when it builds its
 * first object schema (to compile fast parsers); under the CSP (which allows no eval, E3) the probe
 * fails quietly but still raises a `securitypolicyviolation`. Jitless mode skips the probe.
 */
import { z } from 'zod';

z.config({ jitless: true });
