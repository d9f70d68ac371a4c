import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, words } from './fixtures.js';

describe('initscope run --gradients --theory', () => {
  it('adds gradient statistics and mean-field predictions to every layer', async () => {
    const dir = tempDir();
    const json = join(dir, 'r.json');
    const { code, stderr } = await cli(
      'run',
      ...words('--activations tanh,gelu,leaky-relu:0.2 --inits xavier,orthogonal:auto,he-uniform'),
      ...words('--widths 30,40,20 --samples 100 --bias-std 0.1 --gradients --theory'),
      ...['--out', join(dir, 'r.html'), '--json', json],
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const results = JSON.parse(readFileSync(json, 'utf8'));
    expect(results.config).toMatchObject({
      layers: 2,
      widths: [30, 40, 20],
      biasStd: 0.1,
      gradients: true,
      theory: true,
    });
    expect(results.runs).toHaveLength(9);
    for (const run of results.runs) {
      expect(run.state).toBe('completed');
      expect(Object.keys(run.theory).sort()).toEqual([
        'chi1',
        'depthScale',
        'phase',
        'qStar',
        'sigmaB2',
        'sigmaW2',
      ]);
      for (const layer of run.layers) {
        expect(Object.keys(layer.gradients)).toEqual(
          expect.arrayContaining(['variance', 'histogram', 'weightGradNorm']),
        );
        expect(Object.keys(layer.theory)).toEqual(
          expect.arrayContaining(['q', 'mean', 'std', 'chi']),
        );
        expect(layer.theory.counts).toHaveLength(30);
      }
    }
  });

  it('refuses --widths together with --layers', async () => {
    const { code, stderr } = await cli('run', '--widths', '10,10', '--layers', '3');
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      'initscope: Invalid --widths with --layers or --width: --widths gives the input and every layer width itself.',
    );
  });
});

describe('initscope phase', () => {
  it('writes the phase page and JSON and prints where the initializers sit', async () => {
    const dir = tempDir();
    const out = join(dir, 'p.html');
    const json = join(dir, 'p.json');
    const { code, stdout } = await cli(
      ...words('phase --activation relu --inits he,xavier'),
      ...['--out', out, '--json', json],
    );
    expect(code).toBe(0);
    expect(stdout).toContain('he');
    expect(stdout).toContain('critical');
    expect(stdout).toContain('relu: χ₁ over σ_w² ∈ [0.00316, 316], σ_b² ∈ [0, 0.5]');
    expect(stdout).toContain(`Phase diagram: ${out}`);
    const diagram = JSON.parse(readFileSync(json, 'utf8'));
    expect(diagram.activation).toBe('relu');
    expect(diagram.points.map((p: { init: string; phase: string }) => [p.init, p.phase])).toEqual([
      ['he', 'critical'],
      ['xavier', 'ordered'],
    ]);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readdirSync(dir).sort()).toEqual(['p.html', 'p.json']);
  }, 60_000);

  it.each([
    [[], "error: required option '-a, --activation <name>' not specified"],
    [
      ['--activation', 'tanh,relu'],
      'initscope: Invalid --activation "tanh,relu": give one activation.',
    ],
    [
      ['--activation', 'tahn'],
      'initscope: Invalid --activation "tahn": Unknown activation "tahn". Did you mean "tanh"? Valid values: sigmoid, relu, tanh, linear, leaky-relu, elu, selu, gelu, silu, softplus, softsign.',
    ],
  ])('%j exits 2 with one line', async (args, message) => {
    const dir = tempDir();
    const { code, stderr } = await cli('phase', ...args, '--out', join(dir, 'p.html'));
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(message);
    expect(readdirSync(dir)).toEqual([]);
  });
});
