// The Descent dashboard: runs from /api/runs, histories from /api/history, live rows by
// server-sent events from /api/events (one stream for all shown runs), a search's trials from /api/search. uPlot draws.
'use strict';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];
const params = new URLSearchParams(location.search);
const state = {
  runs: [],                       // from /api/runs
  selected: new Set(params.getAll('run')),
  search: params.get('search'),
  sort: params.get('sort') || 'rank',
  descending: params.get('order') === 'desc',
  data: new Map(),                // run id -> columns (see load)
  stream: null,                   // one EventSource for all selected runs
  plots: [],
  trials: [],
  pending: false,
};

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function color(id) {
  const i = state.runs.findIndex(r => r.id === id);
  return COLORS[(i < 0 ? 0 : i) % COLORS.length];
}

async function json(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ': ' + r.status);
  return r.json();
}

async function refreshRuns() {
  try {
    const answer = await json('/api/runs');
    const before = state.runs.map(r => r.id).join('|');
    state.runs = answer.runs;
    document.getElementById('status').textContent = '';
    if (state.runs.map(r => r.id).join('|') !== before) renderRunList();
    for (const id of [...state.selected]) {
      if (!state.runs.some(r => r.id === id)) { state.selected.delete(id); state.data.delete(id); listen(); }
    }
  } catch (e) {
    document.getElementById('status').textContent = 'server not reachable; retrying';
  }
}

function renderRunList() {
  const list = document.getElementById('run-list');
  list.replaceChildren();
  document.getElementById('no-runs').hidden = state.runs.length > 0;
  document.body.dataset.runs = String(state.runs.length);
  for (const run of state.runs) {
    const li = el('li', {'data-run': run.id});
    if (run.kind === 'search') {
      const a = el('a', {href: '?search=' + encodeURIComponent(run.id), text: run.id});
      a.addEventListener('click', ev => { ev.preventDefault(); showSearch(run.id); });
      li.append(a, el('span', {class: 'kind', text: 'search'}));
    } else {
      const box = el('input', {type: 'checkbox', id: 'run-' + run.id});
      box.checked = state.selected.has(run.id);
      box.addEventListener('change', () => { box.checked ? select(run.id) : unselect(run.id); });
      const label = el('label', {for: 'run-' + run.id});
      label.append(el('span', {class: 'swatch'}), run.id);
      li.append(box, label, el('span', {class: 'kind', text: run.kind}));
    }
    list.append(li);
  }
  // colours through CSSOM (the Content-Security-Policy forbids inline style attributes)
  for (const s of list.querySelectorAll('li[data-run] .swatch')) {
    s.style.background = color(s.closest('li').dataset.run);
  }
}

async function select(id) {
  state.selected.add(id);
  await load(id);
  listen();
}

function unselect(id) {
  state.selected.delete(id);
  state.data.delete(id);
  listen();
  schedule();
}

/** Points per series to ask the server for: about two per pixel, fewer per run when many are overlaid. */
function pointsWanted() {
  const width = Math.max(400, document.getElementById('charts').clientWidth - 20);
  return Math.round(Math.min(2 * width, Math.max(256, 4 * width / Math.max(1, state.selected.size))));
}

/** A run's series as columns (see /api/history): {epoch:[…], lr:[…], …, grad_norm:[[…]…], offset, bucket}. */
async function load(id) {
  const answer = await json('/api/history?run=' + encodeURIComponent(id) + '&points=' + pointsWanted());
  state.data.set(id, answer);
  schedule();
}

/** The series of several runs in one request: a page that opens with many runs asks once. */
async function loadAll(ids) {
  if (ids.length === 0) return;
  let answer = {};
  try {
    answer = await json('/api/histories?' + ids.map(id => 'run=' + encodeURIComponent(id)).join('&') + '&points=' + pointsWanted());
  } catch (e) {
    document.getElementById('status').textContent = 'server not reachable; reload to try again';
  }
  for (const id of ids) {
    if (answer[id]) state.data.set(id, answer[id]); else state.selected.delete(id);
  }
}

