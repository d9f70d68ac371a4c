import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

/** Every TypeScript source of the package, relative to `src/`. */
function sources(folder = '../src/'): string[] {
  return readdirSync(new URL(folder, import.meta.url), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(`${folder}${entry.name}/`)
      : entry.name.endsWith('.ts')
        ? [`${folder}${entry.name}`]
        : [],
  );
}

describe('@initscope/report', () => {
  it('depends on the results contract and vega, not on the simulation or its WASM', () => {
    const pkg = JSON.parse(read('../package.json')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual([
      '@initscope/results',
      'vega',
      'vega-embed',
      'vega-lite',
    ]);
  });

  it('takes only types from @initscope/results (and its dependency-free smooth-curve), so a browser bundle pulls in no validator', () => {
    // the book's smooth_curve is plain arithmetic with no imports: the one value report takes
    expect(read('../../results/src/smooth-curve.ts')).not.toMatch(/\bimport\b/);
    const imports = sources().flatMap((file) =>
      [...read(file).matchAll(/\b(?:import|export)\s+([^;]*?)\s*from\s*'(@initscope\/[^']+)'/g)]
        .filter((match) => match[2] !== '@initscope/results/smooth-curve')
        .map((match) => `${file}: import ${(match[1] ?? '').replace(/\s+/g, ' ')}`),
    );
    expect(imports.length).toBeGreaterThan(0);
    for (const line of imports) expect(line).toMatch(/: import type \{/);
    for (const file of sources()) expect(read(file), file).not.toMatch(/import\s*'@initscope\//);
  });
});
