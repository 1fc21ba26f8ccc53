/**
 * Benchmark statistics: percentiles of latency samples and an event-loop stall monitor.
 * All times are milliseconds.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface Summary {
  n: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile (`p` in 0..100) of ascending `sorted`. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    medianMs: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    maxMs: sorted[sorted.length - 1] ?? NaN,
  };
}

export interface LoopStalls {
  /** Longest delay seen by `monitorEventLoopDelay({ resolution: 1 })`. */
  histogramMaxMs: number;
  /** Longest gap beyond 1 ms between two ticks of a 1 ms setInterval probe. */
  probeMaxMs: number;
  /** The larger of the two: the longest time the event loop could not run anything else. */
  maxMs: number;
}

/**
 * Watches the event loop while a scenario runs. Two probes, because they see different things:
 * the histogram samples loop delay at 1 ms resolution; the interval probe measures the real gap
 * between its own ticks (a synchronous SQLite call blocks both).
 */
export function watchEventLoop(): { stop(): LoopStalls } {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  let last = performance.now();
  let probeMax = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    probeMax = Math.max(probeMax, now - last - 1);
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      histogram.disable();
      const histogramMaxMs = histogram.max / 1e6;
      const probeMaxMs = Math.max(0, probeMax);
      return { histogramMaxMs, probeMaxMs, maxMs: Math.max(histogramMaxMs, probeMaxMs) };
    },
  };
}

/** Lets timers and I/O run: one loop turn between two measured operations, as between two IPC calls. */
export function yieldToLoop(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}

/** Times `fn` once; returns milliseconds. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

/** mulberry32: a small seeded PRNG so every run uses the same baskets and queries. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
