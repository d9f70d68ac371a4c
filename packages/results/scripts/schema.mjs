// Writes schema/*.schema.json from the TypeBox definitions (run `npm run schema`, which builds first).
import { writeFileSync } from 'node:fs';
import { schemaFiles, schemaText } from '../dist/schema-files.js';

for (const [name, schema] of Object.entries(schemaFiles)) {
  const file = new URL(`../schema/${name}`, import.meta.url);
  writeFileSync(file, schemaText(schema));
  console.log(`wrote schema/${name}`);
}
