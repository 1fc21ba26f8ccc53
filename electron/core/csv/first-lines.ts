/**
 * The first line of an import file each key was seen on (an email, phone, SKU, barcode or
 * username), so a later row repeating it is rejected naming that line.
 *
 * The keys are spread over SHARDS maps instead of one. A JavaScript Map doubles its table when it
 * fills, copying every entry in one synchronous step: at 131,072 string keys that step took
 * 27–31 ms here (Node 20), and the customers import grows two such maps on the same row, so the
 * 200,000-row file stalled the event loop for 55 ms in one row (F1: no stall over 50 ms).
 * With 64 shards no single map passes about 4,096 entries at the 200,000-row cap (MAX_IMPORT_ROWS),
 * and each copy is well under a millisecond.
 */

/** How many maps the keys are spread over (a power of two). */
const SHARDS = 64;

/** A shard for `key`: a 31-multiplier string hash (as Java's String.hashCode), masked. */
function shardOf(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  return h & (SHARDS - 1);
}

export class FirstLines {
  private readonly shards = Array.from({ length: SHARDS }, () => new Map<string, number>());

  /** The 1-based line `key` was first noted on, or undefined when it has not been. */
  get(key: string): number | undefined {
    return this.shards[shardOf(key)]!.get(key);
  }

  /** Notes `key` on `line`, unless it was noted before (the first line is kept). */
  note(key: string, line: number): void {
    const shard = this.shards[shardOf(key)]!;
    if (!shard.has(key)) shard.set(key, line);
  }
}
