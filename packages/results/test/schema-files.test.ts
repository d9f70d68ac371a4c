import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaFiles, schemaText } from '../src/schema-files.js';

describe('the committed JSON Schema files', () => {
  for (const [name, schema] of Object.entries(schemaFiles)) {
    it(`schema/${name} is what the TypeBox definitions emit (else run \`npm run schema -w @initscope/results\`)`, () => {
      const committed = readFileSync(new URL(`../schema/${name}`, import.meta.url), 'utf8');
      expect(committed === schemaText(schema), `schema/${name} is out of date`).toBe(true);
    });
  }
});
