/**
 * `npm run mutate`: mutation testing of the reading rules (src/lib/seed)
 * against the unit tests alone (vitest.unit.config.ts). Too slow for
 * `npm test`. Static mutants (module-level constants, evaluated once at
 * import) are left aside: each would rerun every test.
 */
export default {
  testRunner: 'vitest',
  // Every unit test runs for each mutant it covers (perTest): Vitest's related-files lookup misses tests that reach
  // the parser through other modules.
  vitest: { configFile: 'vitest.unit.config.ts', related: false },
  // What the sandbox copy leaves out: build output and scratch folders.
  ignorePatterns: ['dist', 'tests/.build', 'tests/artifacts', 'bench/.work', 'reports', '.astro'],
  mutate: ['src/lib/seed/**/*.ts'],
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  tempDirName: 'node_modules/.stryker-tmp',
  thresholds: { high: 90, low: 80, break: null },
};
