/**
 * The explorer's page script (plain browser JavaScript, inlined by page.ts). It keeps one vega View
 * and swaps its data with view.change (no re-embed), sends every change to the Web Worker (a newer
 * change supersedes a running one), and keeps the whole state in the URL hash.
 */
export const explorerScript = `
(() => {
  'use strict';
  const config = JSON.parse(document.getElementById('initscope-explorer').textContent);
  const t = config.text;
  const $ = (id) => document.getElementById(id);
  const defaults = { activation: 'sigmoid', alpha: '', init: 'xavier', sigma: '0', biasStd: '0', layers: '5',
    width: '100', samples: '1000', seed: '42', bins: '30', logCounts: '0', gradients: '0', theory: '0', init2: '', init3: '', init4: '' };
  const keys = Object.keys(defaults);
  const checks = new Set(['logCounts', 'gradients', 'theory']);

  function readControls() {
    const state = {};
    for (const key of keys) state[key] = checks.has(key) ? ($(key).checked ? '1' : '0') : $(key).value;
    return state;
  }
  function writeControls(state) {
    for (const key of keys) {
      if (checks.has(key)) $(key).checked = state[key] === '1';
      else $(key).value = state[key];
    }
  }
  function fromHash() {
    const params = new URLSearchParams(location.hash.slice(1));
    const state = { ...defaults };
    for (const key of keys) if (params.has(key)) state[key] = params.get(key);
    return state;
  }
  function toHash(state) {
    const params = new URLSearchParams();
    for (const key of keys) if (state[key] !== defaults[key]) params.set(key, state[key]);
    return params.toString();
  }
  function sigmaW(state) { return Math.pow(10, Number(state.sigma)); }
  const fmt = (x) => Number(x.toPrecision(4)).toString();

  /** The sweep options of a state: exactly what "initscope run" gets as flags. */
  function optionsOf(state) {
    const hasAlpha = config.alphaActivations.includes(state.activation) && state.alpha !== '';
    const free = 'std:' + Number((sigmaW(state) / Math.sqrt(Number(state.width))).toPrecision(6));
    const inits = [];
    for (const key of ['init', 'init2', 'init3', 'init4']) {
      const id = state[key] === 'σ_w' ? free : state[key];
      if (id !== '' && !inits.includes(id)) inits.push(id);
    }
    const options = {
      activations: [hasAlpha ? state.activation + ':' + state.alpha : state.activation],
      inits,
      layers: Number(state.layers), width: Number(state.width), samples: Number(state.samples),
      bins: Number(state.bins), seed: Number(state.seed),
    };
    if (Number(state.biasStd) > 0) options.biasStd = Number(state.biasStd);
    if (state.gradients === '1') options.gradients = true;
    if (state.theory === '1') options.theory = true;
    return options;
  }

  function showValues(state) {
    const w = sigmaW(state);
    $('sigma-value').textContent = 'σ_w = ' + fmt(w) + ', σ_w² = ' + fmt(w * w);
    $('sigma').disabled = ![state.init, state.init2, state.init3, state.init4].includes('σ_w');
    $('alpha').disabled = !config.alphaActivations.includes(state.activation);
    for (const key of ['biasStd', 'layers', 'width', 'samples', 'bins']) $(key + '-value').textContent = state[key];
    for (const key of keys) {
      if (!checks.has(key)) $(key).setAttribute('aria-valuetext', key === 'sigma' ? $('sigma-value').textContent : state[key]);
    }
  }

  // One vega View while the layout stays: a change of data only (seed, activation, σ_b, bins, width,
  // samples, σ_w of a fixed initializer) goes in by view.change. The view is rebuilt when the facet
  // grid changes (initializer rows, depth) or the count scale type (log counts): vega does not re-lay
  // out a facet grid whose rows and columns change under view.change.
  let view;
  let viewLayout;
  async function draw(layout, rows) {
    const log = layout.log;
    const key = JSON.stringify(layout);
    if (view && viewLayout === key) {
      await view.change('table', vega.changeset().remove(() => true).insert(rows)).runAsync();
      return;
    }
    view?.finalize();
    $('chart').replaceChildren();
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: { name: 'table', values: rows },
      facet: {
        row: { field: 'init', type: 'nominal', title: null, sort: null },
        column: { field: 'layer', type: 'ordinal', title: t.layer },
      },
      spec: {
        width: 100, height: 70,
        layer: [
          {
            mark: { type: 'rect', color: '#0969da' },
            encoding: {
              x: { field: 'start', type: 'quantitative', title: t.value, axis: { tickCount: 3 } },
              x2: { field: 'end' },
              y: { field: 'count', type: 'quantitative', title: t.count,
                   scale: log ? { type: 'symlog' } : { type: 'linear' } },
              y2: { datum: 0 },
            },
          },
          {
            transform: [{ filter: 'datum.expected != null' }],
            mark: { type: 'line', color: '#c0392b', strokeWidth: 1.5 },
            encoding: {
              x: { field: 'mid', type: 'quantitative' },
              y: { field: 'expected', type: 'quantitative' },
            },
          },
        ],
      },
      resolve: { scale: { x: 'independent' } },
    };
    // Embedded once (vega-embed brings the CSP-safe expression interpreter); later data goes in by view.change.
    const result = await vegaEmbed('#chart', spec, { renderer: 'canvas', ast: true, actions: false, hover: false });
    view = result.view;
    viewLayout = key;
    api.embeds++;
  }

  const worker = new Worker(URL.createObjectURL(new Blob([$('initscope-worker').textContent], { type: 'text/javascript' })));
  const bytes = Uint8Array.from(atob(config.wasm), (c) => c.charCodeAt(0));
  worker.postMessage({ type: 'wasm', bytes: bytes.buffer }, [bytes.buffer]);

  const api = { state: 'idle', options: null, json: null, results: null, ms: null, requests: 0, embeds: 0 };
  window.initscopeExplorer = api;
  let nextId = 0;
  let started = 0;
  let pendingOptions;

  function update() {
    const state = readControls();
    showValues(state);
    const hash = toHash(state);
    if (location.hash.slice(1) !== hash) history.replaceState(null, '', hash ? '#' + hash : location.pathname);
    pendingOptions = optionsOf(state);
    nextId++;
    started = performance.now();
    api.state = 'computing';
    document.body.dataset.state = 'computing';
    $('status').textContent = t.computing;
    worker.postMessage({ type: 'run', id: nextId, options: pendingOptions });
    api.requests++;
  }

  worker.onmessage = async (event) => {
    const message = event.data;
    if (message.id !== nextId) return;
    if (message.type === 'progress') {
      $('progress').hidden = false;
      $('progress').value = message.done / message.total;
      return;
    }
    $('progress').hidden = true;
    if (message.type === 'error') {
      api.state = 'error';
      document.body.dataset.state = 'error';
      $('status').textContent = t.error.replace('{message}', message.message);
      return;
    }
    const id = message.id;
    const results = JSON.parse(message.json);
    const rows = [];
    for (const run of results.runs) {
      for (const layer of run.layers ?? []) {
        const { edges, counts } = layer.histogram;
        const expected = layer.theory?.counts ?? null;
        for (let i = 0; i < counts.length; i++) {
          rows.push({ init: run.init, layer: layer.layer, start: edges[i], end: edges[i + 1],
            mid: (edges[i] + edges[i + 1]) / 2, count: counts[i], expected: expected ? expected[i] : null });
        }
      }
    }
    await draw(
      { log: readControls().logCounts === '1', inits: results.runs.map((run) => run.init), layers: results.config.layers },
      rows,
    );
    if (id !== nextId) return;
    const body = $('stats').tBodies[0];
    body.replaceChildren(...results.runs.flatMap((run) => (run.layers ?? []).map((layer) => {
      const tr = document.createElement('tr');
      tr.dataset.init = run.init;
      tr.dataset.layer = String(layer.layer);
      for (const [name, value] of [['init', run.init], ['layer', layer.layer], ['mean', layer.mean], ['std', layer.std], ['min', layer.min], ['max', layer.max]]) {
        const td = document.createElement('td');
        td.dataset.field = name;
        td.dataset.value = String(value);
        td.textContent = typeof value === 'number' && name !== 'layer' ? Number(value.toPrecision(4)).toString() : String(value);
        tr.append(td);
      }
      return tr;
    })));
    const failed = results.runs.find((run) => run.state !== 'completed');
    const ms = performance.now() - started;
    Object.assign(api, { state: 'done', view, options: pendingOptions, json: message.json, results, ms, workerMs: message.ms });
    $('status').textContent = failed ? t.error.replace('{message}', failed.error ?? failed.state) : t.done.replace('{ms}', Math.round(ms));
    document.body.dataset.state = 'done';
  };

  $('export-json').addEventListener('click', () => {
    if (!api.json) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([api.json], { type: 'application/json' }));
    a.download = 'initscope-results.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });

  writeControls(fromHash());
  $('controls').addEventListener('input', update);
  $('controls').addEventListener('change', update);
  window.addEventListener('hashchange', () => {
    const state = fromHash();
    if (toHash(state) === toHash(readControls())) return;
    writeControls(state);
    update();
  });
  update();
})();
`;
