/**
 * Issue 8, item 22: the theme's colours are readable (WCAG 1.4.3, 4.5:1 for normal text), so no
 * screen can fail axe's colour-contrast rule by using a standard Mantine colour: white text on
 * every filled colour (shade 7, shade 8 on hover), the light variant's text (shade 9 on shade 1),
 * and the dimmed grey on white and on the app's grey background.
 */
import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { theme } from '../../renderer/src/theme/theme';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const merged = mergeMantineTheme(DEFAULT_THEME, theme);
const COLOURS = Object.keys(merged.colors).filter((c) => c !== 'dark');

describe('theme contrast (WCAG 1.4.3)', () => {
  it.each(COLOURS)('%s: white on filled, and light-variant text, reach 4.5:1', (name) => {
    const shades = merged.colors[name]!;
    expect(contrast('#ffffff', shades[7]), `white on ${name}.7`).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#ffffff', shades[8]), `white on ${name}.8`).toBeGreaterThanOrEqual(4.5);
    expect(contrast(shades[9], shades[1]), `${name}.9 on ${name}.1`).toBeGreaterThanOrEqual(4.5);
    expect(contrast(shades[9], shades[0]), `${name}.9 on ${name}.0`).toBeGreaterThanOrEqual(4.5);
  });

  it('the dimmed grey (gray.6) is readable on white and on the grey background', () => {
    const gray = merged.colors.gray!;
    expect(contrast(gray[6], '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(gray[6], gray[0])).toBeGreaterThanOrEqual(4.5);
    expect(contrast(gray[6], gray[1])).toBeGreaterThanOrEqual(4.5);
  });

  it('filled controls use shade 7', () => {
    expect(merged.primaryShade).toEqual(7);
  });
});
