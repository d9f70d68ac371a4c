import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { phaseDiagramSchema, phases, resultsSchema, runStates } from '../src/index.js';

describe('the contract schemas', () => {
  it('compile as strict draft-07 JSON Schema', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true, discriminator: true });
    expect(() => ajv.compile(resultsSchema)).not.toThrow();
    expect(() => ajv.compile(phaseDiagramSchema)).not.toThrow();
  });

  it('list the same phases and run states as the runtime lists', () => {
    const run = resultsSchema.properties.runs.items as unknown as {
      oneOf: { properties: { state: { const: string } } }[];
    };
    expect(run.oneOf.map((branch) => branch.properties.state.const)).toEqual([...runStates]);
    const point = phaseDiagramSchema.properties.points.items.properties.phase as unknown as {
      enum: unknown[];
    };
    expect(point.enum).toEqual([...phases, null]);
  });
});
