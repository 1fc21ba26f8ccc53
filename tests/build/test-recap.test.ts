/**
 * The recap `npm test` prints after a failed run (scripts/test-recap.mjs), read from a real
 * Vitest run's output: a throwaway project with a failing assertion, a timeout and an error
 * thrown after its test ended, beside a test that passes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error a plain ES module script, without types
import { failureRecap } from '../../scripts/test-recap.mjs';

const root = resolve(import.meta.dirname, '../..');

const FAILING = `import { describe, expect, it } from 'vitest';
describe('the till', () => {
  it('keeps the cart', () => expect(1).toBe(1));
  it('counts the float', () => expect({ cash: 1000 }).toEqual({ cash: 1200 }));
  it('waits for the drawer', () => new Promise((r) => setTimeout(r, 2000)), 200);
});
`;
const LATE = `import { it } from 'vitest';
it('prints the receipt', async () => {
  setTimeout(() => { throw new Error('printer gone after the test'); }, 10);
  await new Promise((r) => setTimeout(r, 100));
});
`;

/** Runs Vitest on the two files above; its exit code and stdout + stderr, coloured. */
function runThrowawayProject(): { code: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kassa-recap-'));
  try {
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'vitest.config.mjs'), 'export default { test: {} };');
    writeFileSync(join(dir, 'till.test.ts'), FAILING);
    writeFileSync(join(dir, 'printer.test.ts'), LATE);
    const run = spawnSync(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '1', CI: 'true' },
    });
    return { code: run.status ?? 1, output: run.stdout + run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("npm test's recap of a failed run", () => {
  it('names each failed test with its error, the error after a test, and the totals', () => {
    const { code, output } = runThrowawayProject();
    expect(code).toBe(1);
    const recap: string = failureRecap('run 1 of 2', code, output);

    expect(recap).toMatch(/^\n=== run 1 of 2 failed \(exit 1\)/);
    expect(recap).not.toMatch(/\u001b\[/);
    expect(recap).toMatch(/FAIL\s+till\.test\.ts > the till > counts the float\n.*AssertionError/);
    expect(recap).toMatch(/FAIL\s+till\.test\.ts > the till > waits for the drawer\n.*timed out/);
    expect(recap).toContain('printer gone after the test');
    expect(recap).toMatch(/originated in "printer\.test\.ts"/);
    expect(recap).toMatch(/Tests\s+2 failed \| 2 passed/);
    expect(recap).not.toContain('keeps the cart');
  }, 60_000);

  it('falls back to the last 40 lines when the output names no failure', () => {
    const output = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const recap: string = failureRecap('run 2 of 2', 137, output);
    expect(recap).toContain('=== run 2 of 2 failed (exit 137)');
    expect(recap).toContain('line 60\n');
    expect(recap).toContain('line 99\n');
    expect(recap).not.toContain('line 59\n');
  });

  it('keeps at most 120 lines, each cut at 240 characters', () => {
    const output = Array.from(
      { length: 200 },
      (_, i) => ` FAIL  t.test.ts > test ${i} ${'x'.repeat(300)}`,
    ).join('\n');
    const lines: string[] = failureRecap('run 1 of 2', 1, output).split('\n');
    expect(lines).toContain('… and 80 lines more, above');
    expect(lines.filter((l) => l.includes('FAIL'))).toHaveLength(120);
    expect(Math.max(...lines.map((l) => l.length))).toBe(241);
  });
});
