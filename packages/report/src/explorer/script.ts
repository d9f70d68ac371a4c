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
    width: '100', samples: '1000', seed: '42', bins: '30', logCounts: '0', gradients: '0', theory: '0', bands: '0', seeds: '8',
    init2: '', init3: '', init4: '' };
  // Workers that compute (like run --threads N): as many as the browser reports cores, at most 8.
  const maxThreads = Math.max(1, Math.min(8, navigator.hardwareConcurrency || 1));
  defaults.threads = String(maxThreads);
  const keys = Object.keys(defaults);
  const checks = new Set(['logCounts', 'gradients', 'theory', 'bands']);

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
    if (state.bands === '1') options.seeds = Number(state.seeds);
    return options;
  }

  function showValues(state) {
    const w = sigmaW(state);
    $('sigma-value').textContent = 'σ_w = ' + fmt(w) + ', σ_w² = ' + fmt(w * w);
    $('sigma').disabled = ![state.init, state.init2, state.init3, state.init4].includes('σ_w');
    $('alpha').disabled = !config.alphaActivations.includes(state.activation);
    $('seeds').disabled = state.bands !== '1';
    for (const key of ['biasStd', 'layers', 'width', 'samples', 'bins', 'seeds', 'threads']) $(key + '-value').textContent = state[key];
    for (const key of keys) {
      if (!checks.has(key)) $(key).setAttribute('aria-valuetext', key === 'sigma' ? $('sigma-value').textContent : state[key]);
    }
  }

  // One vega View while the layout stays: a change of data only (seed, activation, σ_b, bins, width,
  // samples, σ_w of a fixed initializer) goes in by view.change. The view is rebuilt when the facet
  // grid changes (initializer rows, depth) or the count scale type (log counts): vega does not re-lay
  // out a facet grid whose rows and columns change under view.change.
  // The panels wrap into rows that fit the results column (no sideways scroll hiding deep layers):
  // one block per initializer, titled with its name, its layers wrapped — as many per row as fit.
  let view;
  let viewLayout;
  let lastDraw;
  const panelWidth = 100;
  const panelStep = 128; // a panel plus its y axis and the facet spacing
  function columnsThatFit() {
    // The results column's width (vega-embed makes #chart itself inline-block, as wide as its chart).
    return Math.max(1, Math.floor(($('chart').parentElement.clientWidth - 60) / panelStep));
  }
  async function draw(layout, rows) {
    lastDraw = [layout, rows];
    const log = layout.log;
    const columns = Math.min(layout.layers, columnsThatFit());
    const key = JSON.stringify({ ...layout, columns });
    if (view && viewLayout === key) {
      await view.change('table', vega.changeset().remove(() => true).insert(rows)).runAsync();
      return;
    }
    view?.finalize();
    $('chart').replaceChildren();
    const panel = {
      width: panelWidth, height: 70,
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
    };
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: { name: 'table', values: rows },
      vconcat: layout.inits.map((init) => ({
        title: { text: init, anchor: 'start', fontSize: 14 },
        transform: [{ filter: 'datum.init === ' + JSON.stringify(init) }],
        facet: { field: 'layer', type: 'ordinal', title: t.layer, sort: null },
        columns,
        spec: panel,
        resolve: { scale: { x: 'independent' } },
      })),
      spacing: 24,
    };
    // Embedded once per layout (vega-embed brings the CSP-safe expression interpreter); later data goes in by view.change.
    const result = await vegaEmbed('#chart', spec, { renderer: 'canvas', ast: true, actions: false, hover: false });
    view = result.view;
    viewLayout = key;
    api.embeds++;
  }
  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      // The phase plane follows the column's width too (a window turned or narrowed to a phone).
      if (phaseDiagram && phaseWidth !== phasePlotWidth()) drawPhase(phaseDiagram);
      if (lastDraw && view && JSON.parse(viewLayout).columns !== Math.min(lastDraw[0].layers, columnsThatFit())) {
        draw(...lastDraw);
      }
    }, 100);
  });

  const workerUrl = URL.createObjectURL(new Blob([$('initscope-worker').textContent], { type: 'text/javascript' }));
  const wasmBytes = Uint8Array.from(atob(config.wasm), (c) => c.charCodeAt(0));
  // The compute workers, each with its own WASM instance; started when first needed. Worker 0 runs a
  // whole sweep alone, assembles the parts of a split one, and renders "export report".
  const workers = [];
  function poolOf(n) {
    while (workers.length < n) {
      const w = new Worker(workerUrl);
      const copy = wasmBytes.slice();
      w.postMessage({ type: 'wasm', bytes: copy.buffer }, [copy.buffer]);
      w.onmessage = onRunMessage;
      workers.push(w);
    }
    return workers;
  }
  const worker = poolOf(1)[0];

  const api = { state: 'idle', options: null, json: null, results: null, ms: null, requests: 0, embeds: 0,
    bandViews: {}, bandEmbeds: 0, progress: null, threads: 1 };
  window.initscopeExplorer = api;
  let nextId = 0;
  let started = 0;
  let pendingOptions;

  function update() {
    const state = readControls();
    showValues(state);
    showPhasePoint(state);
    const hash = toHash(state);
    if (location.hash.slice(1) !== hash) history.replaceState(null, '', hash ? '#' + hash : location.pathname);
    pendingOptions = optionsOf(state);
    nextId++;
    started = performance.now();
    api.state = 'computing';
    document.body.dataset.state = 'computing';
    $('status').textContent = t.computing;
    dispatch(nextId, pendingOptions, Math.min(maxThreads, Number(state.threads) || 1));
    requestPhase(pendingOptions);
    api.requests++;
  }

  // A sweep's (seed, run) units (seed-major, as run --seeds) split into contiguous slices over up to
  // \`threads\` workers, like run --threads; the parts come back in any order and are assembled in unit
  // order by worker 0, so the JSON is the same bytes for any split. One unit: worker 0 alone.
  let job;
  function dispatch(id, options, threads) {
    const units = options.activations.length * options.inits.length * (options.seeds ?? 1);
    const n = Math.max(1, Math.min(threads, units));
    const steps = options.layers * (options.gradients ? 2 : 1);
    const sizes = Array.from({ length: n }, (_, i) => Math.floor(units / n) + (i < units % n ? 1 : 0));
    job = { id, options, parts: new Array(n), remaining: n, done: sizes.map(() => 0), total: sizes.map((size) => size * steps) };
    api.threads = n;
    if (n === 1) {
      worker.postMessage({ type: 'run', id, options, lang: config.lang });
    } else {
      const pool = poolOf(n);
      let start = 0;
      sizes.forEach((size, part) => {
        pool[part].postMessage({ type: 'units', id, part, options, units: Array.from({ length: size }, (_, k) => start + k) });
        start += size;
      });
    }
    for (let i = n; i < workers.length; i++) workers[i].postMessage({ type: 'cancel' });
  }

  async function onRunMessage(event) {
    const message = event.data;
    if (message.type === 'report' || message.type === 'report-error') return onReport(message);
    if (message.id !== nextId || !job || job.id !== message.id) return;
    if (message.type === 'progress') {
      job.done[message.part] = message.done;
      const done = job.done.reduce((a, b) => a + b, 0);
      const total = job.total.reduce((a, b) => a + b, 0);
      $('progress').hidden = false;
      $('progress').value = done / total;
      api.progress = { id: message.id, done, total };
      if (pendingOptions.seeds) {
        $('status').textContent = t.progress.replace('{percent}', Math.floor((100 * done) / total))
          .replace('{seeds}', pendingOptions.seeds);
      }
      return;
    }
    if (message.type === 'units-done') {
      job.parts[message.part] = message.runs;
      if (--job.remaining === 0) {
        worker.postMessage({ type: 'assemble', id: job.id, options: job.options, lang: config.lang, runs: job.parts.flat() });
      }
      return;
    }
    $('progress').hidden = true;
    const workerMs = performance.now() - started;
    if (message.type === 'error') {
      job = undefined;
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
    drawVerdicts(message.view);
    await drawBands(message.view);
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
    Object.assign(api, { state: 'done', view, options: pendingOptions, json: message.json, results, runView: message.view, ms, workerMs });
    $('status').textContent = failed ? t.error.replace('{message}', failed.error ?? failed.state) : t.done.replace('{ms}', Math.round(ms));
    document.body.dataset.state = 'done';
  };

  // Verdicts, in the words of the static report's verdict table (the worker builds them with report's
  // verdict cell text): the label and, with seed bands, in how many of the K seeds it holds.
  function drawVerdicts(runView) {
    $('verdicts-title').textContent = runView.verdictsTitles.join(' · ');
    $('verdict-table').tBodies[0].replaceChildren(...runView.verdicts.map((v) => {
      const tr = document.createElement('tr');
      tr.dataset.init = v.init;
      tr.dataset.kind = v.kind;
      const init = document.createElement('td');
      const code = document.createElement('code');
      code.textContent = v.init;
      init.append(code);
      const cell = document.createElement('td');
      cell.dataset.field = 'verdict';
      const label = document.createElement('span');
      label.className = 'verdict verdict-' + v.kind;
      label.textContent = v.label;
      cell.append(label);
      if (v.inSeeds !== null) cell.append(' ' + v.inSeeds);
      const evidence = document.createElement('td');
      evidence.textContent = v.evidence;
      tr.append(init, cell, evidence);
      return tr;
    }));
  }

  // Seed bands (K seeds): the report's own vega-lite specs (stdBandSpec, envelopeSpec, built in the
  // worker). One view per chart, embedded when its layout changes (initializers, layers, which layers
  // have a common-bins envelope); otherwise its data goes in by view.change like the histogram grid.
  const bandKeys = {};
  async function drawBandChart(name, chart) {
    const figure = $('band-' + name + '-figure');
    if (!chart) {
      api.bandViews[name]?.finalize();
      delete api.bandViews[name];
      bandKeys[name] = '';
      $('band-' + name).replaceChildren();
      figure.hidden = true;
      return;
    }
    figure.hidden = false;
    $('band-' + name + '-title').textContent = chart.title;
    $('band-' + name + '-text').textContent = chart.description;
    const values = chart.spec.data.values;
    const data = 'band-' + name;
    const key = JSON.stringify([{ ...chart.spec, data: null }, [...new Set(values.map((v) => v.init + '/' + v.layer))]]);
    const current = api.bandViews[name];
    if (current && bandKeys[name] === key) {
      await current.change(data, vega.changeset().remove(() => true).insert(values)).runAsync();
      return;
    }
    current?.finalize();
    $('band-' + name).replaceChildren();
    const result = await vegaEmbed('#band-' + name, { ...chart.spec, data: { name: data, values } },
      { renderer: 'canvas', ast: true, actions: false });
    api.bandViews[name] = result.view;
    bandKeys[name] = key;
    api.bandEmbeds++;
  }
  async function drawBands(runView) {
    const bands = runView.bands[0];
    $('seed-bands').hidden = !bands;
    await drawBandChart('std', bands ? bands.std : null);
    await drawBandChart('envelope', bands ? bands.envelope : null);
  }

  // Phase plane: χ₁ over (σ_w², σ_b²) from a second worker (same code, no WASM needed), the edge of
  // chaos (χ₁ = 1) labelled, the current initializers as points. Pressing or dragging on it sets the
  // free σ_w (σ_w² = x) and σ_b (σ_b² = y) of the first initializer and recomputes the layers.
  const phaseWorker = new Worker(workerUrl);
  let phaseId = 0;
  let phaseKey = '';
  let phaseView;
  function requestPhase(options) {
    const key = JSON.stringify([options.activations[0], options.inits, options.width, options.biasStd ?? 0]);
    if (key === phaseKey) return;
    phaseKey = key;
    phaseId++;
    phaseWorker.postMessage({ type: 'phase', id: phaseId, options: {
      activation: options.activations[0], inits: options.inits, width: options.width, biasStd: options.biasStd ?? 0 } });
  }
  let phaseDiagram;
  let phaseWidth;
  // 300 px wide, narrower when the column is (a phone): the plot, its axes and legend fit.
  const phasePlotWidth = () => Math.max(160, Math.min(300, $('phase-plane').clientWidth - 125));
  phaseWorker.onmessage = (event) => {
    const message = event.data;
    if (message.id !== phaseId || message.type !== 'phase') return;
    phaseDiagram = message.diagram;
    drawPhase(message.diagram);
  };
  async function drawPhase(d) {
    const cells = [];
    const dw = (d.sigmaW2[1] - d.sigmaW2[0]) / 2;
    const db = (d.sigmaB2[1] - d.sigmaB2[0]) / 2;
    d.sigmaB2.forEach((b, i) => d.sigmaW2.forEach((w, j) => {
      const chi = d.chi1[i][j];
      cells.push({ w0: w - dw, w1: w + dw, b0: Math.max(0, b - db), b1: b + db,
        logChi: chi === null || chi <= 0 ? null : Math.max(-1, Math.min(1, Math.log10(chi))) });
    }));
    const edge = d.edge.filter((p) => p.sigmaW2 !== null).map((p) => ({ w: p.sigmaW2, b: p.sigmaB2 }));
    const points = d.points.map((p) => ({ init: p.init, w: p.sigmaW2, b: p.sigmaB2 }));
    // Re-embedded on each new diagram (~1 small chart): named-data changes did not reach the points layer.
    phaseView?.finalize();
    $('phase').replaceChildren();
    const wMax = d.sigmaW2.at(-1) + dw;
    const bMax = d.sigmaB2.at(-1) + db;
    const x = { type: 'quantitative', title: 'σ_w²', scale: { domain: [0, wMax], nice: false, clamp: true } };
    const y = { type: 'quantitative', title: 'σ_b²', scale: { domain: [0, bMax], nice: false, clamp: true } };
    const lite = {
      width: (phaseWidth = phasePlotWidth()), height: 220,
      title: d.activation + ': χ₁' + (edge.length === 0 ? ' (' + t.noEdge + ')' : ''),
      layer: [
        { data: { values: cells }, mark: { type: 'rect' }, encoding: {
          x: { field: 'w0', ...x }, x2: { field: 'w1' }, y: { field: 'b0', ...y }, y2: { field: 'b1' },
          color: { field: 'logChi', type: 'quantitative', title: 'log₁₀ χ₁', scale: { scheme: 'redblue', reverse: true, domain: [-1, 1] } } } },
        { data: { values: edge }, mark: { type: 'line', color: '#000', strokeWidth: 2 }, encoding: {
          x: { field: 'w', ...x }, y: { field: 'b', ...y }, order: { field: 'b' } } },
        { data: { values: edge.slice(-1) }, mark: { type: 'text', align: 'right', dx: -6, dy: 8, fontWeight: 'bold' }, encoding: {
          x: { field: 'w', ...x }, y: { field: 'b', ...y }, text: { value: t.edge } } },
        { data: { values: points }, mark: { type: 'point', filled: true, color: '#000', size: 90, stroke: '#fff', clip: true }, encoding: {
          x: { field: 'w', ...x }, y: { field: 'b', ...y }, tooltip: { field: 'init' } } },
      ],
    };
    const spec = vegaLite.compile(lite).spec;
    spec.signals = [...(spec.signals ?? []), { name: 'press', value: null, on: [
      { events: 'pointerdown', update: "[invert('x', clamp(x(), 0, width)), invert('y', clamp(y(), 0, height))]" },
      { events: 'window:pointermove[event.buttons > 0]', update: "press ? [invert('x', clamp(x(), 0, width)), invert('y', clamp(y(), 0, height))] : null" },
      { events: 'window:pointerup', update: 'null' },
    ] }];
    const result = await vegaEmbed('#phase', spec, { mode: 'vega', renderer: 'canvas', ast: true, actions: false });
    phaseView = result.view;
    api.phase = { activation: d.activation, points };
    showPhasePoint(readControls());
    phaseView.addSignalListener('press', (_, value) => {
      if (!value) return;
      const [w2, b2] = value;
      $('init').value = 'σ_w';
      $('sigma').value = String(Math.min(1, Math.max(-3, Math.log10(Math.sqrt(Math.max(w2, 1e-6))))).toFixed(2));
      $('biasStd').value = String(Math.sqrt(Math.max(b2, 0)).toFixed(2));
      update();
    });
  }

  // The phase-plane point from the keyboard: ← → move σ_w² by 0.1, ↑ ↓ move σ_b² by 0.02 (Shift: ×10),
  // starting from the first initializer's point. Like a press, it switches that initializer to the
  // free σ_w; the sliders' own steps round the value, so a step too small to move them moves one step.
  function phasePoint(state) {
    const point = api.phase?.points?.[0];
    if (state.init !== 'σ_w' && point && point.w !== null) return [point.w, (Number(state.biasStd)) ** 2];
    return [sigmaW(state) ** 2, Number(state.biasStd) ** 2];
  }
  function showPhasePoint(state) {
    const [w2, b2] = phasePoint(state);
    const text = 'σ_w² = ' + fmt(w2) + ', σ_b² = ' + fmt(b2);
    $('phase-point').setAttribute('aria-valuenow', String(w2));
    $('phase-point').setAttribute('aria-valuetext', text);
    $('phase-value').textContent = text;
  }
  function nudge(id, value, previous, direction) {
    const input = $(id);
    const min = Number(input.min), max = Number(input.max), step = Number(input.step);
    let next = Math.min(max, Math.max(min, Number(value.toFixed(2))));
    if (next === Number(previous) && direction !== 0) next = Math.min(max, Math.max(min, Number((next + direction * step).toFixed(2))));
    input.value = next.toFixed(2);
  }
  $('phase-point').addEventListener('keydown', (event) => {
    const moves = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    const state = readControls();
    const [w2, b2] = phasePoint(state);
    const scale = event.shiftKey ? 10 : 1;
    const nextW2 = Math.max(1e-6, w2 + move[0] * 0.1 * scale);
    const nextB2 = Math.max(0, b2 + move[1] * 0.02 * scale);
    const sigmaBefore = state.init === 'σ_w' ? state.sigma : String(Math.log10(Math.sqrt(w2)).toFixed(2));
    $('init').value = 'σ_w';
    nudge('sigma', Math.log10(Math.sqrt(nextW2)), sigmaBefore, move[0]);
    nudge('biasStd', Math.sqrt(nextB2), state.biasStd, move[1]);
    update();
  });

  $('export-json').addEventListener('click', () => {
    if (!api.json) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([api.json], { type: 'application/json' }));
    a.download = 'initscope-results.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  });

  // "export report": the worker renders the static report of the drawn run with report's renderReport
  // (what "initscope run --out" writes for this configuration), inlining the vega bundle texts this
  // page already carries (read back from its own script tags, so they are not shipped twice).
  let reportId = 0;
  $('export-report').addEventListener('click', () => {
    if (api.state !== 'done') return;
    reportId = nextId;
    const vega = [...document.querySelectorAll('script.vega-bundle')].map((script) => script.textContent);
    worker.postMessage({ type: 'report', id: nextId, vega, lang: config.lang, logCounts: readControls().logCounts === '1' });
  });
  function onReport(message) {
    if (message.id !== reportId) return;
    if (message.type === 'report-error') {
      $('status').textContent = t.error.replace('{message}', message.message);
      return;
    }
    api.reportHtml = message.html;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([message.html], { type: 'text/html' }));
    a.download = 'initscope-report.html';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  $('threads').max = String(maxThreads);
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
