/**
 * Which backups to keep (D4): the 3 newest, and the newest backup of each of the last 7 days that have one, of each
 * of the last 4 ISO weeks, and of each of the last 12 months ("grandfather-father-son"). Days,
 * weeks and months are UTC. Backups made for safety (before a migration or a restore) are kept
 * apart: the newest `safety` of them, so a restore's own backup never pushes out a daily one.
 * Pure: the caller deletes what is not returned.
 */
export interface RotationPolicy {
  /** The newest regular backups, kept whatever their day (a manual backup never drops at once). */
  recent: number;
  daily: number;
  weekly: number;
  monthly: number;
  /** Backups made before a migration or a restore. */
  safety: number;
}

export const DEFAULT_ROTATION: RotationPolicy = {
  recent: 3,
  daily: 7,
  weekly: 4,
  monthly: 12,
  safety: 5,
};

export interface RotatedBackup {
  name: string;
  /** When it was made (UTC). */
  at: Date;
  /** True for backups made before a migration or a restore. */
  safety: boolean;
}

/** The ISO week (e.g. `2026-W48`) of a UTC instant (ISO 8601: weeks start Monday; week 1 holds 4 Jan). */
export function isoWeek(at: Date): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

function newestPerBucket(
  sorted: readonly RotatedBackup[],
  bucket: (at: Date) => string,
  limit: number,
): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const b of sorted) {
    const key = bucket(b.at);
    if (seen.has(key)) continue;
    if (seen.size >= limit) break;
    seen.add(key);
    kept.push(b.name);
  }
  return kept;
}

/** The names to keep; every other name in `backups` may be deleted. */
export function backupsToKeep(
  backups: readonly RotatedBackup[],
  policy: RotationPolicy = DEFAULT_ROTATION,
): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.at.getTime() - a.at.getTime());
  const regular = newestFirst.filter((b) => !b.safety);
  return new Set([
    ...regular.slice(0, policy.recent).map((b) => b.name),
    ...newestPerBucket(regular, (at) => at.toISOString().slice(0, 10), policy.daily),
    ...newestPerBucket(regular, isoWeek, policy.weekly),
    ...newestPerBucket(regular, (at) => at.toISOString().slice(0, 7), policy.monthly),
    ...newestFirst
      .filter((b) => b.safety)
      .slice(0, policy.safety)
      .map((b) => b.name),
  ]);
}
