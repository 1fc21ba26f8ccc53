/**
 * docs/ipc.md is generated from the IPC contract (scripts/ipc-docs.ts). This test keeps the two in
 * step: add or change a channel, then run `npm run docs:ipc` and commit the result (it also
 * regenerates shared/contract/channel-names.ts; tests/shell/channel-names.test.ts checks that one).
 */
import { readFileSync } from 'node:fs';
import { CHANNEL_NAMES } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/errors';
import { renderIpcDocs } from '../../scripts/ipc-docs';

const DOC_PATH = new URL('../../docs/ipc.md', import.meta.url);
const generated = renderIpcDocs();

describe('docs/ipc.md', () => {
  it('equals the text generated from shared/contract', () => {
    // Normalise line endings so a Windows checkout with autocrlf still compares equal.
    const onDisk = readFileSync(DOC_PATH, 'utf8').replace(/\r\n/g, '\n');
    expect(onDisk, 'docs/ipc.md is out of date: run `npm run docs:ipc` and commit it').toBe(
      generated,
    );
  });

  it('is deterministic', () => {
    expect(renderIpcDocs()).toBe(generated);
  });

  it('has a row and a section for every channel', () => {
    for (const name of CHANNEL_NAMES) {
      expect(generated).toContain(
        `| [\`${name}\`](#${name.toLowerCase().replace(/[^a-z0-9]/g, '')}) |`,
      );
      expect(generated).toContain(`\n### \`${name}\`\n`);
    }
  });

  it('lists every error code with its description', () => {
    for (const code of ERROR_CODES)
      expect(generated).toMatch(new RegExp(`^\\| \`${code}\` \\| \\S.+ \\|$`, 'm'));
  });

  it('documents every type it links to', () => {
    const links = new Set([...generated.matchAll(/\]\(#([a-z0-9-]+)\)/g)].map((m) => m[1]));
    const headings = new Set(
      [...generated.matchAll(/^#{2,3} (.+)$/gm)].map((m) =>
        (m[1] ?? '')
          .toLowerCase()
          .replace(/[^a-z0-9 _-]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    for (const link of links) expect(headings, `broken link #${link}`).toContain(link);
  });
});
