/**
 * Kassa's Mantine theme: a calm teal brand colour, system fonts (the CSP allows no remote fonts),
 * and larger default sizes so every control is an easy touch or keyboard target on a till.
 *
 * The CSP forbids inline <style> (E3), so MantineProvider runs with `withCssVariables={false}`:
 * the CSS variables this theme adds to Mantine's defaults live in the static file `theme.css`.
 * A renderer test recomputes them from this theme and fails if `theme.css` falls out of step.
 */
import { createTheme, type MantineColorsTuple } from '@mantine/core';
import { t } from '../i18n';
import { readablePalettes } from './palettes';

/** Brand teal, light to dark. Shade 7 carries white text at a contrast ratio above 4.5:1. */
export const brand: MantineColorsTuple = [
  '#e7f6f4',
  '#cdeae6',
  '#9dd4cc',
  '#69bdb1',
  '#3fa99b',
  '#269c8d',
  '#138a7c',
  '#0b7166',
  '#075c53',
  '#034841',
];

/**
 * Mantine's grey scale with a darker shade 6, the "dimmed" secondary text (issue 8, item 22):
 * Mantine's #868e96 is 3.32:1 on white, under WCAG 1.4.3's 4.5:1 and hard to read from a step
 * back. #5c636a is 6.09:1 on white and still 4.79:1 on the lightest brand tint (brand 1).
 */
export const gray: MantineColorsTuple = [
  '#f8f9fa',
  '#f1f3f5',
  '#e9ecef',
  '#dee2e6',
  '#ced4da',
  '#adb5bd',
  '#5c636a',
  '#495057',
  '#343a40',
  '#212529',
];

const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

/** The theme passed to MantineProvider (see the module comment for the CSS variables). */
export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 7,
  colors: { ...readablePalettes, brand, gray },
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  // Plain objects, not `Modal.extend(...)`: importing a component to extend it would pull its code
  // (Modal, Select with their popover and scroll-lock libraries) into the sign-in chunk.
  components: {
    Button: { defaultProps: { size: 'md' } },
    TextInput: { defaultProps: { size: 'md' } },
    Select: { defaultProps: { size: 'md' } },
    // Scroll locking injects a <style> tag (react-remove-scroll), which the CSP blocks.
    Modal: { defaultProps: { lockScroll: false, centered: true, radius: 'md' } },
    // A dialog's title bar is not the page's banner landmark (axe: landmark-no-duplicate-banner).
    ModalHeader: { defaultProps: { component: 'div' } },
    // Every dialog's close button has a name (axe: button-name), distinct from a footer "Close"
    // button. A function, so the name is read in the current language each time a dialog draws.
    ModalCloseButton: { defaultProps: () => ({ 'aria-label': t('shell:closeDialog') }) },
    // A spinner is a live status: its aria-label is allowed on role="status", not on a bare
    // <span> (axe: aria-prohibited-attr), and screen readers announce what is loading.
    Loader: { defaultProps: { role: 'status' } },
    // An open menu holds only its items: Mantine's focus placeholder is a focusable
    // role="presentation" div, which axe counts as a child no menu may have
    // (aria-required-children, critical). The first item takes the focus instead (WAI-ARIA APG
    // menu button).
    Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
    PasswordInput: {
      defaultProps: () => ({
        size: 'md',
        // Mantine's default label ("Toggle password visibility") would also match a search for
        // the "Password" field by label; this one names the action without repeating the word.
        visibilityToggleButtonProps: { 'aria-label': t('shell:showPassword') },
      }),
    },
  },
});
