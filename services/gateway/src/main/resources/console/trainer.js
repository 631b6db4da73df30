// The trainer's view: the exercise's clock and controls (GET/POST /api/v1/exercise), the MSEL with
// "fire now" and an ad-hoc inject, the escalations and clock warnings as they happen and the load of
// each state and node (GET /api/v1/nodes and /api/v1/cases, then live GET /api/v1/events), charts of
// them and of the legal latency per channel over simulated time, and, once the exercise has ended,
// its after-action report (/report/).
import uPlot from './lib/uplot/uPlot.esm.js';
import { call, el, explain, follow, signOut, when } from './api.js';
import { openCase } from './case.js';
import { busiestNodes, loadByState } from './load.js';

const $ = (id) => document.getElementById(id);
const FEED_LENGTH = 200;
// the nodes the backlog chart draws: more lines than this do not read
const CHARTED_NODES = 8;

const session = await call('GET', '/session');
if (session.status !== 200 || session.body.role !== 'TRAINER') {
  location.replace('index.html');
  throw new Error('the trainer\'s view needs a trainer\'s sign-in');
}
const settled = new Set(session.body.settledStatuses);
$('who').textContent = `signed in as ${session.body.name}`;
$('sign-out').addEventListener('click', signOut);

// Each case as the console last saw it: where it is, whether it is settled, its clocks met and missed.
const cases = new Map();
// Legal latency of the cases settled so far, per channel: from routing (the timer's first status) to settling.
const CHANNELS = ['CENTRAL_AUTHORITY', 'CONTACT_POINT_247', 'I247', 'DIPLOMATIC'];
const latency = new Map(CHANNELS.map((channel) => [channel, { days: 0, closed: 0 }]));
let closed = 0;
const escalationsTo = new Map();
let escalations = 0;
let now = null;

function keep(view) {
  const known = cases.get(view.caseId);
  if (known && Date.parse(known.updatedAt) > Date.parse(view.updatedAt)) return;
  const closing = settled.has(view.status) && !(known && !known.open);
  if (closing && latency.has(view.channel) && view.statusTimes.ROUTED) {
    const sum = latency.get(view.channel);
    sum.days += (Date.parse(view.statusTimes[view.status]) - Date.parse(view.statusTimes.ROUTED)) / 86_400_000;
    sum.closed += 1;
    closed += 1;
    $('latency-closed').textContent = `${closed} cases settled since the page opened`;
  }
  cases.set(view.caseId, {
    node: view.handlingNode,
    open: !settled.has(view.status),
    met: view.clocks.filter((clock) => clock.metAt).length,
    missed: view.clocksMissed.length,
    updatedAt: view.updatedAt,
  });
}

function caseButton(caseId) {
  return el('button', { type: 'button', class: 'link', onclick: () => openCase(caseId, now) }, caseId);
}

function escalated(escalation) {
  escalations += 1;
  escalationsTo.set(escalation.targetNode, (escalationsTo.get(escalation.targetNode) || 0) + 1);
  const overdue = Math.round(escalation.overdueMillis / 3_600_000);
  toFeed(el('li', { 'data-kind': 'escalation', class: escalation.level === 'REMINDER' ? null : 'late' },
    `${when(escalation.header.simulatedTime)} ${escalation.level} to ${escalation.targetNode}: ${escalation.clock} `
      + `due ${when(escalation.deadline)}, ${overdue}h overdue, `, caseButton(escalation.header.caseId)));
}

function warned(warning) {
  toFeed(el('li', { 'data-kind': 'clock-warning', class: 'warning' },
    `${when(warning.reachedAt)} warning to ${warning.actingNode}: ${warning.clock} at ${Math.round(warning.elapsedShare * 100)} %, `
      + `due ${when(warning.deadline)}, `, caseButton(warning.header.caseId)));
}

function toFeed(line) {
  $('feed').prepend(line);
  while ($('feed').children.length > FEED_LENGTH) $('feed').lastElementChild.remove();
}

