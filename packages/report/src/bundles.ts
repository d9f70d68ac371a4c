import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

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
  return JSON.parse(readFileSync(join(packageFolder(name), 'package.json'), 'utf8')).version;
}

let cached: string[] | undefined;

/** vega, vega-lite and vega-embed minified bundles, without their source-map comments, read once. */
export function vegaBundles(): string[] {
  cached ??= bundleFiles.map(([name, file]) =>
    readFileSync(join(packageFolder(name), file), 'utf8').replace(
      /\n?\/\/# sourceMappingURL=\S+\s*$/,
      '',
    ),
  );
  return cached;
}
