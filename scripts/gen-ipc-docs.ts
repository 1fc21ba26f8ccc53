/**
 * Writes docs/ipc.md from the IPC contract: `npm run docs:ipc` (tsx scripts/gen-ipc-docs.ts).
 * With `--check`, writes nothing and exits 1 when docs/ipc.md is out of date.
 * The rendering lives in scripts/ipc-docs.ts; tests/shared/ipc-docs.test.ts runs the same check.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderIpcDocs } from './ipc-docs';

const target = fileURLToPath(new URL('../docs/ipc.md', import.meta.url));
const expected = renderIpcDocs();
let current: string | null = null;
try {
  current = readFileSync(target, 'utf8');
} catch {
  // not generated yet
}

if (process.argv.includes('--check')) {
  if (current?.replace(/\r\n/g, '\n') !== expected) {
    console.error('docs/ipc.md is out of date: run `npm run docs:ipc`.');
    process.exit(1);
  }
  console.log('docs/ipc.md is up to date.');
} else if (current === expected) {
  console.log('docs/ipc.md is already up to date.');
} else {
  mkdirSync(fileURLToPath(new URL('../docs/', import.meta.url)), { recursive: true });
  writeFileSync(target, expected);
  console.log('wrote docs/ipc.md');
}
