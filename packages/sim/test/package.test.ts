import { readFileSync } from 'node:fs';
import { simulate } from '@initscope/sim';
import { describe, expect, it } from 'vitest';

describe('@initscope/sim', () => {
  it('works on its own: it depends on core-wasm and the results contract, not on the report or the CLI', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      '@initscope/core-wasm',
      '@initscope/results',
      'valibot',
    ]);
    const results = await simulate({ activation: 'tanh', init: 'xavier', samples: 10, width: 4 });
    expect(results.runs[0]?.layers).toHaveLength(5);
  });
});
