/**
 * The one Chromium every browser test launches: Debian's `chromium-headless-shell`, the headless
 * build Playwright itself uses by default. It renders, prints PDFs and runs axe as the full browser
 * does, with a quarter less CPU (an e2e file: 13.1 s of Chromium CPU against 17.0 s with
 * /usr/bin/chromium --headless), and the end-to-end files are CPU-bound on CI's two cores.
 */
import { chromium, type Browser } from 'playwright-core';

/** Debian's package `chromium-headless-shell` (.ci/run installs it). */
const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/** Flags for a test browser: no sandbox (CI runs as root), no GPU, nothing fetched from the net. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches a headless Chromium for one test file; the caller closes it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: HEADLESS_SHELL, args: ARGS });
}
