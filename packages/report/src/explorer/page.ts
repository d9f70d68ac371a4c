import { vegaBundles } from '../bundles.js';
import { escapeHtml, escapeScript, jsonForScript } from '../html.js';
import type { Lang } from '../lang.js';
import { explorerScript } from './script.js';
import { explorerText } from './text.js';

/** What the explorer page is built from; the simulation code comes in as text, so report never imports sim. */
export interface ExplorerPageInput {
  lang: Lang;
  /** A classic script for a Web Worker that runs the sweeps (the cli bundles sim + core-wasm into it). */
  workerScript: string;
  /** The core-wasm module bytes as base64, inlined and handed to the worker. */
  wasmBase64: string;
  /** Choices for the selects. */
  activations: readonly string[];
  inits: readonly string[];
  /** Activations that take an α (`leaky-relu:<α>`). */
  alphaActivations: readonly string[];
}

/**
 * The explorer's Content-Security-Policy: the report's, plus WebAssembly compilation and blob-URL
 * workers (the worker's code is inlined text). Still no connect, no remote anything.
 */
export const explorerContentSecurityPolicy =
  "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; worker-src blob:; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'";

const styles = `
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, sans-serif; color: #1f2328; font-size: 15px; line-height: 1.5; }
main { max-width: 1400px; margin: 0 auto; padding: 16px 20px 48px; display: grid; grid-template-columns: 320px 1fr; gap: 24px; }
h1 { font-size: 1.4rem; margin: 0 0 8px; grid-column: 1 / -1; }
form { display: flex; flex-direction: column; gap: 10px; }
label { display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; align-items: center; font-weight: 600; }
label input[type=range], label select, label input[type=number], label input[type=text] { grid-column: 1 / -1; width: 100%; font: inherit; }
output { font-variant-numeric: tabular-nums; font-weight: 400; color: #0969da; }
.check { display: flex; grid-template-columns: none; gap: 8px; font-weight: 400; }
.buttons { display: flex; gap: 8px; flex-wrap: wrap; }
button { font: inherit; padding: 4px 10px; }
fieldset { border: 1px solid #d8dee4; padding: 6px 10px; display: flex; flex-direction: column; gap: 6px; }
#status { min-height: 1.5em; color: #59636e; }
progress { width: 100%; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 13px; }
td, th { padding: 2px 8px; border-bottom: 1px solid #d8dee4; text-align: right; }
.table-scroll { overflow-x: auto; }
#chart, #chart.vega-embed { display: block; overflow-x: auto; }
main > section { min-width: 0; }
figure { margin: 0 0 12px; } figcaption { color: #59636e; font-size: 13px; }
h2 { font-size: 1.05rem; margin: 16px 0 6px; }
#verdict-table td, #verdict-table th { text-align: left; }
.verdict-healthy { color: #1a7f37; }
.verdict-saturated, .verdict-collapsed, .verdict-exploding, .verdict-dead { color: #9a6700; }
.verdict-overflow, .verdict-errored { color: #c0392b; }
.chart-scroll { overflow-x: auto; max-width: 100%; }
#phase { touch-action: none; }
#phase-point { width: fit-content; }
#phase-point:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
@media (max-width: 800px) { main { grid-template-columns: 1fr; padding: 12px; } }
`;

function select(id: string, label: string, choices: readonly string[], none?: string): string {
  const options =
    (none === undefined ? '' : `<option value="">${escapeHtml(none)}</option>`) +
    choices
      .map((choice) => `<option value="${escapeHtml(choice)}">${escapeHtml(choice)}</option>`)
      .join('');
  return `<label for="${id}">${escapeHtml(label)}<select id="${id}" name="${id}">${options}</select></label>`;
}

function range(id: string, label: string, min: number, max: number, step: number): string {
  return `<label for="${id}">${escapeHtml(label)} <output id="${id}-value" for="${id}"></output><input type="range" id="${id}" name="${id}" min="${min}" max="${max}" step="${step}"></label>`;
}

function check(id: string, label: string): string {
  return `<label class="check" for="${id}"><input type="checkbox" id="${id}" name="${id}">${escapeHtml(label)}</label>`;
}

