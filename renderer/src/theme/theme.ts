/**
 * Kassa's Mantine theme: a calm teal brand colour, system fonts (the CSP allows no remote fonts),
 * and larger default sizes so every control is an easy touch or keyboard target on a till.
 *
 * The CSP forbids inline <style> (E3), so MantineProvider runs with `withCssVariables={false}`:
 * the CSS variables this theme adds to Mantine's defaults live in the static file `theme.css`.
 * A renderer test recomputes them from this theme and fails if `theme.css` falls out of step.
 */
import {
  Button,
  createTheme,
  type MantineColorsTuple,
  Modal,
  PasswordInput,
  Select,
  TextInput,
} from '@mantine/core';

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

const FONT_STACK =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

/** The theme passed to MantineProvider (see the module comment for the CSS variables). */
export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: 7,
  colors: { brand },
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
  components: {
    Button: Button.extend({ defaultProps: { size: 'md' } }),
    TextInput: TextInput.extend({ defaultProps: { size: 'md' } }),
    Select: Select.extend({ defaultProps: { size: 'md' } }),
    // Scroll locking injects a <style> tag (react-remove-scroll), which the CSP blocks.
    Modal: Modal.extend({ defaultProps: { lockScroll: false, centered: true, radius: 'md' } }),
    PasswordInput: PasswordInput.extend({
      defaultProps: {
        size: 'md',
        // Mantine's default label ("Toggle password visibility") would also match a search for
        // the "Password" field by label; this one names the action without repeating the word.
        visibilityToggleButtonProps: { 'aria-label': 'Show or hide the characters typed' },
      },
    }),
  },
});
