/**
 * The renderer's static files must work under the CSP (style-src 'self', script-src 'self'):
 * no inline script or style in index.html, and theme.css must carry exactly the CSS variables
 * MantineProvider would otherwise inject (it runs with withCssVariables={false}).
 */
import { DEFAULT_THEME, defaultCssVariablesResolver, mergeMantineTheme } from '@mantine/core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { theme } from '../../renderer/src/theme/theme';

const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

/** Declarations `--name: value` of the first block whose selector is exactly `selector`. */
function declarations(css: string, selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `block ${selector}`).toBeGreaterThanOrEqual(0);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return new Map(
    body
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      // Whitespace inside a value is not significant in CSS (Prettier wraps long ones).
      .map((d) => [
        d.slice(0, d.indexOf(':')).trim(),
        d
          .slice(d.indexOf(':') + 1)
          .replace(/\s+/g, ' ')
          .trim(),
      ]),
  );
}

describe('renderer static files', () => {
  it('index.html has no inline script or style', () => {
    const html = read('../../renderer/index.html');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('theme.css holds every theme variable that differs from Mantine defaults', () => {
    const css = read('../../renderer/src/theme/theme.css');
    const mine = defaultCssVariablesResolver(mergeMantineTheme(DEFAULT_THEME, theme));
    const defaults = defaultCssVariablesResolver(DEFAULT_THEME);
    const blocks = {
      variables: declarations(css, ':root'),
      light: declarations(css, ":root[data-mantine-color-scheme='light']"),
    };
    for (const part of ['variables', 'light'] as const) {
      const base: Record<string, string> = defaults[part];
      const expected = Object.entries(mine[part]).filter(([name, value]) => base[name] !== value);
      expect(expected.length).toBeGreaterThan(0);
      for (const [name, value] of expected) expect(blocks[part].get(name), name).toBe(value);
      expect(blocks[part].size).toBe(expected.length);
    }
  });

  it('MantineProvider is told not to inject styles', () => {
    const app = read('../../renderer/src/App.tsx');
    expect(app).toMatch(/withCssVariables=\{false\}/);
    expect(app).toMatch(/withGlobalClasses=\{false\}/);
    expect(app).not.toMatch(/ColorSchemeScript/);
  });
});
