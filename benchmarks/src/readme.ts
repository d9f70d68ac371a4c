import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { checkOutput, writeOutputs } from '@initscope/cli/output';
import { performanceSection, replacePerformanceSection } from './readme-section.js';
import { defaultResultsDir, type ResultsDocument } from './results.js';

// `npm run bench:readme`: rewrites the root README's Performance section from results/latest.json.

const readmePath = path.resolve(import.meta.dirname, '..', '..', 'README.md');
const resultsPath = path.join(defaultResultsDir, 'latest.json');
let document: ResultsDocument;
try {
  document = JSON.parse(await readFile(resultsPath, 'utf8')) as ResultsDocument;
} catch (error) {
  console.error(
    `Cannot read ${resultsPath} (run \`npm run bench\` first): ${(error as Error).message}`,
  );
  process.exit(2);
}
const readme = await readFile(readmePath, 'utf8');
try {
  // The cli's writer: a linked README stays a link, and a failed write leaves the old file whole.
  await writeOutputs([
    [
      checkOutput('README', readmePath),
      replacePerformanceSection(readme, performanceSection(document)),
    ],
  ]);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
console.log(`rewrote the Performance section of ${readmePath} from ${resultsPath}`);
