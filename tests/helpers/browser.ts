/**
 * A Chromium and a static server for a test file's tests (Chromium launched
 * as tests/helpers/chromium.ts does: a missing browser fails with the line
 * that installs it).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './chromium.ts';
import { serve } from './serve.ts';

type Served = Awaited<ReturnType<typeof serve>>;

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
