import { describe, expect, it } from 'vitest';
import { summarize } from '../src/index.js';
import { displayWidth } from '../src/summarize.js';
import { resultsFixture, troubledResults } from './fixtures.js';

describe('summarize()', () => {
  const text = summarize(resultsFixture('book'));

  it('starts with the tool, its version and the configuration', () => {
    expect(text.split('\n')[0]).toBe(
      'initscope 0.1.0 · 5 layers × 100 units, 200 samples, 30 bins, seed 42, default ranges',
    );
  });

  it('prints one row per run with its std per layer and verdict', () => {
    const lines = text.split('\n');
    const row = lines.find((line) => line.startsWith('  std:1 ') && line.includes('exploding'));
    expect(row).toMatch(
      /^ {2}std:1 +5\.79 +42 +295 +2040 +14200 {3}exploding — std grows ×7\.03 per layer \(layers 1 to 5\)$/,
    );
    expect(lines.filter((line) => /^ {2}\S/.test(line))).toHaveLength(12);
    expect(text).toContain(
      'saturated — 77% of layer 1’s values lie within 0.05 of a bound (counted exactly)',
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
    const ja = summarize(resultsFixture('book'), { lang: 'ja' });
    expect(ja).toContain('1層目');
    expect(ja).toContain('飽和 — ');
    expect(ja).toContain('表現力の制限: どのユニットも同じ値を出す');
    expect(ja.split('\n').at(-1)).toBe('12 件の実行: 発散 1、飽和 2、表現力の制限 3、健全 6');
    const header = ja.split('\n').find((line) => line.includes('5層目')) ?? '';
    const row = ja.split('\n').find((line) => line.startsWith('  xavier')) ?? '';
    // sigmoid xavier's 5-layer std is 0.114
    expect(displayWidth(header.slice(0, header.indexOf('5層目') + 3))).toBe(
      displayWidth(row.slice(0, row.indexOf('0.114') + 5)),
    );
  });

  it('reports errored runs with their message and overflow with its first layer', () => {
    const rows = summarize(troubledResults())
      .split('\n')
      .filter((line) => /^ {2}std:1e[34]0 /.test(line));
    // relu std:1e40 and std:1e30, then tanh std:1e40; the verdict column follows 3 spaces
    expect(rows.map((row) => row.split(/ {3}(?=[a-z])/).at(-1))).toEqual([
      'errored — activateInto: scale must be within the f32 range (|scale| ≤ 3.4028234663852886e+38), got 1e+40',
      'overflow — NaN/Inf from layer 2 on (50% of its values)',
      'errored — activateInto: scale must be within the f32 range (|scale| ≤ 3.4028234663852886e+38), got 1e+40',
    ]);
    expect(summarize(troubledResults()).split('\n').at(-1)).toBe(
      '15 runs: 2 errored, 1 overflow, 1 exploding, 2 saturated, 3 collapsed, 6 healthy',
    );
  });

  it('elides middle layers of deep stacks', () => {
    const lines = summarize(resultsFixture('deep')).split('\n');
    const shown = [1, 2, 3, '…', 17, 18, 19, 20].map((l) => (l === '…' ? l : `${l}-layer`));
    expect(lines[3]?.trim().split(/ +/)).toEqual([...shown, 'verdict']);
    // tanh xavier's std at layers 1–3 and 17–20 of 20
    expect(lines[4]).toMatch(
      /^ {2}xavier +0\.621 +0\.491 +0\.379 +… +0\.146 +0\.153 +0\.135 +0\.124 {3}/,
    );
  });
});

describe('summarize() with gradients and mean-field theory', () => {
  const text = summarize(resultsFixture('gradients-theory'));
  const lines = text.split('\n');

  it('prints each run’s phase, χ₁ and depth scale under its row', () => {
    const row = lines.findIndex((line) => line.startsWith('  std:0.01') && line.includes('0.025'));
    expect(lines[row + 1]).toBe(
      '      mean-field: ordered (χ₁ = 6.24e-4), depth scale 0.136 layers',
    );
    expect(text).toContain('      mean-field: chaotic (χ₁ = 5.54), depth scale 2.67 layers');
    // ReLU has no finite q* ≠ 0 off criticality, so no depth scale
    expect(text).toContain('      mean-field: ordered (χ₁ = 0.5)\n');
  });

  it('prints the gradient variance from the top layer down to layer 1', () => {
    const row = lines.findIndex((line) => line.startsWith('  std:1') && line.includes('14200'));
    expect(lines[row + 2]).toMatch(
      /^ {6}gradients: Var\(δ\) from layer 5 down to layer 1 grows ×[\d.]+e\+6 \(×[\d.]+ per layer\)$/,
    );
    expect(text).toMatch(/ {6}gradients: Var\(δ\) from layer 5 down to layer 1 is kept: ×0\.838\n/);
    expect(text.match(/^ {6}gradients: /gm)).toHaveLength(12);
  });

  it('keeps the run rows, their alignment and the totals', () => {
    expect(lines.filter((line) => /^ {2}\S/.test(line))).toHaveLength(12);
    expect(lines.at(-1)).toBe('12 runs: 1 exploding, 2 saturated, 3 collapsed, 6 healthy');
  });

  it('writes the new lines in Japanese', () => {
    const ja = summarize(resultsFixture('gradients-theory'), { lang: 'ja' });
    expect(ja).toContain('      平均場理論: 秩序相（χ₁ = 6.24e-4）、深さスケール 0.136 層');
    expect(ja).toMatch(
      / {6}勾配: Var\(δ\) 5層目 → 1層目で ×[\d.e+-]+（増える、1 層ごとに ×[\d.]+）/,
    );
    expect(ja).not.toContain('mean-field');
  });

  it('prints neither line when the results carry no such fields', () => {
    const plain = summarize(resultsFixture('book'));
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
