import type { Static } from 'typebox';
import Type from 'typebox';
import { layerStatsSchema } from './layer-stats.js';
import { runTheorySchema } from './run-theory.js';
import { runVerdictSchema } from './verdict.js';

/** Whether a run finished: `completed`, or `errored` with its message and no layers. */
export const runStates = ['completed', 'errored'] as const;

/** Whether a run finished. */
export type RunState = (typeof runStates)[number];

const activation = Type.String({
  description: 'Activation id as given, e.g. `sigmoid` or `leaky-relu:0.2`.',
});
const init = Type.String({ description: 'Initializer id as given, e.g. `std:0.01` or `he`.' });
const theory = Type.Optional(runTheorySchema);
const seedVerdicts = Type.Optional(
  Type.Record(Type.String(), Type.Integer({ minimum: 1 }), {
    description:
      'With `--seeds K`: how many of the K seeds gave each verdict (e.g. `{ "collapsed": 20 }`), by the report’s verdict rules; kinds that did not occur are absent.',
  }),
);

/** Schema of {@link CompletedRun}. */
export const completedRunSchema = Type.Object(
  {
    activation,
    init,
    state: Type.Literal('completed'),
    weightStd: Type.Array(Type.Number({ minimum: 0 }), {
      description:
        '√E[w²] of each layer’s weights, as the initializer chose it for the layer’s fan-in and fan-out.',
    }),
    layers: Type.Array(layerStatsSchema, { minItems: 1, description: 'Layer 1 first.' }),
    theory,
    seedVerdicts,
    verdict: Type.Optional(runVerdictSchema),
  },
  { description: 'One (activation, initializer) configuration pushed through the layer stack.' },
);

/** One (activation, initializer) configuration pushed through the layer stack. */
export interface CompletedRun extends Static<typeof completedRunSchema> {}

/** Schema of {@link ErroredRun}. */
export const erroredRunSchema = Type.Object(
  {
    activation,
    init,
    state: Type.Literal('errored'),
    message: Type.String({ description: 'Why the run failed.' }),
    weightStd: Type.Array(Type.Number(), { maxItems: 0, description: 'Always empty.' }),
    layers: Type.Array(layerStatsSchema, { maxItems: 0, description: 'Always empty.' }),
    theory,
    seedVerdicts,
  },
  {
    description:
      'A configuration that failed (e.g. weights beyond the f32 range); the other runs of the sweep are unaffected.',
  },
);

/** A configuration that failed; it carries its message and no layers. */
export interface ErroredRun extends Static<typeof erroredRunSchema> {}

/** Schema of {@link RunResult}: the two kinds of run, told apart by `state`. */
export const runResultSchema = Type.Unsafe<CompletedRun | ErroredRun>({
  type: 'object',
  discriminator: { propertyName: 'state' },
  oneOf: [completedRunSchema, erroredRunSchema],
  description: 'One run of the sweep, completed or errored (told apart by `state`).',
});

/** One run of the sweep, completed or errored (told apart by `state`). */
export type RunResult = CompletedRun | ErroredRun;
