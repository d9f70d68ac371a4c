#!/usr/bin/env node
// The consumer check: uses the packages as someone outside this repo would. It packs every workspace
// package (after `npm run build`), installs the tarballs into fresh projects in the system temp folder,
// and there
//   - for each package alone (with only its own @initscope dependencies): runs its README's js blocks
//     as ESM in Node, and `npm publish --dry-run` must print no warning;
//   - for all packages together: runs the root README's js block, type-checks a TypeScript consumer
//     with a Node-only tsconfig (lib ES2023, types node, skipLibCheck false), builds a vite page that
//     imports core-wasm, sim and report, serves it on localhost and runs it in Chromium (a sweep's JSON
//     and a rendered report must equal Node's, and the report must draw its charts), and runs the CLI's
//     bin from the installed tarball.
// Exit 0 when every step passed; otherwise the first failure's output and exit 1.
// INITSCOPE_KEEP=1 keeps the temp folder. Needs /usr/bin/chromium (or CHROMIUM_PATH=path).

import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..');
const repoRequire = createRequire(join(repo, 'package.json'));
const started = Date.now();

/** Workspace packages, each with the @initscope packages it needs at run time. */
const packages = {
  'core-wasm': [],
  results: [],
  sim: ['core-wasm', 'results'],
  report: ['results'],
  train: ['core-wasm', 'sim', 'results'],
  cli: ['report', 'sim', 'train', 'core-wasm', 'results'],
};

const work = mkdtempSync(join(tmpdir(), 'initscope-consumer-'));
const log = (line) => console.log(`consumer-check: ${line}`);

/** No single step may hang the check (a server left running, a prompt): each gets 10 minutes. */
const stepTimeout = 600_000;

function run(command, args, options = {}) {
  try {
    return execFileSync(command, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: stepTimeout,
      killSignal: 'SIGKILL',
      ...options,
      env: { ...process.env, npm_config_update_notifier: 'false', ...options.env },
    });
  } catch (error) {
    const where = options.cwd ? ` (in ${options.cwd})` : '';
    throw new Error(
      `${command} ${args.join(' ')}${where} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`,
    );
  }
}

/** The fenced blocks of one language in a markdown file. */
function codeBlocks(file, lang) {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map(
    (match) => match[1],
  );
}

function pack() {
  const folder = join(work, 'tarballs');
  mkdirSync(folder);
  const tarballs = {};
  for (const name of Object.keys(packages)) {
    const out = run('npm', ['pack', '--json', '--pack-destination', folder], {
      cwd: join(repo, 'packages', name),
    });
    const [info] = JSON.parse(out);
    const files = info.files.map((file) => file.path);
    if (!files.includes('LICENSE'))
      throw new Error(`@initscope/${name}: the tarball has no LICENSE`);
    tarballs[name] = join(folder, info.filename);
    log(`packed @initscope/${name}: ${info.size} bytes, ${files.length} files`);
  }
  return tarballs;
}

/** A fresh project that depends on the given packages (and their @initscope dependencies) only. */
function project(dir, names, tarballs, extra = {}) {
  const needed = new Set();
  const add = (name) => {
    if (needed.has(name)) return;
    needed.add(name);
    for (const dependency of packages[name]) add(dependency);
  };
  for (const name of names) add(name);
  const dependencies = Object.fromEntries(
    [...needed].map((name) => [`@initscope/${name}`, `file:${tarballs[name]}`]),
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies, ...extra }),
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], {
    cwd: dir,
  });
}

function runModule(dir, file, code) {
  writeFileSync(join(dir, file), code);
  return run(process.execPath, [file], { cwd: dir });
}

/**
 * A README command that serves until Ctrl-C: started on a free port (whatever port the README names),
 * its page fetched and compared with what `initscope explore` writes, then stopped with SIGINT, after
 * which it must exit 0 within a minute.
 */
