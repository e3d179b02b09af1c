import { defineConfig } from 'vitest/config';

/** Pure unit tests of the web app (no DOM): `npm test -w apps/web`. */
export default defineConfig({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
