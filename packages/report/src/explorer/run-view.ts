import type { Results } from '@initscope/results';
import { messagesFor } from '../i18n/tables.js';
import type { Lang } from '../lang.js';
import { envelopeSpec, envelopeText, stdBandSpec } from '../specs/seed-bands.js';
import { chartConfig, type SpecContext } from '../specs/theme.js';
import { type VerdictKind, verdict } from '../verdict.js';
import { verdictCellText } from '../verdict-cell.js';

/** One chart of the explorer: what the static report titles and explains it with, and its vega-lite spec. */
export interface ExplorerChart {
  title: string;
  description: string;
  spec: object;
}

/** One row of the explorer's verdict table, in the words of the report's verdict table. */
export interface ExplorerVerdict {
  activation: string;
  init: string;
  kind: VerdictKind;
  label: string;
  /** `in 8/8 seeds`, as the report prints after the label; null with one seed. */
  inSeeds: string | null;
  evidence: string;
}

/** The seed-band charts of one activation (`--seeds K`), the report's own specs. */
export interface ExplorerBands {
  activation: string;
  std: ExplorerChart;
  /** Null when no layer has common bins over the seeds (ReLU's per-seed 0,max range). */
  envelope: ExplorerChart | null;
}

/** What the explorer draws from a results document besides the histogram grid and the stats table. */
export interface ExplorerRunView {
  /** Section headings of the verdict table, per activation. */
  verdictsTitles: string[];
  verdicts: ExplorerVerdict[];
  /** Empty with one seed. */
  bands: ExplorerBands[];
}

/**
 * The explorer's verdicts and seed bands of a results document, built by the same functions as the
 * static report (`renderReport`): verdict cells, `stdBandSpec`, `envelopeSpec`, titles and texts.
 */
export function explorerRunView(results: Results, lang: Lang): ExplorerRunView {
  const m = messagesFor(lang);
  const inits = [...new Set(results.runs.map((run) => run.init))];
  const context: SpecContext = { messages: m, inits };
  const seeds = results.config.seeds;
  const activations = [...new Set(results.runs.map((run) => run.activation))];
  const verdicts = results.runs.map((run): ExplorerVerdict => {
    const v = verdict(run);
    const text = verdictCellText(m, v, run, seeds);
    return {
      activation: run.activation,
      init: run.init,
      kind: v.kind,
      label: text.label,
      inSeeds: text.inSeeds,
      evidence: m.verdictEvidence(v),
    };
  });
  const withConfig = (spec: object) => ({ ...spec, config: chartConfig(m) });
  const bands: ExplorerBands[] = [];
  if (seeds !== undefined) {
    for (const activation of activations) {
      const completed = results.runs.flatMap((run) =>
        run.activation === activation && run.state === 'completed' ? [run] : [],
      );
      if (completed.length === 0) continue;
      const layers = Math.max(results.config.layers, ...completed.map((run) => run.layers.length));
      const envelope = envelopeSpec(completed, layers, context);
      bands.push({
        activation,
        std: {
          title: m.seedStdTitle(activation, seeds),
          description: m.seedStdText,
          spec: withConfig(stdBandSpec(completed, layers, m.stdAxis, context)),
        },
        envelope: envelope
          ? {
              title: m.seedEnvelopeTitle(activation, seeds),
              description: envelopeText(layers, m),
              spec: withConfig(envelope),
            }
          : null,
      });
    }
  }
  return { verdictsTitles: activations.map((a) => m.verdictsTitle(a)), verdicts, bands };
}
