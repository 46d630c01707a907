/**
 * Waiting assertions for the browser suites: after an action, retry a fresh
 * read of the page until the matcher passes, instead of reading it once.
 * The generous timeout is for a loaded machine; a passing check returns at
 * its first success, so it costs nothing when the page is quick.
 */
import { expect, vi } from 'vitest';

/** How long and how often a waiting assertion retries (well inside the 30 s test timeout). */
export const WAIT = { timeout: 10_000, interval: 50 } as const;

/**
 * `expect.poll` with WAIT: `await eventually(() => button.textContent()).toBe('Copied')`;
 * `options.timeout` for slower conditions (a dev server starting).
 */
export function eventually<T>(read: () => T | Promise<T>, options: string | { message?: string; timeout?: number } = {}) {
  const { message, timeout } = typeof options === 'string' ? { message: options } : options;
  return expect.poll(read, { ...WAIT, ...(timeout ? { timeout } : {}), ...(message === undefined ? {} : { message }) });
}

/** Retry `check` (plain `expect`s over one fresh read) until it stops throwing, within WAIT; resolves to its value. */
export function until<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, WAIT);
}
