// The Descent dashboard: runs from /api/runs, histories from /api/history, live rows by
// server-sent events from /api/events, a search's trials from /api/search. uPlot draws.
'use strict';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];
const params = new URLSearchParams(location.search);
const state = {
  runs: [],                       // from /api/runs
  selected: new Set(params.getAll('run')),
  search: params.get('search'),
  sort: params.get('sort') || 'rank',
  descending: params.get('order') === 'desc',
  data: new Map(),                // run id -> rows
  streams: new Map(),             // run id -> EventSource
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
      if (!state.runs.some(r => r.id === id)) { state.selected.delete(id); stopStream(id); }
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
}

function unselect(id) {
  state.selected.delete(id);
  stopStream(id);
  state.data.delete(id);
  schedule();
}

function stopStream(id) {
  const s = state.streams.get(id);
  if (s) { s.close(); state.streams.delete(id); }
}

async function load(id) {
  const answer = await json('/api/history?run=' + encodeURIComponent(id));
  state.data.set(id, answer.rows);
  stopStream(id);
  const source = new EventSource('/api/events?run=' + encodeURIComponent(id) + '&from=' + answer.total);
  source.onmessage = ev => {
    try {
      state.data.get(id)?.push(JSON.parse(ev.data));
      schedule();
    } catch (e) { /* a line that is not a row: skipped, as every reader does */ }
  };
  state.streams.set(id, source);
  schedule();
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

/** One chart: for every selected run, each series of pick(row) on a shared epoch axis. */
function chart(title, pick, names, opts) {
  const beta = Number(document.getElementById('smoothing').value);
  const ids = [...state.selected].filter(id => state.data.has(id));
  const epochs = new Set();
  for (const id of ids) for (const r of state.data.get(id)) epochs.add(r.epoch);
  const xs = [...epochs].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const data = [xs];
  const series = [{label: 'epoch'}];
  let points = 0;
  ids.forEach((id, k) => {
    const rows = state.data.get(id);
    const count = names.length === 0 ? Math.max(0, ...rows.map(r => (pick(r, 0) || []).length)) : names.length;
    for (let s = 0; s < count; s++) {
      const ys = new Array(xs.length).fill(null);
      for (const r of rows) {
        const v = names.length === 0 ? (pick(r) || [])[s] : pick(r, s);
        if (v != null && Number.isFinite(v) && !(opts.log && v <= 0)) { ys[index.get(r.epoch)] = v; points++; }
      }
      data.push(smooth(ys, opts.smoothable ? beta : 0));
      const name = names.length === 0 ? 'layer ' + (s + 1) : names[s];
      const measured = ys.filter(v => v != null).length;
      // runs are told apart by colour and width (each later run thinner, drawn over the earlier,
      // so identical curves stay visible as a line inside a line), their series by dashes;
      // a series measured on few epochs (train accuracy on probe epochs) shows its points
      series.push({label: id + ' ' + name, stroke: color(id), width: Math.max(1, 4 - 1.2 * k), spanGaps: true,
        dash: s === 0 ? undefined : [[6, 4], [2, 3], [8, 3, 2, 3]][(s - 1) % 3],
        points: {show: measured > 0 && measured < xs.length / 2, size: 6},
        value: (u, v) => v == null ? '–' : v.toPrecision(4)});
    }
  });
  const box = el('div', {class: 'chart', 'data-chart': title, 'data-points': String(points)});
  box.append(el('h3', {text: title}));
  if (points === 0) {
    box.append(el('p', {class: 'note', text: ids.length ? 'nothing measured yet' : 'select runs on the left'}));
    return {box, points};
  }
  const width = Math.max(400, document.getElementById('charts').clientWidth - 20);
  const u = new uPlot({width, height: 240, series, scales: {x: {time: false}, y: {distr: opts.log ? 3 : 1}},
    axes: [{label: 'epoch'}, {}], cursor: {drag: {x: true, y: false}}}, data, box);
  state.plots.push(u);
  return {box, points};
}

function renderCharts() {
  for (const u of state.plots) u.destroy();
  state.plots = [];
  const log = document.getElementById('log-scale').checked;
  const area = document.getElementById('charts');
  area.replaceChildren();
  area.hidden = state.selected.size === 0 && state.search != null;
  const cost = chart('cost', (r, s) => s === 0 ? r.train_cost : r.dev_cost, ['train', 'dev'], {log, smoothable: true});
  area.append(cost.box);
  area.append(chart('accuracy', (r, s) => s === 0 ? r.train_accuracy : r.dev_accuracy, ['train', 'dev'], {smoothable: true}).box);
  area.append(chart('learning rate', r => r.lr, ['lr'], {log: true}).box);
  area.append(chart('gradient norm per layer', r => r.grad_norm, [], {log: true}).box);
  area.append(chart('update / parameter ratio per layer', r => r.update_ratio, [], {log: true}).box);
  document.body.dataset.points = String(cost.points);
  renderPlots();
  document.body.dataset.ready = '1';
}

function renderPlots() {
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

const COLUMNS = ['rank', 'id', 'status', 'dev_accuracy', 'dev_cost', 'epochs', 'params', 'seed'];

async function showSearch(id) {
  state.search = id;
  const section = document.getElementById('search');
  section.hidden = false;
  document.getElementById('search-name').textContent = id;
  const answer = await json('/api/search?run=' + encodeURIComponent(id));
  const ranked = new Map();
  (answer.summary?.trials || []).forEach(t => ranked.set(t.id, t.rank));
  state.trials = answer.trials.map(t => ({...t, rank: ranked.get(t.id) ?? null}));
  const best = answer.summary?.best;
  document.getElementById('best-command').textContent = best?.command || '(no completed trial yet)';
  renderTrials(best?.id);
  renderSearchChart(answer);
  document.body.dataset.search = id;
}

function renderTrials(bestId) {
  const table = document.getElementById('trials');
  const head = el('tr');
  for (const c of COLUMNS) {
    const th = el('th', {text: c, 'data-column': c});
    if (c === state.sort) th.setAttribute('aria-sort', state.descending ? 'descending' : 'ascending');
    th.addEventListener('click', () => {
      state.descending = state.sort === c ? !state.descending : false;
      state.sort = c;
      renderTrials(bestId);
    });
    head.append(th);
  }
  table.tHead.replaceChildren(head);
  const key = t => state.sort === 'params' ? JSON.stringify(t.params) : t[state.sort];
  const rows = [...state.trials].sort((a, b) => {
    const x = key(a), y = key(b);
    const order = x == null ? 1 : y == null ? -1 : x < y ? -1 : x > y ? 1 : 0;
    return state.descending ? -order : order;
  });
  const body = table.tBodies[0];
  body.replaceChildren();
  for (const t of rows) {
    const tr = el('tr', {'data-trial': String(t.id)});
    if (t.id === bestId) tr.className = 'best';
    for (const c of COLUMNS) {
      const v = c === 'params' ? Object.entries(t.params).map(([k, x]) => k + '=' + (typeof x === 'number' ? x.toPrecision(4) : x)).join(', ')
        : t[c] == null ? '–' : typeof t[c] === 'number' && !Number.isInteger(t[c]) ? t[c].toFixed(4) : String(t[c]);
      tr.append(el('td', {text: v}));
    }
    body.append(tr);
  }
}

/** Dev accuracy by trial (numbered as the table numbers them, from 0, pruned ones included) and the running best. */
function renderSearchChart(answer) {
  const box = document.getElementById('search-chart');
  box.replaceChildren();
  const trials = [...answer.trials].sort((a, b) => a.id - b.id);
  if (trials.length === 0) return;
  const xs = trials.map(t => t.id);
  const ys = trials.map(t => t.dev_accuracy ?? null);
  let best = null;
  const running = trials.map(t => {
    if (t.status === 'complete' && t.dev_accuracy != null && (best == null || t.dev_accuracy > best)) best = t.dev_accuracy;
    return best;
  });
  new uPlot({width: 600, height: 220, scales: {x: {time: false}},
    series: [{label: 'trial'}, {label: 'dev accuracy', stroke: '#1f77b4', width: 0, points: {show: true, size: 6}},
      {label: 'running best', stroke: '#d62728', width: 2, points: {show: false}}],
    axes: [{label: 'trial (as in the table, from 0)', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500]}, {label: 'dev accuracy'}]},
    [xs, ys, running], box);
}

function start() {
  document.getElementById('smoothing').addEventListener('input', ev => {
    document.getElementById('smoothing-value').textContent = ev.target.value;
    schedule();
  });
  document.getElementById('log-scale').addEventListener('change', schedule);
  window.addEventListener('resize', schedule);
  refreshRuns().then(async () => {
    for (const id of state.selected) await load(id);
    if (state.search) await showSearch(state.search);
    renderCharts();
  });
  setInterval(refreshRuns, 2000);
  setInterval(() => { if (state.search) showSearch(state.search); }, 5000);
}

start();
