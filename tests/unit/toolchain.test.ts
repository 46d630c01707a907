import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { INSTALL_LINE, requireTool } from '../helpers/prerequisites.ts';

test('the tests run on Node 22.12 or newer (the node@22 devDependency), as Astro 7 needs', () => {
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  expect(major > 22 || (major === 22 && minor >= 12), `Node ${process.versions.node} is too old: run through npm scripts`).toBe(true);
});

test('package.json pins Node 22 for npm scripts and declares the engine', () => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    devDependencies: Record<string, string>;
    engines: { node: string };
  };
  expect(pkg.devDependencies.node).toMatch(/^\^?22\./u);
  expect(pkg.engines.node).toBe('>=22.12.0');
});

test('the system tools the tests need install with one line, and a missing one fails with that line, not a skip', () => {
  expect(INSTALL_LINE).toBe('apt-get install -y chromium default-jre-headless rclone');
  expect(() => requireTool('chromium', { path: '/nonexistent/chromium', variable: 'CHROMIUM_PATH' })).toThrow(
    `chromium not found at /nonexistent/chromium (or set CHROMIUM_PATH to another): the tests need Debian's chromium, default-jre-headless, rclone. Install them with "${INSTALL_LINE}".`,
  );
  const path = process.env.PATH;
  try {
    process.env.PATH = '/nonexistent';
    expect(() => requireTool('rclone')).toThrow(
      `rclone not found on PATH: the tests need Debian's chromium, default-jre-headless, rclone. Install them with "${INSTALL_LINE}".`,
    );
  } finally {
    process.env.PATH = path;
  }
  expect(() => requireTool('firefox')).toThrow('firefox is not in .ci/system-packages');
  // .ci/run installs what that list names.
  expect(readFileSync(new URL('../../.ci/run', import.meta.url), 'utf8')).toContain('.ci/system-packages');
});
