// Runs the built CLI (packages/cli/bin/initscope.js; `npm run build` first) with small
// configurations and writes what it printed with --json to fixtures/<name>.json, compacted:
// the same values as the CLI's 2-space JSON, checked to round-trip, without the whitespace.
// Usage: npm run fixtures -w @initscope/results [-- name …]   (no names: every fixture)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../cli/bin/initscope.js', import.meta.url));
const cliBuild = fileURLToPath(new URL('../../cli/dist/index.js', import.meta.url));
const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The book's sweep (sigmoid, relu, tanh × std:1, std:0.01, xavier, he; 5 layers of 100; 30 bins; seed 42) on 200 samples. */
const book = 'run --samples 200';

/** name → the `initscope` command line that writes it (arguments split at spaces). */
const recipes = {
  book,
  'book-plot': `${book} --book`,
  'gradients-theory': `${book} --gradients --theory`,
  // std:1e40 is beyond f32: those four runs fail, the others complete.
  zoo:
    'run --activations leaky-relu:0.2,softsign,gelu,selu --inits lecun,he,std:1,std:1e40 ' +
    '--widths 64,128,64,32 --bias-std 0.1 --samples 100 --seed 7 --gradients',
  deep: 'run --activations tanh,relu --inits xavier,he --layers 20 --width 32 --samples 64 --bins 10',
  // relu std:1 grows ×√(1000/2) per layer and leaves f32's range at layer 29; std:1e30 leaves it at
  // layer 2 and its mean-field q leaves f64's range at layer 5.
  overflow:
    'run --activations relu --inits std:1,std:1e30 --layers 32 --width 1000 --samples 10 ' +
    '--bins 10 --gradients --theory',
  errored:
    'run --activations tanh,relu --inits he,std:1e40 --layers 3 --width 16 --samples 16 --bins 10',
  'phase-tanh': 'phase --activation tanh',
  'phase-relu': 'phase --activation relu',
  // a small net trained briefly on MNIST for two seeds: every run has a `band`
  'train-seeds':
    'train --widths 784,16,10 --inits std:0.01,he --iterations 20 --eval-every 10 ' +
    '--checkpoints 0,20 --seeds 2',
};

if (!existsSync(cliBuild)) {
  console.error('The CLI is not built: run `npm run build` at the repository root first.');
  process.exit(2);
}
const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(name in recipes)) {
    console.error(`Unknown fixture "${name}". Valid values: ${Object.keys(recipes).join(', ')}.`);
    process.exit(2);
  }
}

const work = mkdtempSync(join(tmpdir(), 'initscope-fixtures-'));
try {
  for (const [name, command] of Object.entries(recipes)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    const args = command.split(' ');
    const json = join(work, `${name}.json`);
    const html = join(work, `${name}.html`);
    execFileSync(process.execPath, [cli, ...args, '--json', json, '--out', html, '--quiet'], {
      stdio: 'inherit',
    });
    const written = readFileSync(json, 'utf8');
    const value = JSON.parse(written);
    if (`${JSON.stringify(value, null, 2)}\n` !== written) {
      throw new Error(`${name}: the CLI's JSON does not round-trip through JSON.parse`);
    }
    const compact = `${JSON.stringify(value)}\n`;
    writeFileSync(join(fixtures, `${name}.json`), compact);
    console.log(`fixtures/${name}.json  ${compact.length} bytes  initscope ${command}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
