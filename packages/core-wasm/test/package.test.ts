import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { activationKernels, activationRegistry, loadCore, reference } from '@initscope/core-wasm';
import { describe, expect, it } from 'vitest';
import { expectCloseF32 } from '../../../testing/f32.js';

describe('@initscope/core-wasm', () => {
  it('loads on its own and multiplies through the package entry point', async () => {
    const core = await loadCore();
    const a = Float32Array.from([1, 2, 3, 4]);
    expect(Array.from(core.matmul(a, a, 2, 2, 2))).toEqual([7, 10, 15, 22]);
    expect(Array.from(reference.matmul(a, a, 2, 2, 2))).toEqual([7, 10, 15, 22]);
    // the entry point's names and registry agree (their order, the kernel codes: registry.test.ts)
    expect(activationKernels).toEqual(Object.keys(activationRegistry));
    expect(activationKernels).toHaveLength(11);
  });

  it('loads from given bytes and from a compiled module', async () => {
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(new URL('../build/release.wasm', import.meta.url));
    const fromBytes = await loadCore({ wasm: bytes });
    const fromModule = await loadCore({ wasm: await WebAssembly.compile(bytes) });
    expect(fromBytes.uniformBits(3, 1, 2)).toEqual(fromModule.uniformBits(3, 1, 2));
  });

  it('runs the debug build identically', async () => {
    const { readFile } = await import('node:fs/promises');
    const debug = await loadCore({
      wasm: await readFile(new URL('../build/debug.wasm', import.meta.url)),
    });
    const release = await loadCore();
    const x = reference.normal(37, 1, 1, 3);
    expect(debug.activate('sigmoid', x)).toEqual(release.activate('sigmoid', x));
    expect(debug.normal(11, 3, 4)).toEqual(release.normal(11, 3, 4));
    const a = reference.normal(7 * 300, 5, 1);
    const b = reference.normal(300 * 13, 6, 1);
    expect(debug.dense(a, b, 7, 300, 13, 'tanh')).toEqual(release.dense(a, b, 7, 300, 13, 'tanh'));
    const h = reference.normal(1001, 7, 1);
    const [hd, hr] = [debug.alloc(1001), release.alloc(1001)];
    hd.array.set(h);
    hr.array.set(h);
    expect(debug.histogramOf(hd, -1, 1, 30, 0)).toEqual(release.histogramOf(hr, -1, 1, 30, 0));
    const stats = { lo: -1, hi: 1, bins: 30 };
    expect(debug.activateInto('gelu', hd, hd, { scale: 0.5, stats })).toEqual(
      release.activateInto('gelu', hr, hr, { scale: 0.5, stats }),
    );
    expect(debug.derivative('silu', x)).toEqual(release.derivative('silu', x));
    expect(debug.matmulTransA(a, b.subarray(0, 7 * 13), 7, 300, 13)).toEqual(
      release.matmulTransA(a, b.subarray(0, 7 * 13), 7, 300, 13),
    );
    expect(debug.uniform(9, 1, 2, -1, 1)).toEqual(release.uniform(9, 1, 2, -1, 1));
    expect(debug.truncatedNormal(9, 1, 2)).toEqual(release.truncatedNormal(9, 1, 2));
  });

  it('runs the README example as written (against the built dist/)', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const code = /```js\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const dist = new URL('../dist/index.js', import.meta.url).href;
    const dir = mkdtempSync(join(tmpdir(), 'core-wasm-readme-'));
    try {
      const file = join(dir, 'example.mjs');
      writeFileSync(file, code.replace("'@initscope/core-wasm'", `'${dist}'`));
      const stdout = execFileSync(process.execPath, [file], { encoding: 'utf8' });
      // the same numbers from the references: tanh(x · w), and the histogram of the 4 outputs
      const x = Float32Array.from([1, 2, 3, 4, 5, 6]);
      const w = Float32Array.from([0.5, -1, 0.25, 0.5, -0.5, 0.25]);
      const y = reference.dense(x, w, 2, 3, 2, 'tanh');
      const printed = /Float32Array\(4\) \[([^\]]*)\]/.exec(stdout)?.[1] ?? '';
      expectCloseF32(printed.split(',').map(Number), y);
      expect(stdout).toContain(inspect(reference.counts(y, -1, 1, 4).counts));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs the README's threaded example as written (against the built dist/)", () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const code = [...readme.matchAll(/```js\n([\s\S]*?)```/g)][1]?.[1] ?? '';
    expect(code).toContain('createThreadedCore');
    const dist = new URL('../dist/index.js', import.meta.url).href;
    const dir = mkdtempSync(join(tmpdir(), 'core-wasm-readme-'));
    try {
      const file = join(dir, 'threaded.mjs');
      writeFileSync(file, code.replace("'@initscope/core-wasm'", `'${dist}'`));
      expect(execFileSync(process.execPath, [file], { encoding: 'utf8' })).toBe('true\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
