import { defaultServerConditions } from 'vite';
import { defineProject } from 'vitest/config';

/** Tests import workspace packages from source through the `@initscope/source` export condition. */
export const sourceConditions = ['@initscope/source', ...defaultServerConditions];

/** One vitest project per package, resolving sibling packages to their TypeScript sources. */
export function packageProject(name: string, testTimeout = 20_000) {
  return defineProject({
    ssr: { resolve: { conditions: sourceConditions } },
    resolve: { conditions: sourceConditions },
    test: { name, include: ['test/**/*.test.ts'], testTimeout },
  });
}
