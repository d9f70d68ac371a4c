import { defaultServerConditions } from 'vite';
import { defineProject } from 'vitest/config';

/** Tests import workspace packages from source through the `@initscope/source` export condition. */
export const sourceConditions = ['@initscope/source', ...defaultServerConditions];

/**
 * The slow tests: Chromium, spawned CLI processes, NumPy children and many-seed statistics.
 * `npm run test:fast` (INITSCOPE_FAST=1) leaves them out; `npm test` runs everything.
 */
export const slowTests = [
  'test/browser.test.ts',
  'test/theory-zoo.test.ts',
  'test/theory-simulation.test.ts',
  'test/activations.test.ts',
  'test/output-cli.test.ts',
  'test/output-process.test.ts',
  'test/schema.test.ts',
  'test/numpy.test.ts',
];

const fast = process.env.INITSCOPE_FAST === '1';

/** One vitest project per package, resolving sibling packages to their TypeScript sources. */
export function packageProject(name: string, testTimeout = 20_000) {
  return defineProject({
    ssr: { resolve: { conditions: sourceConditions } },
    resolve: { conditions: sourceConditions },
    test: {
      name,
      include: ['test/**/*.test.ts'],
      exclude: fast ? slowTests : [],
      testTimeout,
    },
  });
}