// Live first, then the cases so far: a change that arrives meanwhile is kept if it is the newer.
// Only the kinds this view shows: a stream of every transmission and evidence would cost the page for nothing.
const onEvent = { case: keep, escalation: escalated, 'clock-warning': warned };
follow(`?kinds=${Object.keys(onEvent).join(',')}`, (type, data) => onEvent[type]?.(data), (link) => { $('link').textContent = link; });
const reading = performance.now();
$('loaded').textContent = 'reading the cases so far…';
for (let after = null, first = true; first || after; first = false) {
  const page = await call('GET', `/cases?limit=1000${after ? `&after=${encodeURIComponent(after)}` : ''}`);
  if (page.status !== 200) {
    $('loaded').textContent = `the cases so far were not all read: ${explain(page)}`;
    break;
  }
  page.body.items.forEach(keep);
  after = page.body.next;
  if (!after) $('loaded').textContent = `${cases.size} cases read in ${((performance.now() - reading) / 1000).toFixed(1)} s`;
}

// The directory (GET /api/v1/nodes), asked again now and then: a designation may change in the exercise.
let directory = [];
async function readDirectory() {
  const answer = await call('GET', '/nodes');
  if (answer.status === 200) directory = answer.body;
}
await readDirectory();

// A card per state (a table captioned with the state's totals), so that the world reads at a glance.
function showLoad(states) {
  const most = Math.max(1, ...states.flatMap((state) => state.nodes.map((node) => node.open)));
  const plural = (count, one) => `${count} ${one}${count === 1 ? '' : 's'}`;
  $('backlog').replaceChildren(...states.map((state) => el('table', { 'data-state': state.state },
    el('caption', {}, `${state.state}: ${state.open} open, ${plural(state.missed, 'clock')} missed, `
      + plural(state.escalations, 'escalation')),
    el('thead', {}, el('tr', {}, ...['Node', 'Open', 'Load', 'Missed', 'Escalations'].map((title) => el('th', { scope: 'col' }, title)))),
    el('tbody', {}, ...state.nodes.map((node) => el('tr', { 'data-node': node.nodeId, class: node.active ? null : 'inactive' },
      el('th', { scope: 'row' }, el('a', { href: `player.html?node=${encodeURIComponent(node.nodeId)}` }, node.nodeId),
        node.active ? null : ' (not designated)'),
      el('td', { class: 'open' }, String(node.open)),
      el('td', {}, el('meter', { min: 0, max: most, value: node.open, 'aria-label': `${node.nodeId}: ${node.open} open` })),
      el('td', { class: node.missed ? 'late' : null }, String(node.missed)),
      el('td', {}, String(node.escalations))))))));
}

const chart = new uPlot({
  width: Math.min(640, $('chart').clientWidth || 640),
  height: 260,
  scales: { x: { time: true } },
  series: [{ label: 'simulated time' }, { label: 'open cases', stroke: '#1a3d6d', width: 2 },
    { label: 'clocks met', stroke: '#1d6b2f', width: 2 }, { label: 'clocks missed', stroke: '#a00000', width: 2 },
    { label: 'escalations seen', stroke: '#d4651a', width: 2 }],
  axes: [{}, {}],
}, [[], [], [], [], []], $('chart'));
const samples = [[], [], [], [], []];

const COLOURS = ['#1a3d6d', '#1d6b2f', '#a00000', '#6b2fa0'];
// eight lines told apart by colour on white (each with 4.5:1 contrast or more)
const NODE_COLOURS = [...COLOURS, '#8a4b00', '#00656b', '#5c5c5c', '#b0007a'];
const latencyChart = new uPlot({
  width: Math.min(640, $('latency-chart').clientWidth || 640),
  height: 220,
  scales: { x: { time: true } },
  series: [{ label: 'simulated time' }, ...CHANNELS.map((channel, i) => ({
    label: `${channel} (days)`, stroke: COLOURS[i], width: 2, spanGaps: true }))],
  axes: [{}, {}],
}, [[], ...CHANNELS.map(() => [])], $('latency-chart'));
const latencySamples = [[], ...CHANNELS.map(() => [])];

