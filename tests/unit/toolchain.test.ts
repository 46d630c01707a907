import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

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
