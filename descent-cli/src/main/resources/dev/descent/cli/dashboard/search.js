// The dashboard's search page, from /api/search: the trials table, the metric by trial with the
// running best, each parameter against the metric on its sampling scale, parallel coordinates,
// parameter importance and the trials' curves (pruned ones up to where they stopped).
'use strict';

const COLUMNS = ['rank', 'id', 'status', 'dev_accuracy', 'dev_cost', 'epochs', 'params', 'seed'];
const PRUNED = '#d62728';
const COMPLETE = '#1f77b4';
const SVG = 'http://www.w3.org/2000/svg';
const NICE_BETAS = [0.5, 0.8, 0.9, 0.95, 0.98, 0.99, 0.995, 0.998, 0.999, 0.9995, 0.9998, 0.9999, 0.99995, 0.99999];

async function showSearch(id) {
  state.search = id;
  const section = document.getElementById('search');
  section.hidden = false;
  document.getElementById('search-name').textContent = id;
  const answer = await json('/api/search?run=' + encodeURIComponent(id));
  const stamp = JSON.stringify([answer.trials.length, answer.summary?.best?.id, answer.trials.map(t => t.status).join()]);
  state.trials = answer.trials.map(t => ({...t, rank: answer.ranks[String(t.id)] ?? null}));
  const best = answer.summary?.best;
  document.getElementById('best-command').textContent = best?.command || '(no completed trial yet)';
  renderTrials(best?.id);
  if (stamp !== state.searchStamp || id !== document.body.dataset.search) {
    // redrawn only when the trials changed: the page polls every few seconds
    state.searchStamp = stamp;
    const metric = answer.metric;
    for (const u of state.searchPlots || []) u.destroy();
    state.searchPlots = [];
    renderSearchChart(answer, metric);
    renderParams(answer, metric);
    renderParallel(answer, metric);
    renderImportance(answer);
    renderCurves(answer, metric);
  }
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
      const v = c === 'params' ? Object.entries(t.params).map(([k, x]) => k + '=' + label(x)).join(', ')
        : t[c] == null ? '–' : typeof t[c] === 'number' && !Number.isInteger(t[c]) ? t[c].toFixed(4) : String(t[c]);
      tr.append(el('td', {text: v}));
    }
    body.append(tr);
  }
}

function label(x) {
  return typeof x === 'number' ? (Number.isInteger(x) ? String(x) : x.toPrecision(4)) : String(x);
}

function metricName(metric) {
  return metric.replace('_', ' ');
}

function chartBox(id, title, note) {
  const box = document.getElementById(id);
  box.replaceChildren(el('h3', {text: title}));
  if (note) box.append(el('p', {class: 'note', text: note}));
  return box;
}

function plot(opts, data, box) {
  const u = new uPlot(opts, data, box);
  state.searchPlots.push(u);
  return u;
}

/** The metric by trial (numbered as the table numbers them, from 0, pruned ones included) and the running best. */
function renderSearchChart(answer, metric) {
  const box = chartBox('search-chart', metricName(metric) + ' by trial, with the running best',
    'pruned trials at the value they had when stopped; the running best counts complete trials only');
  const trials = [...answer.trials].sort((a, b) => a.id - b.id);
  if (trials.length === 0) return;
  const xs = trials.map(t => t.id);
  const complete = trials.map(t => t.status === 'complete' ? t[metric] ?? null : null);
  const pruned = trials.map(t => t.status === 'pruned' ? t[metric] ?? null : null);
  let best = null;
  const running = trials.map(t => {
    const v = t[metric];
    if (t.status === 'complete' && v != null && (best == null || (answer.maximize ? v > best : v < best))) best = v;
    return best;
  });
  plot({width: 640, height: 240, scales: {x: {time: false}},
    series: [{label: 'trial'}, {label: 'complete', stroke: COMPLETE, width: 0, points: {show: true, size: 7, fill: COMPLETE}},
      {label: 'pruned', stroke: PRUNED, width: 0, points: {show: true, size: 7}},
      {label: 'running best', stroke: '#2ca02c', width: 2, points: {show: false}}],
    axes: [{label: 'trial (as in the table, from 0)', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500]}, {label: metricName(metric)}]},
  [xs, complete, pruned, running], box);
}