// Each node's open cases at every sample, from the first sample it appeared in; the chart draws
// the busiest nodes now, and is drawn anew when they change.
const nodeSamples = new Map();
let nodeChart = null;
let charted = '';
function sampleNodes(states) {
  const taken = samples[0].length;
  for (const node of states.flatMap((state) => state.nodes)) {
    if (!nodeSamples.has(node.nodeId)) nodeSamples.set(node.nodeId, new Array(taken - 1).fill(null));
    nodeSamples.get(node.nodeId).push(node.open);
  }
  for (const line of nodeSamples.values()) if (line.length < taken) line.push(null);
  const busiest = busiestNodes(states, CHARTED_NODES);
  const data = [samples[0], ...busiest.map((node) => nodeSamples.get(node))];
  if (!nodeChart || busiest.join() !== charted) {
    charted = busiest.join();
    nodeChart?.destroy();
    $('node-chart-count').textContent = busiest.length ? `${busiest.length} busiest` : 'busiest (none has an open case yet)';
    nodeChart = new uPlot({
      width: Math.min(960, $('node-chart').clientWidth || 960),
      height: 260,
      scales: { x: { time: true } },
      series: [{ label: 'simulated time' }, ...busiest.map((node, i) => ({
        label: node, stroke: NODE_COLOURS[i % NODE_COLOURS.length], width: 2, spanGaps: true }))],
      axes: [{}, {}],
    }, data, $('node-chart'));
  } else {
    nodeChart.setData(data);
  }
}

function sample(simulatedTime, states) {
  const seconds = Date.parse(simulatedTime) / 1000;
  if (samples[0].length && samples[0][samples[0].length - 1] >= seconds) return;
  let open = 0;
  let met = 0;
  let missed = 0;
  for (const known of cases.values()) {
    open += known.open ? 1 : 0;
    met += known.met;
    missed += known.missed;
  }
  [seconds, open, met, missed, escalations].forEach((value, i) => samples[i].push(value));
  chart.setData(samples);
  latencySamples[0].push(seconds);
  CHANNELS.forEach((channel, i) => {
    const sum = latency.get(channel);
    latencySamples[i + 1].push(sum.closed ? sum.days / sum.closed : null);
  });
  latencyChart.setData(latencySamples);
  sampleNodes(states);
}

// The after-action: the report `play` writes at the end and serves until Ctrl-C (404 until written),
// asked for every second on its own, whatever the exercise's status calls do meanwhile.
let afterActionAsked = false;
async function afterAction() {
  $('after-action').hidden = false;
  let answer = null;
  try {
    // not from the browser's cache: it may keep the 404 of before the report was written
    answer = await fetch('../report/report.json', { cache: 'no-store', signal: AbortSignal.timeout(5000) });
  } catch (unanswered) {
    answer = null;
  }
  let report = null;
  try {
    report = answer && answer.ok ? await answer.json() : null;
  } catch (unreadable) {
    report = null;
  }
  if (!report) {
    $('after-action-status').textContent = 'the report is being written…';
    setTimeout(afterAction, 1000);
    return;
  }
  $('after-action-status').replaceChildren(el('a', { id: 'report-link', href: '../report/report.html' },
    'The after-action report'), ` (${report.simulatedDays} simulated days; `,
  el('a', { href: '../report/cases.csv' }, 'cases.csv'), ')');
  $('players').tBodies[0].replaceChildren(...report.players.map((player) => el('tr', { 'data-node': player.node },
    el('th', { scope: 'row' }, `${player.node} (${player.name})`),
    el('td', {}, String(player.received)), el('td', {}, String(player.answered)), el('td', {}, String(player.actions)),
    el('td', {}, `${player.firstResponseP50Hours} h`), el('td', {}, `${player.firstResponseMaxHours} h`))));
  $('simulated').tBodies[0].replaceChildren(...report.nodes
    .filter((line) => !report.players.some((player) => player.node === line.node))
    .map((line) => el('tr', {}, el('th', { scope: 'row' }, line.node), el('td', {}, String(line.arrivals)),
      el('td', {}, String(line.decided)), el('td', {}, `${line.meanWaitHours} h`))));
}

