/**
 * Launching Debian's Chromium with playwright-core. A missing browser is an
 * error that says how to install it: browser tests never pass by skipping.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Start headless Chromium with the flags this sandbox needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it with "apt-get install -y chromium" (Debian), ` +
        'or set CHROMIUM_PATH to a Chromium binary. Browser tests do not skip.',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