/** A parameter's axis: where a value sits (its sampling scale), and how a position reads back. */
function axisOf(name, scale, trials) {
  if (scale === 'categorical') {
    const categories = [];
    for (const t of [...trials].sort((a, b) => a.id - b.id)) {
      const c = label(t.params[name]);
      if (!categories.includes(c)) categories.push(c);
    }
    categories.sort((a, b) => a.localeCompare(b, 'en', {numeric: true}));   // 5-2 before 10 before 20-7
    return {categorical: true, categories, position: v => categories.indexOf(label(v)), text: p => categories[Math.round(p)] ?? '',
      min: -0.5, max: categories.length - 0.5};
  }
  const values = trials.map(t => t.params[name]).filter(v => typeof v === 'number' && Number.isFinite(v));
  if (scale === 'one-minus-log') {
    // −log10(1 − β): 0.9 → 1, 0.99 → 2, 0.999 → 3 (averaging over 10, 100, 1 000 steps)
    const f = v => -Math.log10(1 - v);
    const r = range(values.map(f));
    const nice = NICE_BETAS.map(f).filter(p => p >= r.min && p <= r.max);
    return {position: f, text: p => String(+(1 - Math.pow(10, -p)).toPrecision(4)), ...r, ticks: nice.length >= 2 ? nice : null};
  }
  if (scale === 'log') {
    return {log: true, position: v => v, text: p => String(+p.toPrecision(3)), min: Math.min(...values), max: Math.max(...values)};
  }
  return {position: v => v, text: p => String(+p.toPrecision(4)), ...range(values)};
}

function range(values) {
  const lo = Math.min(...values), hi = Math.max(...values);
  const pad = hi > lo ? 0.05 * (hi - lo) : 0.5;
  return {min: lo - pad, max: hi + pad};
}

/** A fixed jitter in [−0.25, 0.25] per trial, so that trials of one category spread without moving on reload. */
function jitter(id) {
  const x = Math.sin(id * 12.9898 + 78.233) * 43758.5453;
  return (x - Math.floor(x) - 0.5) / 2;
}

/** One small chart per parameter: the metric against the parameter on its sampling scale. */
function renderParams(answer, metric) {
  const area = document.getElementById('search-params');
  area.replaceChildren(el('h3', {text: 'each parameter against ' + metricName(metric) + ', on the scale it was sampled on'}));
  for (const [name, scale] of Object.entries(answer.scales)) {
    const trials = answer.trials.filter(t => t.params[name] != null && t[metric] != null);
    if (trials.length === 0) continue;
    const axis = axisOf(name, scale, trials);
    const points = trials.map(t => ({x: axis.position(t.params[name]) + (axis.categorical ? jitter(t.id) : 0), t}))
      .sort((a, b) => a.x - b.x);
    const xs = points.map(p => p.x);
    const box = el('div', {class: 'param-chart', 'data-param': name, 'data-scale': scale});
    area.append(box);
    const scaleName = scale === 'categorical' ? 'categories, jittered' : scale;
    // uPlot leaves some of a log axis's splits null (no room for their labels)
    const xAxis = {label: name + ' (' + scaleName + ')', values: (u, splits) => splits.map(v => v == null ? '' : axis.text(v))};
    if (axis.categorical) {
      xAxis.splits = () => axis.categories.map((c, i) => i);
    } else if (axis.ticks) {
      xAxis.splits = () => axis.ticks;
    }
    const pad = axis.log ? Math.pow(axis.max / axis.min, 0.05) : 1;
    plot({width: 420, height: 220, legend: {show: false},
      scales: {x: {time: false, distr: axis.log ? 3 : 1, range: () => axis.log ? [axis.min / pad, axis.max * pad] : [axis.min, axis.max]}},
      series: [{label: name}, {label: 'complete', stroke: COMPLETE, width: 0, points: {show: true, size: 7, fill: COMPLETE}},
        {label: 'pruned', stroke: PRUNED, width: 0, points: {show: true, size: 7}}],
      axes: [xAxis, {label: metricName(metric)}]},
    [xs, points.map(p => p.t.status === 'complete' ? p.t[metric] : null), points.map(p => p.t.status === 'pruned' ? p.t[metric] : null)], box);
  }
}

