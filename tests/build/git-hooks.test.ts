/**
 * The git hooks `npm install` sets up through simple-git-hooks (package.json): pre-commit runs
 * lint-staged (`eslint --fix`, `prettier --write` on the staged files), and commit-msg runs
 * scripts/commit-msg.mjs, which refuses a subject over 72 characters.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(ROOT, 'scripts/commit-msg.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'kassa-commit-msg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** Runs the hook on a message file holding `message`: its exit code and stderr. */
async function hook(message: string): Promise<{ code: number; stderr: string }> {
  const file = path.join(dir, `COMMIT_EDITMSG-${(files += 1)}`);
  writeFileSync(file, message);
  try {
    await promisify(execFile)(process.execPath, [SCRIPT, file]);
    return { code: 0, stderr: '' };
  } catch (error) {
    const { code, stderr } = error as { code: number; stderr: string };
    return { code, stderr };
  }
}

const subject = (length: number, char = 'x') => `docs: ${char.repeat(length - 6)}`;

describe('commit-msg hook (scripts/commit-msg.mjs)', () => {
  it('accepts a subject of 72 characters, with a body of any length', async () => {
    expect(await hook(`${subject(72)}\n\n${'why '.repeat(100)}\n`)).toEqual({
      code: 0,
      stderr: '',
    });
  });

  it('refuses a subject of 73 characters and says how long it is', async () => {
    const result = await hook(`${subject(73)}\n\nbody\n`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the subject is 73 characters; at most 72');
  });

  it('counts characters, not bytes', async () => {
    expect((await hook(`${subject(72, '€')}\n`)).code).toBe(0);
    expect((await hook(`${subject(73, '€')}\n`)).code).toBe(1);
  });

  it('skips the comment lines and blank lines git leaves before the subject', async () => {
    const comments = `# ${'Please enter the commit message for your changes. '.repeat(3)}\n`;
    expect((await hook(`${comments}\n${subject(72)}\n`)).code).toBe(0);
    expect((await hook(`${comments}\n${subject(73)}\n`)).code).toBe(1);
  });

  it('refuses an empty message', async () => {
    expect(await hook('# only a comment\n\n')).toMatchObject({ code: 1 });
  });

  it('lets through the subjects git writes itself (merges, reverts, --fixup)', async () => {
    const long = 'x'.repeat(80);
    for (const message of [
      `Merge branch '${long}' into main`,
      `Revert "${long}"`,
      `fixup! ${subject(72)}`,
    ]) {
      expect((await hook(`${message}\n`)).code, message).toBe(0);
    }
  });
});

describe('package.json wires the hooks', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
    allowScripts: Record<string, boolean>;
    'simple-git-hooks': Record<string, string>;
    'lint-staged': Record<string, string | string[]>;
  };

  it('installs them on npm install (prepare), not through a dependency install script', () => {
    expect(pkg.scripts.prepare).toBe('simple-git-hooks');
    // simple-git-hooks' own postinstall would do the same job; npm's allowScripts denies it.
    expect(pkg.allowScripts['simple-git-hooks']).toBe(false);
  });

  it('runs lint-staged before a commit and this script on its message', () => {
    expect(pkg['simple-git-hooks']).toEqual({
      'pre-commit': 'npx lint-staged',
      'commit-msg': 'node scripts/commit-msg.mjs "$1"',
    });
  });

  it('lint-stages code with eslint --fix then prettier, other text with prettier', () => {
    const tasks = Object.entries(pkg['lint-staged']).map(([glob, task]) => [glob, [task].flat()]);
    expect(tasks).toEqual([
      [
        '*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}',
        ['eslint --fix --max-warnings 0 --no-warn-ignored', 'prettier --write'],
      ],
      ['*.{json,md,css,html,yml,yaml}', ['prettier --write']],
    ]);
  });
});
