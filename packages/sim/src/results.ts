/**
 * The results contract lives in `@initscope/results` (types, JSON Schema, fixtures); sim re-exports
 * its types so `import type { Results } from '@initscope/sim'` keeps working. See docs/results.md.
 */
export type {
  CompletedRun,
  ErroredRun,
  Histogram,
  LayerGradients,
  LayerStats,
  LayerTheory,
  Phase,
  PhaseDiagram,
  Results,
  ResultsConfig,
  RunResult,
  RunState,
  RunTheory,
} from '@initscope/results';
