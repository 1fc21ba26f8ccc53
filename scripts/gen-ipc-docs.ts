/**
 * Writes the files generated from the IPC contract: `npm run docs:ipc`.
 * - docs/ipc.md, the channel reference (rendered by scripts/ipc-docs.ts);
 * - shared/contract/channel-names.ts, the zod-free channel list the preload imports (rendered by
 *   scripts/channel-names.ts).
 *
 * With `--check`, writes nothing and exits 1 when a file is out of date.
 * tests/shared/ipc-docs.test.ts and tests/shell/channel-names.test.ts run the same checks.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderChannelNames } from './channel-names';
import { renderIpcDocs } from './ipc-docs';

const GENERATED: { file: string; render: () => string }[] = [
  { file: 'docs/ipc.md', render: renderIpcDocs },
  { file: 'shared/contract/channel-names.ts', render: renderChannelNames },
];

const checkOnly = process.argv.includes('--check');
let stale = 0;
for (const { file, render } of GENERATED) {
  const target = fileURLToPath(new URL(`../${file}`, import.meta.url));
  const expected = render();
  let current: string | null = null;
  try {
    current = readFileSync(target, 'utf8').replace(/\r\n/g, '\n');
  } catch {
    // not generated yet
  }
  if (current === expected) {
    console.log(`${file} is up to date.`);
  } else if (checkOnly) {
    console.error(`${file} is out of date: run \`npm run docs:ipc\`.`);
    stale += 1;
  } else {
    writeFileSync(target, expected);
    console.log(`wrote ${file}`);
  }
}
if (stale > 0) process.exit(1);