/** One event stream for all selected runs, each from the byte its columns end at. */
function listen() {
  if (state.stream) { state.stream.close(); state.stream = null; }
  const ids = [...state.selected].filter(id => state.data.has(id));
  if (ids.length === 0) return;
  const query = ids.map(id => 'run=' + encodeURIComponent(id) + '&from=' + state.data.get(id).offset).join('&');
  const source = new EventSource('/api/events?' + query);
  source.onmessage = ev => {
    try {
      const {run, row, offset} = JSON.parse(ev.data);
      const columns = state.data.get(run);
      if (!columns || offset <= columns.offset) return;
      append(columns, row);
      columns.offset = offset;
      schedule();
    } catch (e) { /* a line that is not a row: skipped, as every reader does */ }
  };
  source.addEventListener('reset', ev => {   // the file was rewritten (a resume): read it again
    const id = JSON.parse(ev.data);
    if (state.selected.has(id)) load(id).then(listen);
  });
  state.stream = source;
}

/** A live row joins the columns at its own epoch. */
function append(columns, row) {
  columns.epoch.push(row.epoch);
  for (const name of SCALARS) columns[name].push(finite(row[name]));
  for (const name of ['grad_norm', 'update_ratio']) {
    const layers = Math.max(columns[name].length, (row[name] || []).length);
    for (let l = 0; l < layers; l++) {
      if (!columns[name][l]) columns[name][l] = new Array(columns.epoch.length - 1).fill(null);
      columns[name][l].push(finite((row[name] || [])[l]));
    }
  }
  columns.total++;
}

const SCALARS = ['lr', 'train_cost', 'train_accuracy', 'dev_cost', 'dev_accuracy'];

function finite(v) {
  return v != null && Number.isFinite(v) ? v : null;
}

function schedule() {
  if (state.pending) return;
  state.pending = true;
  requestAnimationFrame(() => { state.pending = false; renderCharts(); });
}

/** The course's EWA with bias correction, v = βv + (1 − β)x, over the finite values. */
function smooth(values, beta) {
  if (beta <= 0) return values;
  let v = 0, t = 0;
  return values.map(x => {
    if (x == null || !Number.isFinite(x)) return null;
    t++;
    v = beta * v + (1 - beta) * x;
    return v / (1 - Math.pow(beta, t));
  });
}

/**
 * One chart: for every selected run, the columns pick(columns) names (an array of series, or for
 * per-layer series a function of the columns giving one per layer) on a shared epoch axis.
 */
function chart(title, pick, names, opts) {
  const beta = Number(document.getElementById('smoothing').value);
  const ids = [...state.selected].filter(id => state.data.has(id));
  const epochs = new Set();
  for (const id of ids) for (const e of state.data.get(id).epoch) epochs.add(e);
  const xs = [...epochs].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const data = [xs];
  const series = [{label: 'epoch'}];
  let points = 0;
  let bucket = 1;
  ids.forEach((id, k) => {
    const columns = state.data.get(id);
    bucket = Math.max(bucket, columns.bucket);
    const lists = pick(columns);
    lists.forEach((values, s) => {
      const ys = new Array(xs.length).fill(null);
      let measured = 0;
      values.forEach((v, i) => {
        if (v != null && Number.isFinite(v) && !(opts.log && v <= 0)) { ys[index.get(columns.epoch[i])] = v; measured++; }
      });
      points += measured;
      data.push(smooth(ys, opts.smoothable ? beta : 0));
      const name = names.length === 0 ? 'layer ' + (s + 1) : names[s];
      // runs are told apart by colour and width (each later run thinner, drawn over the earlier,
      // so identical curves stay visible as a line inside a line), their series by dashes;
      // a series measured on few epochs (train accuracy on probe epochs) shows its points
      series.push({label: id + ' ' + name, stroke: color(id), width: Math.max(1, 4 - 1.2 * k), spanGaps: true,
        dash: s === 0 ? undefined : [[6, 4], [2, 3], [8, 3, 2, 3]][(s - 1) % 3],
        points: {show: measured > 0 && measured < xs.length / 2, size: 6},
        value: (u, v) => v == null ? '–' : v.toPrecision(4)});
    });
  });
  const box = el('div', {class: 'chart', 'data-chart': title, 'data-points': String(points)});
  box.append(el('h3', {text: title + (bucket > 1 ? ' (lowest and highest per ' + bucket + ' epochs)' : '')}));
  if (points === 0) {
    box.append(el('p', {class: 'note', text: ids.length ? 'nothing measured yet' : 'select runs on the left'}));
    return {box, points};
  }
  const width = Math.max(400, document.getElementById('charts').clientWidth - 20);
  const many = series.length > 21;   // a legend of hundreds of rows would push the chart off the page
  // with many series, no hover dot per series either (one element each)
  const u = new uPlot({width, height: 240, series, legend: {show: !many}, scales: {x: {time: false}, y: {distr: opts.log ? 3 : 1}},
    axes: [{label: 'epoch'}, {}], cursor: many ? {drag: {x: true, y: false}, points: {show: false}} : {drag: {x: true, y: false}}}, data, box);
  state.plots.push(u);
  return {box, points};
}

