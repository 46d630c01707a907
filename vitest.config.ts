import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: the pure modules (tests/unit/), no build, a few
 * seconds (`npm run test:unit`). `site`: everything that needs the real
 * build, a browser or a server (tests/*.test.ts); its global setup builds the
 * site and the fixture corpus once. `npm test` runs both, after the type check.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/*.test.ts'],
          globalSetup: ['tests/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
