import type { PhaseDiagram } from '@initscope/results';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../src/html.js';
import { en } from '../src/i18n/en.js';
import { ja } from '../src/i18n/ja.js';
import { phaseColorClamp, renderPhaseReport, resolvePhaseReportOptions } from '../src/index.js';
import {
  cellEdges,
  gridScale,
  lineRows,
  maxPhaseLines,
  placePoints,
  stackLabels,
} from '../src/specs/phase-heatmap.js';
import { phaseFixture } from './fixtures.js';
import { chartsOf, ownPartOf, type Row, renderSvg, rowsOf } from './page-parts.js';

type Layered = { layer: { mark: { type: string }; encoding: Record<string, unknown> }[] };

describe('renderPhaseReport()', () => {
  const diagram = phaseFixture('tanh');
  const html = renderPhaseReport(diagram);
  const own = ownPartOf(html);
  const charts = chartsOf(html);
  const heatmap = charts.find((chart) => chart.id === 'phase-heatmap')?.spec ?? {};

  it('is a full offline page built on the report’s skeleton', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain(`<title>${en.phaseReportTitle('tanh')}</title>`);
    expect(html).toContain("connect-src 'none'");
    expect(html.match(/<script[^>]*\ssrc=/i)?.[0]).toBeUndefined();
    expect(charts.map((chart) => chart.id)).toEqual(['phase-heatmap', 'phase-lines']);
    expect(Buffer.byteLength(html)).toBeLessThan(2 * 1024 * 1024);
    expect(resolvePhaseReportOptions('relu')).toEqual({
      lang: 'en',
      title: en.phaseReportTitle('relu'),
    });
  });

  it('has specs that compile and render to SVG in Node', async () => {
    for (const { id, spec } of charts) expect(await renderSvg(spec), id).toContain('<path');
  });

  it('colors every cell by χ₁ on a log scale centred on 1, clamped', () => {
    const cells = rowsOf(heatmap).filter((row) => row.k === 'cell');
    expect(cells).toHaveLength(diagram.sigmaW2.length * diagram.sigmaB2.length);
    const layers = (heatmap as Layered).layer;
    expect(layers[0]?.encoding.color).toMatchObject({
      field: 'shown',
      scale: {
        type: 'log',
        domain: [1 / phaseColorClamp, phaseColorClamp],
        domainMid: 1,
        clamp: true,
      },
    });
    for (const cell of cells) {
      expect(cell.shown).toBe(Math.min(4, Math.max(0.25, cell.chi1 as number)));
    }
    // cells tile the plane: each ends where the next begins
    const row0 = cells.filter((cell) => cell.sigmaB2 === 0);
    for (let i = 1; i < row0.length; i++)
      expect(row0[i]?.x0).toBeCloseTo(row0[i - 1]?.x1 as number, 12);
  });

  it('draws the χ₁ = 1 edge as a line and labels it', () => {
    const edge = rowsOf(heatmap).filter((row) => row.k === 'edge');
    expect(edge).toHaveLength(diagram.edge.filter((point) => point.sigmaW2 !== null).length);
    // tanh at σ_b = 0: the edge of chaos is at σ_w² = 1
    expect(edge.find((row) => row.y === 0)?.x).toBeCloseTo(1, 1);
    expect(rowsOf(heatmap).find((row) => row.k === 'edge-label')?.text).toBe(
      'χ₁ = 1: edge of chaos',
    );
    const marks = (heatmap as Layered).layer.map((layer) => layer.mark.type);
    expect(marks).toEqual([
      'rect',
      'rect',
      'line',
      'text',
      'text',
      'point',
      'rule',
      'text',
      'text',
    ]);
  });

  it('puts σ_w² on a log axis from 0.0032 to 316 with decade ticks, the book’s four initializers inside', async () => {
    const x = (heatmap as Layered).layer[0]?.encoding.x as {
      scale: { type: string; domain: [number, number] };
      axis: { values: number[] };
    };
    expect(x.scale.type).toBe('log');
    expect(x.scale.domain[0]).toBeLessThan(0.004);
    expect(x.scale.domain[1]).toBeGreaterThan(300);
    expect(x.axis.values).toEqual([0.01, 0.1, 1, 10, 100]);
    expect(diagram.sigmaW2).toHaveLength(81);
    expect(diagram.sigmaB2).toHaveLength(51);
    const points = rowsOf(heatmap).filter((row) => row.k === 'point');
    // std:1 → σ_w² = 100·1² = 100, std:0.01 → 0.01, xavier → 1, he → 2: no arrow, no clamping
    expect(points.map((row) => [row.label, row.outside])).toEqual([
      ['std:1', false],
      ['std:0.01', false],
      ['xavier', false],
      ['he', false],
    ]);
    for (const [i, sigmaW2] of [100, 0.01, 1, 2].entries())
      expect(points[i]?.x).toBeCloseTo(sigmaW2, 12);
    for (const point of points) {
      expect(point.x as number).toBeGreaterThan(x.scale.domain[0] * 2);
      expect(point.x as number).toBeLessThan(x.scale.domain[1] / 2);
    }
    expect(own).not.toContain(en.pointsOutside);
  });

  it('labels every configuration above its marker', async () => {
    const points = rowsOf(heatmap).filter((row) => row.k === 'point');
    for (const point of points) {
      expect(point.labelY as number, String(point.label)).toBeGreaterThan(point.y as number);
      expect(point.text).toBe(point.label);
    }
    const svg = await renderSvg(heatmap);
    for (const label of ['std:1', 'std:0.01', 'xavier', 'he', 'χ₁ = 1: edge of chaos'])
      expect(svg).toContain(`>${label}<`);
    expect(own).toContain(
      '<tr><td><code>xavier</code></td><td>1</td><td>0</td><td>1</td><td><span class="phase phase-critical">critical</span></td></tr>',
    );
  });

  it('explains ordered, chaotic and critical, and tanh’s critical point', () => {
    for (const text of en.phaseExplain) expect(own).toContain(escapeHtml(text));
    expect(own).toContain(en.phaseActivationText.tanh);
    expect(own).toContain(escapeHtml(en.phaseHeatmapText(phaseColorClamp)));
  });

  it('draws ReLU’s edge of chaos at σ_w² = 2 for every σ_b² and names its critical point', () => {
    const diagram = phaseFixture('relu');
    const relu = renderPhaseReport(diagram);
    const spec = chartsOf(relu)[0]?.spec ?? {};
    // χ₁ = σ_w²/2 for ReLU whatever q: every cell has a value
    expect(rowsOf(spec).filter((row) => row.k === 'diverges')).toEqual([]);
    const edge = rowsOf(spec).filter((row) => row.k === 'edge');
    expect(edge).toHaveLength(diagram.sigmaB2.length);
    for (const row of edge) expect(row.x).toBeCloseTo(2, 1);
    expect(ownPartOf(relu)).toContain(
      'The critical point is σ_w² = 2, σ_b² = 0 — He initialization',
    );
  });

  it('writes every text in Japanese', async () => {
    const page = renderPhaseReport(diagram, { lang: 'ja' });
    const text = ownPartOf(page);
    expect(page).toContain('<html lang="ja">');
    for (const line of [
      ja.phaseReportTitle('tanh'),
      ja.phaseHeatmapTitle,
      ja.pointsTitle,
      ja.phaseActivationText.tanh ?? '',
      ...ja.phaseExplain.map(escapeHtml),
      '<span class="phase phase-chaotic">カオス相</span>',
    ]) {
      expect(text).toContain(line);
    }
    for (const line of [en.pointsTitle, en.phaseExplain[0] ?? '', 'chaotic</span>']) {
      expect(text).not.toContain(line);
    }
    const svg = await renderSvg(chartsOf(page)[0]?.spec ?? {});
    expect(svg).toContain('σ_w² = fan_in·Var(W)');
  });

  it('draws at most six σ_b² lines with a legend of their values, and the points at their χ₁', async () => {
    const lines = charts.find((chart) => chart.id === 'phase-lines')?.spec as {
      layer: { data: { values: Row[] }; layer?: { mark: { type: string } }[] }[];
    };
    const rows = lines.layer[0]?.data.values ?? [];
    expect([...new Set(rows.map((row) => row.sigmaB2))]).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(rows).toHaveLength(6 * diagram.sigmaW2.length);
    const points = lines.layer[2]?.data.values ?? [];
    expect(points.map((point) => [point.text, point.y])).toEqual(
      diagram.points.map((point) => [point.init, point.chi1]),
    );
    const svg = await renderSvg(lines);
    for (const label of ['0', '0.1', '0.5', 'χ₁ = 1: edge of chaos', 'xavier', 'he'])
      expect(svg).toContain(`>${label}<`);
  });

  it('renders a diagram without points, on a log-spaced grid, with null cells', async () => {
    const sparse: PhaseDiagram = {
      tool: 'initscope',
      version: '0.1.0',
      activation: 'gelu',
      sigmaW2: [0.1, 0.2, 0.4, 0.8, 1.6, 3.2],
      sigmaB2: [0],
      chi1: [[0.1, 0.2, 0.4, 0.8, null, null]],
      edge: [{ sigmaB2: 0, sigmaW2: null }],
      points: [],
    };
    const page = renderPhaseReport(sparse);
    expect(ownPartOf(page)).toContain(en.noPoints);
    const [heat, lines] = chartsOf(page).map((chart) => chart.spec);
    expect((heat as Layered).layer[0]?.encoding.x).toMatchObject({ scale: { type: 'log' } });
    // the cells whose fixed point diverges (null χ₁) are drawn apart
    const diverging = rowsOf(heat ?? {}).filter((row) => row.k === 'diverges');
    expect(diverging.map((row) => row.sigmaW2)).toEqual([1.6, 3.2]);
    expect(await renderSvg(heat ?? {})).toContain('<path');
    expect(await renderSvg(lines ?? {})).toContain('<path');
  });
});