/** Parallel coordinates in SVG: one axis per parameter (on its sampling scale) and one for the metric; a line per trial. */
function renderParallel(answer, metric) {
  const box = chartBox('search-parallel', 'parallel coordinates',
    'one line per trial, coloured by ' + metricName(metric) + ' (dark: best); pruned trials dashed');
  const names = Object.keys(answer.scales);
  const trials = answer.trials.filter(t => t[metric] != null && names.every(n => t.params[n] != null));
  if (trials.length === 0 || names.length === 0) return;
  const axes = names.map(n => ({name: n, ...axisOf(n, answer.scales[n], trials)}));
  const values = trials.map(t => t[metric]);
  axes.push({name: metricName(metric), position: v => v, text: p => String(+p.toPrecision(4)), ...range(values), metric: true});
  const width = 160 * axes.length, height = 300, top = 30, bottom = 40;
  const svg = document.createElementNS(SVG, 'svg');
  for (const [k, v] of Object.entries({width, height, viewBox: '0 0 ' + width + ' ' + height, role: 'img',
    'aria-label': 'parallel coordinates of ' + trials.length + ' trials', class: 'parallel'})) svg.setAttribute(k, v);
  const x = i => 60 + i * (width - 120) / Math.max(1, axes.length - 1);
  const y = (axis, v, id) => {
    const p = axis.position(v) + (axis.categorical ? 0.5 * jitter(id) : 0);
    const f = axis.log ? (Math.log(p) - Math.log(axis.min)) / (Math.log(axis.max) - Math.log(axis.min) || 1)
      : (p - axis.min) / (axis.max - axis.min || 1);
    return height - bottom - (Number.isFinite(f) ? f : 0.5) * (height - top - bottom);
  };
  const lo = Math.min(...values), hi = Math.max(...values);
  const order = [...trials].sort((a, b) => answer.maximize ? a[metric] - b[metric] : b[metric] - a[metric]);   // the best drawn last, on top
  for (const t of order) {
    const good = hi > lo ? (answer.maximize ? t[metric] - lo : hi - t[metric]) / (hi - lo) : 1;
    const path = axes.map((a, i) => (i === 0 ? 'M' : 'L') + x(i).toFixed(1) + ',' +
      y(a, a.metric ? t[metric] : t.params[a.name], t.id).toFixed(1)).join(' ');
    const line = document.createElementNS(SVG, 'path');
    line.setAttribute('d', path);
    line.setAttribute('fill', 'none');
    line.setAttribute('stroke', 'hsl(' + (220 - 200 * good).toFixed(0) + ',70%,' + (70 - 35 * good).toFixed(0) + '%)');
    line.setAttribute('stroke-width', t.status === 'complete' ? '1.6' : '1.2');
    if (t.status === 'pruned') line.setAttribute('stroke-dasharray', '4 3');
    line.setAttribute('data-trial', String(t.id));
    const tip = document.createElementNS(SVG, 'title');
    tip.textContent = 'trial ' + t.id + ' (' + t.status + '): ' + Object.entries(t.params).map(([k, v]) => k + '=' + label(v)).join(', ')
      + ' → ' + metricName(metric) + ' ' + label(t[metric]);
    line.append(tip);
    svg.append(line);
  }
  axes.forEach((a, i) => {
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('class', 'axis');
    const rule = document.createElementNS(SVG, 'line');
    for (const [k, v] of Object.entries({x1: x(i), x2: x(i), y1: top, y2: height - bottom, stroke: '#444'})) rule.setAttribute(k, v);
    g.append(rule);
    const title = document.createElementNS(SVG, 'text');
    for (const [k, v] of Object.entries({x: x(i), y: height - 12, 'text-anchor': 'middle', 'font-weight': 'bold'})) title.setAttribute(k, v);
    title.textContent = a.name + (a.metric ? '' : ' (' + (answer.scales[a.name] || '') + ')');
    g.append(title);
    for (const tick of ticks(a)) {
      const text = document.createElementNS(SVG, 'text');
      for (const [k, v] of Object.entries({x: x(i) - 5, y: yTick(a, tick, height, top, bottom) + 4, 'text-anchor': 'end', 'font-size': 11})) {
        text.setAttribute(k, v);
      }
      text.textContent = a.text(tick);
      g.append(text);
    }
    svg.append(g);
  });
  box.append(svg);
}

