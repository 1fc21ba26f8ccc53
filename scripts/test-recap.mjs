/**
 * The failures of one Vitest run, said again in a few lines (scripts/test.mjs prints them after
 * every run). `npm test` makes two long runs; CI shows the tail of its log, where the first run's
 * failures had scrolled out of sight behind the second run's passes.
 */

/** At most this many lines for one run, each cut at LINE_CHARS characters. */
const MAX_LINES = 120;
const LINE_CHARS = 240;
/** Lines kept after each heading below: the error's first lines. */
const AFTER_FAIL = 3;
// ANSI colour and style codes (ESC [ … m), which Vitest writes on a terminal or with FORCE_COLOR.
const ANSI = /\u001b\[[0-9;]*m/g;
/** A failed test or file (" FAIL  file > suite > test"), or an error outside any test. */
const HEADING = /^\s*FAIL\s|(Uncaught Exception|Unhandled Rejection|Unhandled Error)\s*⎯/;
/** Lines worth keeping wherever they are: where an unhandled error came from, and the totals. */
const KEEP =
  /ERROR: Coverage for|does not meet|This error originated in|The latest test that might|^\s*(Test Files|Tests|Errors)\s\s/;

/**
 * Returns `label`'s failures as text to print: a heading with the exit `code`, each failed test's
 * name with its error's first lines, each unhandled error, a missed coverage threshold and the
 * totals, read from `output` (the run's stdout and stderr, with or without colours). When none of
 * those is found (a crash, say) it gives the output's last 40 lines instead.
 *
 * @param {string} label e.g. "run 1 of 2"
 * @param {number} code the run's exit code
 * @param {string} output what the run printed
 * @returns {string} lines ending in a newline
 */
export function failureRecap(label, code, output) {
  const lines = output.replace(ANSI, '').split(/\r?\n/);
  const kept = [];
  let after = 0;
  for (const line of lines) {
    if (HEADING.test(line)) {
      kept.push(line);
      after = AFTER_FAIL;
    } else if (after > 0 && line.trim() !== '') {
      kept.push(`    ${line.trim()}`);
      after -= 1;
    } else if (KEEP.test(line)) kept.push(line);
  }
  const shown = kept.length > 0 ? kept : lines.filter((l) => l.trim() !== '').slice(-40);
  const cut = shown
    .slice(0, MAX_LINES)
    .map((l) => (l.length > LINE_CHARS ? `${l.slice(0, LINE_CHARS)}…` : l));
  if (shown.length > MAX_LINES) cut.push(`… and ${shown.length - MAX_LINES} lines more, above`);
  return [``, `=== ${label} failed (exit ${code}): what failed, said again`, ...cut, ``].join('\n');
}
