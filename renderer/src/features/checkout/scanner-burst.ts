/**
 * Tells a barcode scanner from a person in a field that must not take scans (the payment
 * dialog's Amount, issue 8 item 1). A scanner is a keyboard that types a whole code and Enter in
 * a few milliseconds per key; a person, even a fast one, leaves 60 ms or more between keys.
 * So a run of at least {@link SCAN_MIN_LENGTH} characters, each within {@link SCAN_MAX_GAP_MS}
 * of the one before, ended by an Enter within the same gap, is a scan.
 *
 * Figures: USB and Bluetooth scanners in keyboard mode send 1-40 ms per key; a fast typist's key
 * intervals are 80-150 ms, with roll-over pairs down to ~30 ms but never four keys in a row.
 */

/** Longest pause between two keys of one scan, in milliseconds. */
export const SCAN_MAX_GAP_MS = 50;
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
      if (last !== undefined && time - last > SCAN_MAX_GAP_MS) times = [];
      times.push(time);
    },
    enter: (time) => {
      const last = times[times.length - 1];
      const n = times.length;
      times = [];
      return n >= SCAN_MIN_LENGTH && last !== undefined && time - last <= SCAN_MAX_GAP_MS ? n : 0;
    },
    reset: () => {
      times = [];
    },
  };
}
