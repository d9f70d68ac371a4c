// Node reads the bundles from the installed vega packages; a browser bundle gets them as module
// text from the browser entry (`src/browser.ts`, `dist/vega-texts.js`). No static Node import here,
// so bundlers never see `node:fs`.

interface NodeBuiltins {
  'node:fs': typeof import('node:fs');
  'node:module': typeof import('node:module');
  'node:path': typeof import('node:path');
}

function builtin<K extends keyof NodeBuiltins>(name: K): NodeBuiltins[K] {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process;
  const module = process?.getBuiltinModule?.(name);
  if (!module) {
    throw new Error(
      `@initscope/report needs the vega bundles: outside Node, import the package through a bundler that honours the "browser" export condition (vite, webpack, esbuild --platform=browser)`,
    );
  }
  return module as NodeBuiltins[K];
}

/** The browser bundles to inline, in load order: vega-embed needs the globals of the other two. */
const bundleFiles = [
  ['vega', 'build/vega.min.js'],
  ['vega-lite', 'build/vega-lite.min.js'],
  ['vega-embed', 'build/vega-embed.min.js'],
] as const;

/**
 * The folder of an installed package. Their `exports` hide `build/*.min.js`, so resolve the main
 * entry and walk up to the folder whose package.json carries the name.
 */
export function packageFolder(name: string): string {
  const { readFileSync } = builtin('node:fs');
  const { dirname, join } = builtin('node:path');
  const require = builtin('node:module').createRequire(import.meta.url);
  let folder = dirname(require.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
      if (manifest.name === name) return folder;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`Cannot find the folder of the "${name}" package.`);
    folder = parent;
  }
}

/** The installed version of a package. */
export function installedVersion(name: string): string {
  const { readFileSync } = builtin('node:fs');
  const { join } = builtin('node:path');
  return JSON.parse(readFileSync(join(packageFolder(name), 'package.json'), 'utf8')).version;
}

let cached: readonly string[] | undefined;

/** Removes a bundle's trailing source-map comment (the map is not inlined). */
export function stripSourceMap(bundle: string): string {
  return bundle.replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, '');
}

/** Hands the bundle texts over (the browser entry does, from `dist/vega-texts.js`). */
export function provideVegaBundles(texts: readonly string[]): void {
  cached = texts;
}

/** vega, vega-lite and vega-embed minified bundles, without their source-map comments, read once. */
export function vegaBundles(): readonly string[] {
  if (!cached) {
    const { readFileSync } = builtin('node:fs');
    const { join } = builtin('node:path');
    cached = bundleFiles.map(([name, file]) =>
      stripSourceMap(readFileSync(join(packageFolder(name), file), 'utf8')),
    );
  }
  return cached;
}