describe('phase grid helpers', () => {
  it('picks a log axis for ratio-spaced grids spanning more than ×20', () => {
    expect(gridScale([0.25, 0.5, 0.75, 1, 4])).toBe('linear');
    expect(gridScale([0.01, 0.1, 1, 10])).toBe('log');
    expect(gridScale([0, 1, 10, 100])).toBe('linear');
  });

  it('puts cell edges halfway between grid values', () => {
    expect(cellEdges([1, 2, 4], 'linear')).toEqual([
      [0.5, 1.5],
      [1.5, 3],
      [3, 5],
    ]);
    const [first] = cellEdges([1, 4, 16], 'log');
    expect(first?.[0]).toBeCloseTo(0.5, 12);
    expect(first?.[1]).toBeCloseTo(2, 12);
  });

  it('picks at most six evenly spread σ_b² rows, first and last included', () => {
    expect(maxPhaseLines).toBe(6);
    expect(lineRows([0, 1, 2])).toEqual([0, 1, 2]);
    expect(lineRows(Array.from({ length: 51 }, (_, i) => i / 100))).toEqual([
      0, 10, 20, 30, 40, 50,
    ]);
    expect(lineRows(Array.from({ length: 60 }, (_, i) => i))).toEqual([0, 12, 24, 35, 47, 59]);
  });

  it('stacks labels that would overlap and keeps them inside the plot', () => {
    const x = { scale: 'log' as const, domain: [0.01, 100] as [number, number], length: 400 };
    const y = { scale: 'linear' as const, domain: [0, 1] as [number, number], length: 300 };
    const placed = stackLabels(
      [
        { x: 1, y: 0, text: 'xavier' },
        { x: 1.1, y: 0, text: 'lecun' },
        { x: 2, y: 0, text: 'he' },
        { x: 0.01, y: 0, text: 'std:0.01' },
        { x: 30, y: 0, text: 'far' },
        { x: 50, y: 1, text: 'top' },
      ],
      x,
      y,
    );
    expect(placed.map((label) => label.row)).toEqual([0, 1, 2, 0, 0, 0]);
    // stacked labels rise; a label at the plot's top goes below its marker
    expect(placed[1]?.labelY).toBeGreaterThan(placed[0]?.labelY as number);
    expect(placed[5]?.labelY).toBeLessThan(1);
    // a label at the left edge is shifted right so that it starts inside the plot
    expect(placed[3]?.labelX).toBeGreaterThan(0.01);
    expect(placed[2]?.labelX).toBeCloseTo(2, 12);
  });

  it('merges configurations that land on the same spot', () => {
    const placed = placePoints(
      {
        ...phaseFixture('tanh'),
        points: [
          { init: 'xavier', sigmaW2: 1, sigmaB2: 0, chi1: 1, phase: 'critical' },
          { init: 'lecun', sigmaW2: 0.9999999999999998, sigmaB2: 0, chi1: 1, phase: 'critical' },
          { init: 'big-bias', sigmaW2: 1, sigmaB2: 9, chi1: 0.5, phase: 'ordered' },
        ],
      },
      [0, 4],
      [0, 1],
    );
    expect(placed.map((point) => point.label)).toEqual(['xavier, lecun', 'big-bias ▲']);
    expect(placed[1]).toMatchObject({ y: 1, outside: true });
  });
});