/** The live explorer: one self-contained page (vega, the worker bundle and the WASM inlined). */
export function renderExplorerPage(input: ExplorerPageInput): string {
  const t = explorerText[input.lang];
  const scripts = vegaBundles()
    .map((bundle) => `<script class="vega-bundle">${escapeScript(bundle)}</script>`)
    .join('\n');
  const inits = [...input.inits.filter((id) => !id.includes('<')), 'σ_w'];
  const form = [
    select('activation', t.activation, input.activations),
    `<label for="alpha">α <output id="alpha-value" for="alpha"></output><input type="number" id="alpha" name="alpha" min="0" step="0.01"></label>`,
    select('init', t.init, inits),
    range('sigma', t.sigma, -3, 1, 0.01),
    range('biasStd', t.biasStd, 0, 2, 0.01),
    range('layers', t.layers, 1, 100, 1),
    range('width', t.width, 2, 1024, 1),
    range('samples', t.samples, 10, 5000, 10),
    `<label for="seed">${escapeHtml(t.seed)}<input type="number" id="seed" name="seed" min="0" max="4294967295" step="1"></label>`,
    range('bins', t.bins, 5, 100, 1),
    check('logCounts', t.logCounts),
    check('gradients', t.gradients),
    check('theory', t.theory),
    check('bands', t.bands),
    range('seeds', t.seeds, 2, 100, 1),
    range('threads', t.threads, 1, 8, 1),
    `<fieldset><legend>${escapeHtml(t.compare)}</legend>${[2, 3, 4].map((n) => select(`init${n}`, `${t.init} ${n}`, inits, t.none)).join('')}</fieldset>`,
  ].join('\n');
  const config = {
    text: t,
    lang: input.lang,
    wasm: input.wasmBase64,
    alphaActivations: input.alphaActivations,
  };
  return `<!doctype html>
<html lang="${input.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${explorerContentSecurityPolicy}">
<meta name="generator" content="initscope">
<link rel="icon" href="data:,">
<title>${escapeHtml(t.title)}</title>
<style>${styles}</style>
</head>
<body>
<main>
<h1>${escapeHtml(t.title)}</h1>
<section aria-label="${escapeHtml(t.controls)}">
<form id="controls" onsubmit="return false">
${form}
<div class="buttons"><button type="button" id="export-json">${escapeHtml(t.exportJson)}</button><button type="button" id="export-report">${escapeHtml(t.exportReport)}</button></div>
<div id="status" role="status" aria-live="polite"></div>
<progress id="progress" max="1" value="0" hidden></progress>
</form>
</section>
<section aria-label="${escapeHtml(t.results)}">
<figure id="phase-plane"><figcaption>${escapeHtml(t.phase)}</figcaption><div id="phase-point" tabindex="0" role="slider" aria-roledescription="2D slider" aria-label="${escapeHtml(t.phasePoint)}" aria-valuemin="0" aria-valuemax="100"><div id="phase"></div></div><output id="phase-value" for="phase-point"></output></figure>
<div id="chart"></div>
<section id="verdicts" aria-labelledby="verdicts-title"><h2 id="verdicts-title"></h2><div class="table-scroll"><table id="verdict-table"><thead><tr><th>${escapeHtml(t.init)}</th><th>${escapeHtml(t.verdict)}</th><th>${escapeHtml(t.evidence)}</th></tr></thead><tbody></tbody></table></div></section>
<section id="seed-bands" aria-label="${escapeHtml(t.bands)}" hidden>
${['std', 'envelope'].map((name) => `<figure id="band-${name}-figure"><figcaption><strong id="band-${name}-title"></strong> <span id="band-${name}-text"></span></figcaption><div class="chart-scroll"><div id="band-${name}"></div></div></figure>`).join('\n')}
</section>
<div class="table-scroll"><table id="stats"><thead><tr><th>${escapeHtml(t.init)}</th><th>${escapeHtml(t.layer)}</th><th>mean</th><th>std</th><th>min</th><th>max</th></tr></thead><tbody></tbody></table></div>
</section>
</main>
${scripts}
<script type="text/plain" id="initscope-worker">${escapeScript(input.workerScript)}</script>
<script type="application/json" id="initscope-explorer">${jsonForScript(config)}</script>
<script>${escapeScript(explorerScript)}</script>
</body>
</html>
`;
}
