/**
 * The V8 flags of the process that hosts the core: Electron's main process, and the bench, which
 * measures the core as that process runs it.
 *
 * `--no-allocation-site-pretenuring`. V8 watches each object literal's allocation site and, once
 * most of what a site made survived a minor GC, allocates everything from that site straight into
 * the old generation, where only a full GC frees it. Loading the core (TypeORM, the contract's
 * schemas) reliably tips zod's parse sites over that line, so from then on every `safeParse`
 * left its short-lived objects in the old generation. Measured on the 200,000-row customers
 * import (`npm run bench -- --import-only`; F1 budget: RSS growth ≤ 200 MB):
 * - with pretenuring: heap peak 333–348 MB, RSS growth +301 to +317 MB, check pass 10.5 s;
 * - without: heap peak 141–162 MB, RSS growth +104 to +118 MB, check pass 8.0–8.7 s.
 * The flag turns off a heuristic only: no object's lifetime changes, and the core's objects are
 * short-lived (one IPC call, one sale), which is what the young generation is built for.
 *
 * It is set at run time (`v8.setFlagsFromString`), first thing in the main process: a packaged
 * app cannot pass `--js-flags` to its own main process. Measured, setting it after the modules
 * have loaded works as well as the command-line flag.
 */
import { setFlagsFromString } from 'node:v8';

/** The flags, as V8's command line spells them. */
export const CORE_PROCESS_V8_FLAGS = '--no-allocation-site-pretenuring';

/** Applies CORE_PROCESS_V8_FLAGS to this process; call it before the core opens. */
export function applyCoreProcessV8Flags(): void {
  setFlagsFromString(CORE_PROCESS_V8_FLAGS);
}
