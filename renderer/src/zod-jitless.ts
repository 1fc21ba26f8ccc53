/**
 * Must be the first import of the entry point. Zod 4 probes `new Function` when it builds its
 * first object schema (to compile fast parsers); under the CSP (which allows no eval, E3) the probe
 * fails quietly but still raises a `securitypolicyviolation`. Jitless mode skips the probe.
 */
import { config } from 'zod/v4/core';

// From zod's core, not `zod` itself: the entry chunk then carries the config object only, and the
// schemas load with the screens that use them (issue 8, item 23).
config({ jitless: true });