/** Tick positions on an axis's own scale: its categories, decades of a log axis, or five even steps. */
function ticks(a) {
  if (a.categorical) return a.categories.map((c, i) => i);
  if (a.ticks) return a.ticks;
  if (a.log) {
    const out = [];
    for (let e = Math.ceil(Math.log10(a.min)); e <= Math.floor(Math.log10(a.max)); e++) out.push(Math.pow(10, e));
    return out.length >= 2 ? out : [a.min, a.max];
  }
  return [0, 1, 2, 3, 4].map(k => a.min + k * (a.max - a.min) / 4);
}

function yTick(a, p, height, top, bottom) {
  const f = a.log ? (Math.log(p) - Math.log(a.min)) / (Math.log(a.max) - Math.log(a.min) || 1) : (p - a.min) / (a.max - a.min || 1);
  return height - bottom - f * (height - top - bottom);
}

/** Each parameter's share of the metric's variation (computed by the server; see its method). */
function renderImportance(answer) {
  const box = chartBox('search-importance', 'parameter importance');
  const shares = Object.entries(answer.importance.values).sort((a, b) => b[1] - a[1]);
  if (shares.length === 0) {
    box.append(el('p', {class: 'note', text: 'needs at least 3 complete trials whose ' + metricName(answer.metric) + ' differs ('
      + answer.importance.trials + ' complete so far)'}));
    return;
  }
  const table = el('table', {class: 'importance'});
  table.append(el('tr', {}, el('th', {text: 'parameter'}), el('th', {text: 'share'}), el('th', {text: ''})));
  for (const [name, share] of shares) {
    const bar = el('span', {class: 'bar'});
    bar.style.width = (share * 300).toFixed(0) + 'px';   // CSSOM: the Content-Security-Policy forbids style attributes
    table.append(el('tr', {'data-param': name}, el('td', {text: name}), el('td', {text: (100 * share).toFixed(1) + ' %'}),
      el('td', {class: 'bar-cell'}, bar)));
  }
  box.append(table, el('p', {class: 'note method', text: 'Method: ' + answer.importance.method + '; '
    + answer.importance.trials + ' complete trials.'}));
}

/** Every trial's metric per epoch: pruned trials in colour up to the epoch they were stopped at (marked), complete ones grey. */
function renderCurves(answer, metric) {
  const box = chartBox('search-curves', 'trials\' curves: ' + metricName(metric) + ' per epoch',
    'pruned trials in colour, each up to the epoch it was stopped at (the last point); complete trials in grey');
  const trials = answer.trials.filter(t => (t.curve || []).length > 0).sort((a, b) => a.id - b.id);
  if (trials.length === 0) return;
  const epochsOf = t => t.curve_epochs || t.curve.map((v, i) => i + 1);
  const all = new Set();
  for (const t of trials) for (const e of epochsOf(t)) all.add(e);
  const xs = [...all].sort((a, b) => a - b);
  const index = new Map(xs.map((x, i) => [x, i]));
  const data = [xs];
  const series = [{label: 'epoch'}];
  let pruned = 0;
  for (const t of trials) {
    const ys = new Array(xs.length).fill(null);
    const epochs = epochsOf(t);
    let last = -1;
    t.curve.forEach((v, i) => { if (v != null) { ys[index.get(epochs[i])] = v; last = index.get(epochs[i]); } });
    data.push(ys);
    const isPruned = t.status === 'pruned';
    if (isPruned) pruned++;
    series.push({label: 'trial ' + t.id + (isPruned ? ' (pruned)' : ''), spanGaps: true,
      stroke: isPruned ? COLORS[pruned % COLORS.length] : '#bbbbbb', width: isPruned ? 2 : 1,
      points: isPruned ? {show: false, size: 8, filter: () => [last]} : {show: false}});
  }
  box.dataset.pruned = String(pruned);
  box.dataset.series = String(trials.length);
  plot({width: 640, height: 260, legend: {show: trials.length <= 20}, scales: {x: {time: false}}, series,
    axes: [{label: 'epoch'}, {label: metricName(metric)}]}, data, box);
}