// An expectation as the report checks it, on the run so far: the metric, its value, the bounds it should keep.
function checked(check) {
  if (!check) return '—';
  const bounds = check.atLeast != null && check.atMost != null ? `${check.atLeast}–${check.atMost}`
    : check.atLeast != null ? `at least ${check.atLeast}` : `at most ${check.atMost}`;
  return el('span', { class: check.met ? null : 'warning' },
    `${check.metric} = ${check.observed} (expected ${bounds}): ${check.met ? 'met' : 'not met so far'}`);
}

function showMsel(injects, outcomes) {
  $('msel').tBodies[0].replaceChildren(...injects.map((inject) => el('tr', { 'data-inject': inject.id },
    el('th', { scope: 'row' }, `${inject.id} ${inject.kind} ${inject.target}`),
    el('td', {}, inject.conditional ? `from ${when(inject.at)}, conditional` : when(inject.at)),
    el('td', {}, inject.firedAt ? `${when(inject.firedAt)}${inject.firedByTrainer ? ' by trainer' : ''}` : 'not yet'),
    el('td', {}, inject.expected),
    el('td', { class: 'check' }, checked(inject.check)),
    el('td', {}, inject.fireable ? el('button', { type: 'button', 'aria-label': `Fire ${inject.id} now`,
      onclick: () => command('POST', `/exercise/injects/${encodeURIComponent(inject.id)}/fire`) }, 'Fire now') : null))));
  $('outcomes').tBodies[0].replaceChildren(...outcomes.map((outcome) => el('tr', {},
    el('td', {}, outcome.expected), el('td', { class: 'check' }, checked(outcome.check)))));
}

async function command(method, path, body) {
  const answer = await call(method, path, body);
  $('command-result').textContent = answer.status === 202
    ? `accepted (${answer.body.commandId}); it takes effect at the next step boundary`
    : `refused: ${explain(answer)}`;
  return answer;
}

$('pause').addEventListener('click', () => command('POST', '/exercise/pause'));
$('resume').addEventListener('click', () => command('POST', '/exercise/resume'));
$('end').addEventListener('click', () => command('POST', '/exercise/end'));
$('controls').addEventListener('submit', (submitted) => {
  submitted.preventDefault();
  command('PUT', '/exercise/speed', { factor: Number($('speed-factor').value) });
});
$('adhoc').addEventListener('submit', (submitted) => {
  submitted.preventDefault();
  const inject = { kind: $('adhoc-kind').value, target: $('adhoc-target').value.trim(), lasting: $('adhoc-lasting').value.trim() };
  if ($('adhoc-officers').value !== '') inject.officers = Number($('adhoc-officers').value);
  if ($('adhoc-expected').value.trim()) inject.expected = $('adhoc-expected').value.trim();
  command('POST', '/exercise/injects', inject);
});

let mselShown = '';
let refreshes = 0;
async function refresh() {
  const status = await call('GET', '/exercise');
  if (status.status === 200) {
    const exercise = status.body;
    now = exercise.simulatedTime;
    $('scenario').textContent = exercise.scenario;
    $('sim-time').textContent = when(exercise.simulatedTime);
    $('sim-time').setAttribute('datetime', exercise.simulatedTime);
    $('exercise-state').textContent = exercise.state;
    $('speed').textContent = exercise.speed;
    $('pause').disabled = exercise.state !== 'RUNNING';
    $('resume').disabled = exercise.state !== 'PAUSED';
    $('end').disabled = exercise.state === 'ENDED';
    // rebuilt only when it changed, so that a focused "Fire now" keeps its focus
    if (JSON.stringify([exercise.injects, exercise.outcomes]) !== mselShown) {
      mselShown = JSON.stringify([exercise.injects, exercise.outcomes]);
      showMsel(exercise.injects, exercise.outcomes);
    }
    if (++refreshes % 10 === 0 || !directory.length) await readDirectory();
    const states = loadByState(directory, cases.values(), escalationsTo);
    showLoad(states);
    sample(exercise.simulatedTime, states);
    if (exercise.state === 'ENDED' && !afterActionAsked) {
      afterActionAsked = true;
      afterAction();
    }
  } else {
    $('exercise-state').textContent = explain(status);
  }
  setTimeout(refresh, 1000);
}
refresh();
