import { describe, expect, it } from 'vitest';
import { gridLayers, layerTicks } from '../src/grid-layers.js';
import { coincidentSegments } from '../src/specs/per-layer.js';

describe('gridLayers()', () => {
  it('shows every layer up to 8', () => {
    expect(gridLayers(5)).toEqual([1, 2, 3, 4, 5]);
    expect(gridLayers(8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('shows the first, the 1-2-5 steps and the last beyond 8', () => {
    expect(gridLayers(9)).toEqual([1, 2, 5, 9]);
    expect(gridLayers(20)).toEqual([1, 2, 5, 10, 20]);
    expect(gridLayers(30)).toEqual([1, 2, 5, 10, 20, 30]);
    expect(gridLayers(50)).toEqual([1, 2, 5, 10, 20, 50]);
    expect(gridLayers(200)).toEqual([1, 2, 5, 10, 20, 50, 100, 200]);
  });
});

describe('layerTicks()', () => {
  it('labels every layer up to 10, then about 6 on a 1-2-5 step with the last', () => {
    expect(layerTicks(10)).toHaveLength(10);
    expect(layerTicks(20)).toEqual([1, 5, 10, 15, 20]);
    expect(layerTicks(50)).toEqual([1, 10, 20, 30, 40, 50]);
    // 30 would crowd 32: the last layer takes its place
    expect(layerTicks(32)).toEqual([1, 10, 20, 32]);
  });
});

describe('coincidentSegments()', () => {
  const line = (init: string, values: number[]) =>
    values.map((value, i) => ({ init, layer: i + 1, value }));

  it('groups the segments where lines coincide, in initializer order, and only those', () => {
    const points = [
      ...line('a', [0.5, 0.5, 0.5, 0.9]),
      ...line('b', [0.5, 0.5, 0.5, 0.1]),
      ...line('c', [0.1, 0.2, 0.3, 0.4]),
    ];
    expect(coincidentSegments(points, 'fraction')).toEqual([
      { init: 'a', layer: 1, size: 2, place: 0 },
      { init: 'b', layer: 1, size: 2, place: 1 },
      { init: 'a', layer: 2, size: 2, place: 0 },
      { init: 'b', layer: 2, size: 2, place: 1 },
    ]);
  });

  it('finds none when lines are apart by more than 2 px', () => {
    const points = [...line('a', [1, 10, 100]), ...line('b', [2, 20, 200])];
    expect(coincidentSegments(points, 'log')).toEqual([]);
  });
});
