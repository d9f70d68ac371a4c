import type { RunResult } from '@initscope/results';
import { predictedGradientVariance } from './gradients.js';
import { allGridLayersUpTo, gridLayers } from './grid-layers.js';
import { gradientPanels } from './histogram-panels.js';
import type { PageChart } from './page.js';
import { histogramGridSpec } from './specs/histogram-grid.js';
import { type LayerPoint, perLayerSpec } from './specs/per-layer.js';
import { chartConfig, type SpecContext } from './specs/theme.js';

/** The gradient charts of one activation. */
export interface GradientCharts {
  /** δˡ histograms: rows = initializers, columns = layers. */
  figure: PageChart;
  /** Var(δˡ) per layer (with the mean-field prediction when there is theory) and the weight-gradient norm. */
  summaries: PageChart[];
}

/**
 * The gradient charts of an activation's completed runs, anchored under `id`; undefined when no
 * run carries gradients.
 */
export function gradientCharts(
  activation: string,
  id: string,
  completed: readonly RunResult[],
  layers: number,
  context: SpecContext,
): GradientCharts | undefined {
  const m = context.messages;
  const withGradients = completed.filter((run) => run.layers.some((stats) => stats.gradients));
  if (withGradients.length === 0) return undefined;
  const withConfig = (spec: object) => ({ ...spec, config: chartConfig(m) });
  const panels = withGradients.flatMap((run) => gradientPanels(run));
  const figure: PageChart = {
    id: `${id}-gradient-histograms`,
    title: m.gradientFigureTitle(activation),
    description:
      layers > allGridLayersUpTo
        ? `${m.sharedDomainNote} ${m.gridLayersNote(gridLayers(layers), layers, 'lines')}`
        : m.sharedDomainNote,
    spec: withConfig(
      histogramGridSpec(panels, context, { logCounts: false, book: false, layers, sharedX: true }),
    ),
  };
  const points = (value: (stats: RunResult['layers'][number]) => number | null | undefined) =>
    withGradients.flatMap((run) =>
      run.layers.flatMap((stats): LayerPoint[] => {
        const v = value(stats);
        return v == null || !Number.isFinite(v)
          ? []
          : [{ init: run.init, layer: stats.layer, value: v }];
      }),
    );
  const predicted = withGradients.flatMap((run) =>
    (predictedGradientVariance(run) ?? []).map((point) => ({ init: run.init, ...point })),
  );
  const variance: PageChart = {
    id: `${id}-gradient-variance`,
    title: m.gradientVarianceTitle(activation),
    description:
      predicted.length > 0
        ? `${m.gradientVarianceText} ${m.gradientTheoryText}`
        : m.gradientVarianceText,
    spec: withConfig(
      perLayerSpec(
        points((stats) => stats.gradients?.variance),
        layers,
        { title: m.gradientVarianceAxis, kind: 'log' },
        context,
        predicted.length > 0
          ? { points: predicted, simulated: m.simulatedLegend, predicted: m.theoryLegend }
          : undefined,
      ),
    ),
  };
  const norm: PageChart = {
    id: `${id}-weight-gradients`,
    title: m.weightGradTitle(activation),
    description: m.weightGradText,
    spec: withConfig(
      perLayerSpec(
        points((stats) => stats.gradients?.weightGradNorm),
        layers,
        { title: m.weightGradAxis, kind: 'log' },
        context,
      ),
    ),
  };
  return { figure, summaries: [variance, norm] };
}
