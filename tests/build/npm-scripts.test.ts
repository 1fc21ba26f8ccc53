/**
 * The npm scripts point at things that exist: a `--project` names a Vitest project of
 * vitest.config.ts (`test:unit` once ran a project `unit` that did not exist), and a `--tsconfig`
 * or `--config` names a file in the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import vitestConfig from '../../vitest.config';
import { findPostgres } from '../../scripts/bench/pg-server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const scripts = (
  JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;

/** Every value of `--flag <value>` or `--flag=<value>` across the scripts, with its script. */
function flagValues(flag: string): [script: string, value: string][] {
  const pattern = new RegExp(`${flag}(?:=|\\s+)(\\S+)`, 'g');
  return Object.entries(scripts).flatMap(([name, command]) =>
    [...command.matchAll(pattern)].map((m): [string, string] => [name, m[1]!]),
  );
}

describe('npm scripts', () => {
  it('name only Vitest projects that vitest.config.ts defines', () => {
    const { test } = vitestConfig as { test?: { projects?: { test?: { name?: string } }[] } };
    const projects = (test?.projects ?? []).map((p) => p.test?.name);
    // node-pg, the core suite on PostgreSQL, only where PostgreSQL is installed.
    const server = findPostgres() ? ['node-pg'] : [];
    expect(projects).toEqual([
      'node',
      ...server,
      'shell',
      'node-timed',
      'renderer',
      'e2e',
      'e2e-timed',
    ]);
    for (const [script, project] of flagValues('--project')) {
      expect(projects, `npm run ${script}`).toContain(project);
    }
  });

  it('name only config files that exist', () => {
    const files = [...flagValues('--tsconfig'), ...flagValues('--config')];
    expect(files.length).toBeGreaterThan(0);
    for (const [script, file] of files) {
      expect(existsSync(path.join(ROOT, file)), `npm run ${script}: ${file}`).toBe(true);
    }
  });
});
