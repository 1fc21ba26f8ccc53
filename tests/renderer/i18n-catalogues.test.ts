/**
 * The English and German catalogues hold the same keys, with the same {{placeholders}}, and no
 * empty string (issue 8, item 25). A key added to one language only fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '../../shared/contract/audit';
import { ERROR_CODES } from '../../shared/errors';
import { LANGUAGES } from '../../renderer/src/i18n';

type Tree = { [key: string]: string | Tree };

const LOCALES = path.resolve(__dirname, '../../renderer/src/i18n/locales');

/** `{ en: { checkout: {...}, ... }, de: {...} }`, read straight from the JSON files. */
function catalogues(): Record<string, Record<string, Tree>> {
  const out: Record<string, Record<string, Tree>> = {};
  for (const language of readdirSync(LOCALES)) {
    for (const file of readdirSync(path.join(LOCALES, language))) {
      const tree = JSON.parse(readFileSync(path.join(LOCALES, language, file), 'utf8')) as Tree;
      (out[language] ??= {})[file.replace(/\.json$/, '')] = tree;
    }
  }
  return out;
}

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();

/** i18next plural forms differ by language (en: one/other, de: one/other); compare the stem. */
const stem = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('i18n catalogues', () => {
  const all = catalogues();

  it('ships every language with the same namespaces', () => {
    for (const language of LANGUAGES)
      expect(Object.keys(all[language] ?? {}).sort()).toEqual(Object.keys(all.en!).sort());
  });

  it('has a message for every error code', () => {
    const codes = leaves(all.en!.errors as Tree);
    for (const code of ERROR_CODES) expect(codes.get(`codes.${code}`), code).toBeTruthy();
  });

  it('names every audit action and kind of target (the core records no other: AuditInput)', () => {
    const audit = leaves(all.en!.audit as Tree);
    for (const action of AUDIT_ACTIONS) expect(audit.get(`actions.${action}`), action).toBeTruthy();
    for (const kind of AUDIT_TARGET_TYPES)
      expect(audit.get(`targetType.${kind}`), kind).toBeTruthy();
  });

  for (const namespace of Object.keys(all.en ?? {})) {
    it(`${namespace}: German has exactly the English keys and placeholders`, () => {
      const en = leaves(all.en![namespace] as Tree);
      const de = leaves((all.de?.[namespace] ?? {}) as Tree);
      expect([...new Set([...de.keys()].map(stem))].sort()).toEqual(
        [...new Set([...en.keys()].map(stem))].sort(),
      );
      for (const [key, text] of en) {
        expect(text.trim(), `${namespace}:${key} is empty`).not.toBe('');
        const german = de.get(key) ?? de.get(`${stem(key)}_other`);
        expect(german?.trim(), `${namespace}:${key} is empty in German`).toBeTruthy();
        expect(placeholders(german!), `${namespace}:${key}`).toEqual(placeholders(text));
      }
    });
  }
});
