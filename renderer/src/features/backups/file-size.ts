import { count } from '../../format/locale';

/** A file size for people: "812 KB", "1.4 MB" (decimal units, IEC 80000-13), in the current locale. */
export function fileSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const shown = unit === 0 || value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${count(shown)} ${units[unit]}`;
}
