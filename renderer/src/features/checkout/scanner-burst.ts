/**
 * Tells a barcode scanner from a person in a field that must not take scans (the payment
 * dialog's Amount, issue 8 item 1). A scanner is a keyboard that types a whole code and Enter in
 * a few milliseconds per key; a person, even a fast one, leaves 60 ms or more between keys.
 *
 * The keys since the last pause ({@link SCAN_PAUSE_MS}) form a run. A run of at least
 * {@link SCAN_MIN_LENGTH} characters ended by Enter, taking on average at most
 * {@link SCAN_MAX_AVERAGE_MS} per key, is a scan. The average (not each gap) is what counts, so
 * one slow frame on a busy till (a key handled 80 ms late) does not hide a scan.
 *
 * Figures: USB and Bluetooth scanners in keyboard mode send 1-40 ms per key; a fast typist's key
 * intervals are 80-150 ms (50 ms a key, kept up for four keys and Enter, would be 240 words a
 * minute). A browser that handles a scanner's keys late stretches them; the margin is for that.
 */

/** A pause this long (ms) between keys starts a new run. */
export const SCAN_PAUSE_MS = 250;
/** The longest average time per key (ms, Enter included) for a run to be a scan. */
export const SCAN_MAX_AVERAGE_MS = 50;
/** Shortest code taken for a scan (shorter bursts are left alone: "20" Enter is a person). */
export const SCAN_MIN_LENGTH = 4;

export interface BurstTracker {
  /** A printable character was typed at `time` (ms, e.g. `event.timeStamp`). */
  key: (time: number) => void;
  /**
   * Enter was pressed at `time`: the number of characters the scanner typed just before, or 0
   * when a person typed them. The tracker starts afresh either way.
   */
  enter: (time: number) => number;
  /** Forgets the keys so far (the field was cleared). */
  reset: () => void;
}

/** A tracker for one field; see the module comment. */
export function createBurstTracker(): BurstTracker {
  let times: number[] = [];
  return {
    key: (time) => {
      const last = times[times.length - 1];
      if (last !== undefined && time - last > SCAN_PAUSE_MS) times = [];
      times.push(time);
    },
    enter: (time) => {
      const run = times;
      times = [];
      const first = run[0];
      const last = run[run.length - 1];
      if (first === undefined || last === undefined || run.length < SCAN_MIN_LENGTH) return 0;
      if (time - last > SCAN_PAUSE_MS) return 0;
      return (time - first) / run.length <= SCAN_MAX_AVERAGE_MS ? run.length : 0;
    },
    reset: () => {
      times = [];
    },
  };
}
