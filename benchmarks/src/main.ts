import { writeBenchPage } from './page.js';
import { writeResults } from './results.js';
import { runBenchmarks } from './run.js';
import { benchSettings } from './settings.js';
import { formatTable } from './table.js';
import { trainIterations } from './train-book.js';

// `npm run bench` (BENCH_QUICK=1 for the quick mode): run, write results/latest.{json,html}, print.

// a bad setting stops the run before anything is timed or written: one line, exit 2
try {
  trainIterations();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}

const settings = benchSettings();
const started = performance.now();
console.log(`initscope benchmarks, ${settings.mode} mode (BENCH_QUICK=1 for quick)\n`);
const document = await runBenchmarks({ settings });
const json = await writeResults(document);
let html: string | undefined;
try {
  html = await writeBenchPage(document);
} catch (error) {
  console.error(
    `The HTML page could not be rendered: ${error instanceof Error ? error.message : error}`,
  );
  process.exitCode = 1;
}
console.log(`\n${formatTable(document)}\n`);
console.log(
  `wrote ${json}${html ? ` and ${html}` : ''} in ${((performance.now() - started) / 1e3).toFixed(1)} s`,
);
