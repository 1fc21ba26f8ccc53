/**
 * Mantine's colour scales, with shades 7 to 9 darkened just enough for WCAG 1.4.3 (issue 8, item
 * 22): white text on a filled control (shade 7, and shade 8 on hover) and the light variant's text
 * (shade 9 on shade 1) reach at least 4.6:1. Mantine's own shade 7 is as low as 2.1:1 (yellow)
 * and 2.8:1 (green); badges, filled buttons and alerts all use these shades. Shades 0 to 6 are
 * Mantine's, so tints and backgrounds look the same. Computed by darkening Mantine's shade towards
 * black in 1 % steps until the ratio held.
 */
import type { MantineColorsTuple } from '@mantine/core';

export const red: MantineColorsTuple = [
  '#fff5f5',
  '#ffe3e3',
  '#ffc9c9',
  '#ffa8a8',
  '#ff8787',
  '#ff6b6b',
  '#fa5252',
  '#d83838',
  '#c72c2c',
  '#b92727',
];

export const violet: MantineColorsTuple = [
  '#f3f0ff',
  '#e5dbff',
  '#d0bfff',
  '#b197fc',
  '#9775fa',
  '#845ef7',
  '#7950f2',
  '#7048e8',
  '#6640d7',
  '#5e3cc2',
];

export const indigo: MantineColorsTuple = [
  '#edf2ff',
  '#dbe4ff',
  '#bac8ff',
  '#91a7ff',
  '#748ffc',
  '#5c7cfa',
  '#4c6ef5',
  '#4263eb',
  '#3a59d7',
  '#364fc7',
];

export const blue: MantineColorsTuple = [
  '#e7f5ff',
  '#d0ebff',
  '#a5d8ff',
  '#74c0fc',
  '#4dabf7',
  '#339af0',
  '#228be6',
  '#1a76c9',
  '#186bb8',
  '#1863a9',
];

export const cyan: MantineColorsTuple = [
  '#e3fafc',
  '#c5f6fa',
  '#99e9f2',
  '#66d9e8',
  '#3bc9db',
  '#22b8cf',
  '#15aabf',
  '#0d8091',
  '#0a7485',
  '#0a6b7d',
];

export const teal: MantineColorsTuple = [
  '#e6fcf5',
  '#c3fae8',
  '#96f2d7',
  '#63e6be',
  '#38d9a9',
  '#20c997',
  '#12b886',
  '#0a8560',
  '#077956',
  '#077050',
];

export const green: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#40c057',
  '#298439',
  '#247834',
  '#226e32',
];

export const lime: MantineColorsTuple = [
  '#f4fce3',
  '#e9fac8',
  '#d8f5a2',
  '#c0eb75',
  '#a9e34b',
  '#94d82d',
  '#82c91e',
  '#51810f',
  '#47760a',
  '#436c09',
];

export const yellow: MantineColorsTuple = [
  '#fff9db',
  '#fff3bf',
  '#ffec99',
  '#ffe066',
  '#ffd43b',
  '#fcc419',
  '#fab005',
  '#a26900',
  '#9c5b00',
  '#984f00',
];

export const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#fd7e14',
  '#c35106',
  '#b54509',
  '#ab390c',
];

/** The scales above, by Mantine colour name. */
export const readablePalettes = {
  red,
  violet,
  indigo,
  blue,
  cyan,
  teal,
  green,
  lime,
  yellow,
  orange,
};
