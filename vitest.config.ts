import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript source through the `@vouch/source`
// export condition, so nothing needs a prior build to be unit-tested.
const source = {
  resolve: { conditions: ['@vouch/source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['@vouch/source', ...defaultServerConditions] } },
};

export default defineConfig({
  test: {
    reporters: ['default', './test/support/countReporter.ts'],
    projects: [
      {
        ...source,
        test: {
          name: 'core',
          root: 'packages/core',
          environment: 'node',
          include: ['src/**/*.test.ts'],
        },
      },
      {
        ...source,
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'widget',
          root: 'packages/widget',
          environment: 'happy-dom',
          include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          setupFiles: ['./test/setup.ts'],
        },
      },
      {
        ...source,
        test: {
          name: 'server',
          root: 'packages/server',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          globalSetup: ['../../test/support/postgres.ts'],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...source,
        test: {
          name: 'e2e',
          root: 'test',
          environment: 'node',
          include: ['e2e/**/*.test.ts', 'budget/**/*.test.ts'],
          globalSetup: ['./support/postgres.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
