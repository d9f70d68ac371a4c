import { describe, expect, it } from 'vitest';
import { summarize } from '../src/index.js';
import { displayWidth } from '../src/summarize.js';
import { defaultResults, insightResults, layerWith, runWith, troubledResults } from './fixtures.js';

describe('summarize()', () => {
  const text = summarize(defaultResults());

  it('starts with the tool, its version and the configuration', () => {
    expect(text.split('\n')[0]).toBe(
      'initscope 0.1.0 · 5 layers × 100 units, 1000 samples, 30 bins, seed 42, default ranges',
    );
  });

  it('prints one row per run with its std per layer and verdict', () => {
    const lines = text.split('\n');
    const row = lines.find((line) => line.startsWith('  std:1 ') && line.includes('exploding'));
    expect(row).toMatch(
      /^ {2}std:1 +5\.87 +39\.1 +270 +1910 +15500 {3}exploding — std grows ×7\.17 per layer \(layers 1 to 5\)$/,
    );
    expect(lines.filter((line) => /^ {2}\S/.test(line))).toHaveLength(12);
    expect(text).toContain(
      'saturated: gradients vanish — 76% of layer 1’s values lie next to a bound',
    );
    expect(text).toContain('collapsed: units say the same thing');
    expect(text.split('\n').at(-1)).toBe(
      '12 runs: 1 exploding, 2 saturated, 3 collapsed, 6 healthy',
    );
  });

  it('is plain text: no ANSI escapes, no HTML', () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for escape codes
    expect(text).not.toMatch(/\u001b\[/);
    expect(text).not.toMatch(/<\w+/);
  });

  it('aligns the columns', () => {
    const rows = text.split('\n').filter((line) => /^ {2}\S/.test(line));
    const verdictColumn = rows.map((row) => row.search(/ {3}[a-z]/));
    expect(new Set(verdictColumn).size).toBe(1);
  });

  it('writes Japanese with columns aligned by display width', () => {
    const ja = summarize(defaultResults(), { lang: 'ja' });
    expect(ja).toContain('1層目');
    expect(ja).toContain('飽和: 勾配が消失する');
    expect(ja.split('\n').at(-1)).toBe('12 件の実行: 発散 1、飽和 2、偏り 3、健全 6');
    const header = ja.split('\n').find((line) => line.includes('5層目')) ?? '';
    const row = ja.split('\n').find((line) => line.startsWith('  xavier')) ?? '';
    expect(displayWidth(header.slice(0, header.indexOf('5層目') + 3))).toBe(
      displayWidth(row.slice(0, row.indexOf('0.135') + 5)),
    );
  });

  it('reports errored runs with their message and overflow with its first layer', () => {
    const trouble = summarize(troubledResults());
    expect(trouble).toContain('errored — Weights too large: out of memory');
    expect(trouble).toContain('overflow — NaN/Inf from layer 3 on (25% of its values)');
  });

  it('elides middle layers of deep stacks', () => {
    const deep = runWith(
      'relu',
      Array.from({ length: 12 }, (_, i) => layerWith(i + 1, { std: i + 1 })),
      'he',
    );
    const results = {
      ...defaultResults(),
      config: { ...defaultResults().config, layers: 12 },
      runs: [deep],
    };
    const header = summarize(results).split('\n')[3] ?? '';
    expect(header.trim().split(/ +/)).toEqual([
      '1-layer',
      '2-layer',
      '3-layer',
      '…',
      '9-layer',
      '10-layer',
      '11-layer',
      '12-layer',
      'verdict',
    ]);
  });
});

describe('summarize() with gradients and mean-field theory', () => {
  const text = summarize(insightResults());
  const lines = text.split('\n');

  it('prints each run’s phase, χ₁ and depth scale under its row', () => {
    const row = lines.findIndex((line) => line.startsWith('  xavier') && line.includes('0.587'));
    expect(lines[row + 1]).toBe('      mean-field: ordered (χ₁ = 0.5), depth scale 1.44 layers');
    expect(text).toContain('      mean-field: chaotic (χ₁ = 50), depth scale 0.256 layers');
  });

  it('prints the gradient variance from the top layer down to layer 1', () => {
    const row = lines.findIndex((line) => line.startsWith('  std:1') && line.includes('15500'));
    expect(lines[row + 2]).toMatch(
      /^ {6}gradients: Var\(δ\) from layer 5 down to layer 1 grows ×[\d.]+e\+6 \(×[\d.]+ per layer\)$/,
    );
    expect(text).toMatch(
      / {6}gradients: Var\(δ\) from layer 5 down to layer 1 is kept: ×0\.9\d+\n/,
    );
    expect(text.match(/^ {6}gradients: /gm)).toHaveLength(12);
  });

  it('keeps the run rows, their alignment and the totals', () => {
    expect(lines.filter((line) => /^ {2}\S/.test(line))).toHaveLength(12);
    expect(lines.at(-1)).toBe('12 runs: 1 exploding, 2 saturated, 3 collapsed, 6 healthy');
  });

  it('writes the new lines in Japanese', () => {
    const ja = summarize(insightResults(), { lang: 'ja' });
    expect(ja).toContain('      平均場理論: 秩序相（χ₁ = 0.5）、深さスケール 1.44 層');
    expect(ja).toMatch(
      / {6}勾配: Var\(δ\) 5層目 → 1層目で ×[\d.e+-]+（増える、1 層ごとに ×[\d.]+）/,
    );
    expect(ja).not.toContain('mean-field');
  });

  it('prints neither line when the results carry no such fields', () => {
    const plain = summarize(defaultResults());
    expect(plain).not.toContain('mean-field');
    expect(plain).not.toContain('gradients: Var');
  });
});

describe('displayWidth()', () => {
  it('counts East Asian wide characters twice', () => {
    expect(displayWidth('std:1')).toBe(5);
    expect(displayWidth('1層目')).toBe(5);
    expect(displayWidth('（飽和）')).toBe(8);
  });
});
