/**
 * Launching Debian's Chromium with playwright-core, for the tests and the
 * benchmark alike. A missing browser is an error that says how to install it
 * (tests/helpers/prerequisites.ts): browser tests never pass by skipping.
 */
import { chromium, type Browser } from 'playwright-core';
import { requireTool } from './prerequisites.ts';

/** The flags this sandbox needs: no sandbox of Chromium's own, no GPU, and no traffic of Chromium's own (updates, sync). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium's path: CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return requireTool('chromium', { path: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', variable: 'CHROMIUM_PATH' });
}

/** Start headless Chromium with CHROMIUM_FLAGS. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}