function renderCharts() {
  const begun = performance.now();
  for (const u of state.plots) u.destroy();
  state.plots = [];
  const log = document.getElementById('log-scale').checked;
  const area = document.getElementById('charts');
  area.replaceChildren();
  area.hidden = state.selected.size === 0 && state.search != null;
  const cost = chart('cost', c => [c.train_cost, c.dev_cost], ['train', 'dev'], {log, smoothable: true});
  area.append(cost.box);
  area.append(chart('accuracy', c => [c.train_accuracy, c.dev_accuracy], ['train', 'dev'], {smoothable: true}).box);
  area.append(chart('learning rate', c => [c.lr], ['lr'], {log: true}).box);
  area.append(chart('gradient norm per layer', c => c.grad_norm, [], {log: true}).box);
  area.append(chart('update / parameter ratio per layer', c => c.update_ratio, [], {log: true}).box);
  document.body.dataset.points = String(cost.points);
  document.body.dataset.lastEpoch = String(Math.max(0, ...[...state.selected].map(id => {
    const e = state.data.get(id)?.epoch || [];
    return e.length ? e[e.length - 1] : 0;
  })));
  renderPlots();
  document.body.dataset.ready = '1';
  if (cost.points > 0 && !document.body.dataset.firstPaint && [...state.selected].every(id => state.data.has(id))) {
    // every selected run drawn; the frame after the one that drew them: they are on screen (descent's dashboard bench reads it)
    requestAnimationFrame(() => setTimeout(() => { document.body.dataset.firstPaint = String(performance.now()); }, 0));
  }
  document.body.dataset.renderedAt = String(Date.now());
  document.body.dataset.renderMillis = String(Math.round(performance.now() - begun));
}

/** The selected runs' PNG plots; rebuilt only when they change, not on every live epoch (each rebuild fetched every image again). */
function renderPlots() {
  const shown = [...state.selected].map(id => [id, state.runs.find(r => r.id === id)?.plots]);
  const key = JSON.stringify(shown);
  if (key === state.plotsKey) return;
  state.plotsKey = key;
  const area = document.getElementById('plots');
  area.replaceChildren();
  for (const id of state.selected) {
    const run = state.runs.find(r => r.id === id);
    if (!run) continue;
    for (const name of run.plots) {
      const what = name.replace(/\.png$/, '').replace(/-/g, ' ');
      const img = el('img', {src: '/files/' + run.id.split('/').map(encodeURIComponent).join('/') + '/' + encodeURIComponent(name),
        alt: what + ' of run ' + run.id});
      area.append(el('figure', {}, img, el('figcaption', {text: run.id + ': ' + what})));
    }
  }
}

function start() {
  document.getElementById('smoothing').addEventListener('input', ev => {
    document.getElementById('smoothing-value').textContent = ev.target.value;
    schedule();
  });
  document.getElementById('log-scale').addEventListener('change', schedule);
  window.addEventListener('resize', schedule);
  // a page left (a reload, another address) lets its stream go: kept open in the back-forward cache,
  // it would hold one of the six connections a browser opens to a host, and the seventh page would wait
  window.addEventListener('pagehide', () => { if (state.stream) { state.stream.close(); state.stream = null; } });
  window.addEventListener('pageshow', ev => { if (ev.persisted) listen(); });
  // the runs list and the shown runs' series at once: one round trip before the first paint, not two
  Promise.all([refreshRuns(), loadAll([...state.selected])]).then(async () => {
    listen();
    if (state.search) await showSearch(state.search);
    renderCharts();
  });
  setInterval(refreshRuns, 2000);
  setInterval(() => { if (state.search) showSearch(state.search); }, 5000);
}

document.addEventListener('DOMContentLoaded', start);   // after search.js, which the page also needs
