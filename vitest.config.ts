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
        test: { name: 'unit', include: pureTests },
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
    ],
  },
});
