#!/usr/bin/env node
/**
 * The commit-msg hook (installed by `npm install` through simple-git-hooks, see package.json):
 * refuses a commit whose subject, the first line of the message, is longer than 72 characters,
 * so `git log --oneline` and the hosting site's lists show it whole. The house style is
 * `area: change`, with a body saying why.
 *
 *   node scripts/commit-msg.mjs <message-file>
 *
 * Comment lines (`#`, as git writes them in the editor) and leading blank lines are skipped;
 * characters are counted as code points. Subjects git writes itself ("Merge …", "Revert "…"",
 * and the `fixup!`/`squash!`/`amend!` prefixes of `git commit --fixup`) are let through. Exit 0 ok; 1 refused (reason on stderr); 2 usage error.
 * `git commit --no-verify` skips the check.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const MAX_SUBJECT = 72;

/** The subject of a commit message as git will record it; '' when there is none. */
export function subjectOf(message) {
  const lines = message.split(/\r?\n/).filter((line) => !line.startsWith('#'));
  return (lines.find((line) => line.trim() !== '') ?? '').trimEnd();
}

/** Why `message` is refused, or null when it is fine. */
export function subjectProblem(message) {
  const subject = subjectOf(message);
  if (subject === '') return 'the commit message is empty';
  if (/^(Merge |Revert "|fixup! |squash! |amend! )/.test(subject)) return null;
  const length = [...subject].length;
  if (length > MAX_SUBJECT) {
    return `the subject is ${length} characters; at most ${MAX_SUBJECT}:\n  ${subject}\nMove the detail into the body, after a blank line.`;
  }
  return null;
}

const invoked = process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href;
if (import.meta.url === invoked) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/commit-msg.mjs <message-file>');
    process.exit(2);
  }
  const problem = subjectProblem(readFileSync(file, 'utf8'));
  if (problem) {
    console.error(`commit-msg: ${problem}`);
    process.exit(1);
  }
}
