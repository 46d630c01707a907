import { defineConfig } from 'vitest/config';

/**
 * The unit tests alone (tests/unit/), for mutation testing (`npm run mutate`,
 * stryker.config.json): no build, no browser, so that each mutant runs the
 * tests of the pure modules only.
 */
export default defineConfig({
  test: { include: ['tests/unit/**/*.test.ts'] },
});
