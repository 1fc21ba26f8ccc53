#!/usr/bin/env node
/**
 * Prints line coverage per folder from `coverage/coverage-summary.json` (vitest's json-summary
 * reporter, written by `npm run coverage`): one row per folder with its files' lines covered and
 * total, then the three areas the thresholds in vitest.config.ts apply to (issue 9, section 9).
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import process from 'node:process';

const root = resolve(import.meta.dirname, '..');
const summary = JSON.parse(readFileSync(resolve(root, 'coverage/coverage-summary.json'), 'utf8'));
const AREAS = [
  ['electron/core', 85],
  ['shared', 85],
  ['renderer/src', 70],
];

/** folder → { covered, total } of lines. */
const folders = new Map();
const areas = new Map(AREAS.map(([a]) => [a, { covered: 0, total: 0 }]));
for (const [file, m] of Object.entries(summary)) {
  if (file === 'total') continue;
  const rel = relative(root, file).split('\\').join('/');
  const add = (map, key) => {
    const f = map.get(key) ?? { covered: 0, total: 0 };
    f.covered += m.lines.covered;
    f.total += m.lines.total;
    map.set(key, f);
  };
  add(folders, dirname(rel));
  for (const [a] of AREAS) if (rel.startsWith(`${a}/`)) add(areas, a);
}

const pct = ({ covered, total }) => (total === 0 ? 100 : (100 * covered) / total);
const row = (name, f, extra = '') =>
  `${name.padEnd(44)} ${pct(f).toFixed(1).padStart(6)} %  ${String(f.covered).padStart(6)} / ${String(f.total).padEnd(6)} ${extra}`;

console.log(`\n${'Folder'.padEnd(44)} ${'Lines'.padStart(8)}  ${'covered / total'}`);
for (const name of [...folders.keys()].sort()) console.log(row(name, folders.get(name)));
console.log(`\n${'Area (threshold)'.padEnd(44)}`);
for (const [a, min] of AREAS) {
  const f = areas.get(a);
  console.log(row(`${a}/** (≥ ${min} %)`, f, pct(f) >= min ? 'ok' : 'BELOW'));
}
console.log(row('all', { covered: summary.total.lines.covered, total: summary.total.lines.total }));
process.exitCode = 0;
