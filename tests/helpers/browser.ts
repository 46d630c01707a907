/**
 * Launching Debian's Chromium with playwright-core. A missing browser is an
 * error that says how to install it: browser tests never pass by skipping.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serve } from './serve.ts';

type Served = Awaited<ReturnType<typeof serve>>;

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
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * For a test file: one Chromium and one static server for `dir` (at the base
 * path `base`, if given), started before its tests and closed after them.
 */
export function withChromium(dir: string, base?: string): { readonly browser: Browser; readonly server: Served } {
  let browser: Browser | undefined;
  let server: Served | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serve(dir, base === undefined ? {} : { base });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      return browser!;
    },
    get server() {
      return server!;
    },
  };
}
