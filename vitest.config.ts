import { defineConfig } from 'vitest/config';

const pureTests = [
  'packages/*/src/**/*.test.ts',
  'apps/web/src/**/*.test.ts',
  'apps/server/src/**/*.models.test.ts',
  'apps/server/src/**/*.policies.test.ts',
];

export default defineConfig({
  test: {
    projects: [
      {
        // Pure tests; the generous timeout is for the CLI tests that spawn a process on a busy CI box.
        test: { name: 'unit', include: pureTests, testTimeout: 30_000 },
      },
      {
        test: {
          name: 'server',
          include: ['apps/server/src/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
          exclude: [...pureTests, '**/node_modules/**'],
          globalSetup: ['apps/server/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'hub',
          include: ['apps/hub/src/**/*.test.ts', 'apps/hub/test/**/*.test.ts'],
          exclude: [...pureTests, '**/node_modules/**'],
          globalSetup: ['apps/hub/test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