async function serve(dir, args) {
  const portAt = args.indexOf('--port');
  const free = portAt === -1 ? [...args, '--port', '0'] : args.with(portAt + 1, '0');
  const bin = join(dir, 'node_modules', '.bin', 'initscope');
  const child = spawn(bin, free, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  const deadline = (ms, what) =>
    new Promise((_, reject) => setTimeout(() => reject(new Error(what)), ms).unref());
  let output = '';
  try {
    const url = await Promise.race([
      new Promise((resolve) => {
        const collect = (chunk) => {
          output += String(chunk);
          const match = /http:\/\/127\.0\.0\.1:\d+\//.exec(output);
          if (match) resolve(match[0]);
        };
        child.stdout.on('data', collect);
        child.stderr.on('data', collect);
      }),
      exited.then((code) => {
        throw new Error(`exited ${code} before serving`);
      }),
      deadline(60_000, 'printed no URL within 60 s'),
    ]);
    const response = await fetch(url);
    const page = await response.text();
    const written = run(
      'npx',
      ['--no-install', 'initscope', 'explore', '--out', '-', ...langOf(args)],
      {
        cwd: dir,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (response.status !== 200 || page !== written) {
      throw new Error(
        `served ${response.status}, ${page.length} characters; the written page has ${written.length}`,
      );
    }
    child.kill('SIGINT');
    const code = await Promise.race([
      exited,
      deadline(60_000, 'did not stop within 60 s of Ctrl-C'),
    ]);
    if (code !== 0) throw new Error(`exited ${code} after Ctrl-C`);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`initscope ${args.join(' ')}: ${error.message}\n${output}`);
  }
}

/** The `--lang` flag of a command, if it has one. */
function langOf(args) {
  const at = args.indexOf('--lang');
  return at === -1 ? [] : ['--lang', args[at + 1]];
}

async function alone(name, tarballs) {
  const dir = join(work, `alone-${name}`);
  project(dir, [name], tarballs);
  if (name === 'report') {
    // the README starts from any results document; the results package ships the book's sweep
    const fixture = createRequire(join(dir, 'package.json')).resolve(
      '@initscope/results/fixtures/book.json',
    );
    writeFileSync(join(dir, 'results.json'), readFileSync(fixture));
    // and its training page from any training document: the one `initscope train --seeds 2` wrote
    const training = createRequire(join(dir, 'package.json')).resolve(
      '@initscope/results/fixtures/train-seeds.json',
    );
    writeFileSync(join(dir, 'train.json'), readFileSync(training));
  }
  const readme = join(repo, 'packages', name, 'README.md');
  for (const [index, block] of codeBlocks(readme, 'sh').entries()) {
    for (const line of block.split('\n')) {
      const command = line.replace(/\s+#.*$/, '').trim();
      if (!command.startsWith('npx initscope')) continue; // `npm install` is what project() did
      if (name !== 'cli') continue; // other packages don't install the command
      const args = command.split(/\s+/).slice(2);
      if (args.includes('--serve')) await serve(dir, args);
      else run('npx', ['--no-install', 'initscope', ...args], { cwd: dir });
      log(`@initscope/${name} README sh block ${index + 1}: ${command}`);
    }
  }
  const blocks = codeBlocks(readme, 'js');
  if (blocks.length === 0) throw new Error(`${readme} has no js example`);
  for (const [index, block] of blocks.entries()) {
    runModule(dir, `readme-${index + 1}.mjs`, block);
    log(`@initscope/${name} alone: README js block ${index + 1} ran`);
  }
  // npm prints its warnings on stderr; the one about not being logged in is the machine, not the package
  const dryRun = spawnSync('npm', ['publish', '--dry-run'], {
    cwd: join(repo, 'packages', name),
    encoding: 'utf8',
  });
  if (dryRun.status !== 0)
    throw new Error(`npm publish --dry-run for @initscope/${name} failed:\n${dryRun.stderr}`);
  const warnings = `${dryRun.stdout}\n${dryRun.stderr}`
    .split('\n')
    .filter((line) => /npm warn/i.test(line) && !/requires you to be logged in/i.test(line));
  if (warnings.length > 0) {
    throw new Error(`npm publish --dry-run for @initscope/${name} warns:\n${warnings.join('\n')}`);
  }
}

function typeCheck(dir) {
  writeFileSync(
    join(dir, 'consumer.ts'),
    `import { loadCore, type Core } from '@initscope/core-wasm';
import { sweep } from '@initscope/sim';
import { validateResults, type Results } from '@initscope/results';
import { renderReport, summarize } from '@initscope/report';
import { checkOutput } from '@initscope/cli/output';

const core: Core = await loadCore();
const y: Float32Array = core.matmul(new Float32Array(4), new Float32Array(4), 2, 2, 2);
const results: Results = await sweep({ activations: ['relu'], inits: ['he'], layers: 2, seed: 1 });
const outcome = validateResults(JSON.parse(JSON.stringify(results)));
const html: string = renderReport(results, { lang: 'en' });
console.log(y.length, outcome.valid, html.length, summarize(results), checkOutput('--out', 'x.html'));
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2023'],
        types: ['node'],
        typeRoots: [join(repo, 'node_modules', '@types')],
        skipLibCheck: false,
        strict: true,
        noEmit: true,
      },
      files: ['consumer.ts'],
    }),
  );
  run(join(repo, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json'], { cwd: dir });
  log('TypeScript consumer type-checks (lib ES2023, types node, skipLibCheck false)');
}

const browserConfig = {
  activations: ['tanh', 'relu'],
  inits: ['xavier', 'he'],
  layers: 3,
  seed: 7,
};

async function browser(dir) {
  const web = join(dir, 'web');
  mkdirSync(web);
  writeFileSync(
    join(web, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>consumer</title><script type="module" src="./main.js"></script>\n',
  );
  writeFileSync(
    join(web, 'main.js'),
    `import { loadCore } from '@initscope/core-wasm';
import { sweep } from '@initscope/sim';
import { renderReport, summarize } from '@initscope/report';

try {
  const core = await loadCore();
  const product = Array.from(core.matmul(Float32Array.of(1, 2, 3, 4), Float32Array.of(5, 6, 7, 8), 2, 2, 2));
  const results = await sweep(${JSON.stringify(browserConfig)});
  window.consumer = { product, json: JSON.stringify(results), html: renderReport(results, { lang: 'ja' }), summary: summarize(results) };
} catch (error) {
  window.consumer = { error: String(error && error.stack || error) };
}
`,
  );
  const { build } = await import(repoRequire.resolve('vite'));
  await build({
    root: web,
    logLevel: 'error',
    configFile: false,
    build: { outDir: join(web, 'dist'), target: 'es2022', assetsInlineLimit: 0 },
  });
  const bundle = readFileSync(join(web, 'dist', 'index.html'), 'utf8');
  if (!bundle.includes('<script')) throw new Error('vite wrote no script');
  log('vite built a page importing core-wasm, sim and report');

  // Node's answer for the same calls, from the same installed tarballs
  const expected = JSON.parse(
    runModule(
      dir,
      'node-side.mjs',
      `import { sweep } from '@initscope/sim';
import { renderReport, summarize } from '@initscope/report';
const results = await sweep(${JSON.stringify(browserConfig)});
console.log(JSON.stringify({ json: JSON.stringify(results), html: renderReport(results, { lang: 'ja' }), summary: summarize(results) }));
`,
    ),
  );

  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((request, response) => {
    const path = join(web, 'dist', new URL(request.url, 'http://x').pathname);
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    if (!file.startsWith(join(web, 'dist')) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const playwright = await import(repoRequire.resolve('playwright-core'));
  const { chromium } = playwright.default ?? playwright;
  const chrome = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const page = await chrome.newPage();
    const outside = [];
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        outside.push(url);
      }
    });
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => window.consumer !== undefined, null, { timeout: 60_000 });
    const got = await page.evaluate(() => window.consumer);
    if (got.error) throw new Error(`the bundled page failed in Chromium: ${got.error}`);
    if (got.product.join(',') !== '19,22,43,50') {
      throw new Error(`core-wasm matmul in Chromium gave ${got.product}`);
    }
    if (got.json !== expected.json) throw new Error('the sweep in Chromium differs from Node');
    if (got.html !== expected.html)
      throw new Error('the report rendered in Chromium differs from Node');
    if (got.summary !== expected.summary)
      throw new Error('the summary in Chromium differs from Node');
    log(`Chromium: the sweep JSON (${got.json.length} bytes) and the report equal Node's`);

    // the report the page rendered draws its charts offline
    const report = await chrome.newPage();
    await report.route('**/*', (route) => route.abort());
    await report.setContent(got.html, { waitUntil: 'load' });
    await report.waitForFunction(() => document.querySelectorAll('svg').length >= 4, null, {
      timeout: 60_000,
    });
    log(`Chromium: the rendered report drew ${await report.locator('svg').count()} charts`);
    if (outside.length > 0) throw new Error(`the page made requests: ${outside.join(', ')}`);
  } finally {
    await chrome.close();
    server.close();
  }
}

function cli(dir) {
  run('npx', ['--no-install', 'initscope', 'run', '--seed', '7', '--json', 'out.json', '--quiet'], {
    cwd: dir,
  });
  const outcome = JSON.parse(
    runModule(
      dir,
      'validate.mjs',
      `import { readFileSync } from 'node:fs';
import { validateResults } from '@initscope/results';
const outcome = validateResults(JSON.parse(readFileSync('out.json', 'utf8')));
console.log(JSON.stringify({ valid: outcome.valid, runs: outcome.valid ? outcome.value.runs.length : 0 }));
`,
    ),
  );
  if (!outcome.valid || outcome.runs !== 12) {
    throw new Error(`the installed CLI wrote invalid JSON: ${JSON.stringify(outcome)}`);
  }
  if (!existsSync(join(dir, 'initscope-report.html'))) throw new Error('the CLI wrote no report');
  let usage;
  try {
    execFileSync('npx', ['--no-install', 'initscope', 'run', '--activations', 'nope'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    usage = error;
  }
  if (usage?.status !== 2) throw new Error('the installed CLI did not exit 2 on a bad flag value');
  log('the installed CLI wrote a valid results JSON and a report, and exits 2 on bad input');
}

try {
  const tarballs = pack();
  for (const name of Object.keys(packages)) await alone(name, tarballs);
  const together = join(work, 'together');
  project(together, Object.keys(packages), tarballs);
  const [rootExample] = codeBlocks(join(repo, 'README.md'), 'js');
  runModule(together, 'readme.mjs', rootExample);
  log('root README js block ran with every package installed');
  typeCheck(together);
  await browser(together);
  cli(together);
  log(`passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (error) {
  console.error(`consumer-check: ${error.message}`);
  process.exitCode = 1;
} finally {
  if (process.env.INITSCOPE_KEEP) log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
// vite's build leaves handles open; nothing else is pending here
process.exit();
