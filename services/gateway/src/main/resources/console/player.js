// The player's view: the node's inbox (GET /api/v1/nodes/{node}/inbox, paged), each case's clocks
// counting down in simulated time (GET /api/v1/session), the steps the case state machine allows
// now (POST /api/v1/cases/{id}/actions), and the player's own steps with how long each took.
import { call, casePath, el, explain, follow, signOut, span, when } from './api.js';
import { clockList, openCase } from './case.js';

const $ = (id) => document.getElementById(id);
const PAGE = 25;
// The steps of docs/api.md (Playing a node) in the player's words.
const STEPS = {
  TRANSLATING: 'Translate', DELIVERED: 'Record delivery', ACKNOWLEDGED: 'Acknowledge', UNDER_REVIEW: 'Review',
  MORE_INFO_REQUESTED: 'Ask for more information', CONSULTATION: 'Consult on ground', REFUSED: 'Refuse on ground',
  IN_EXECUTION: 'Forward for execution', EXECUTED: 'Execute', PARTIALLY_EXECUTED: 'Execute in part',
};
const NEEDS_GROUND = new Set(['CONSULTATION', 'REFUSED']);
// QueuePlace's priorities: 1 urgent, 2 and up an escalation step addressed to the node.
const PRIORITY = ['—', 'urgent', 'reminder', 'supervisor'];

const session = await call('GET', '/session');
const node = session.status !== 200 ? null
  : session.body.role === 'PLAYER' ? session.body.node : new URLSearchParams(location.search).get('node');
if (!node) {
  location.replace(session.status === 200 && session.body.role === 'TRAINER' ? 'trainer.html' : 'index.html');
  throw new Error('no node to show');
}
const grounds = session.body.refusalGrounds;
let now = session.body.simulatedTime;
$('node').textContent = node;
// a trainer may look at any node's inbox (the API lets them); a player only at their own
$('to-trainer').hidden = session.body.role !== 'TRAINER';
$('who').textContent = `signed in as ${session.body.name}`;
$('sign-out').addEventListener('click', signOut);

let pageStart = null;
let next = null;
let items = [];

async function load() {
  const page = await call('GET', `/nodes/${encodeURIComponent(node)}/inbox?limit=${PAGE}`
    + (pageStart ? `&after=${encodeURIComponent(pageStart)}` : ''));
  if (page.status !== 200) {
    $('action-result').textContent = `inbox refused: ${explain(page)}`;
    return;
  }
  items = page.body.items;
  next = page.body.next;
  show();
}

function actions(view) {
  const ground = el('select', { id: `ground:${view.caseId}`, 'aria-label': `Ground for ${view.caseId}` },
    grounds.map((name) => el('option', {}, name)));
  const buttons = view.allowedActions.filter((status) => STEPS[status]).map((status) => el('button', {
    type: 'button', id: `act:${view.caseId}:${status}`, 'data-case': view.caseId, 'data-action': status,
    onclick: () => act(view, status, NEEDS_GROUND.has(status) ? ground.value : null),
  }, STEPS[status]));
  const grounded = view.allowedActions.some((status) => NEEDS_GROUND.has(status));
  return el('td', { class: 'actions' }, grounded ? [el('span', {}, ground)] : [], buttons);
}

function show() {
  const focused = document.activeElement && document.activeElement.id;
  $('inbox').tBodies[0].replaceChildren(...items.map((view) => el('tr', { 'data-case': view.caseId },
    el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link', onclick: () => openCase(view.caseId, now) },
      view.caseId)),
    el('td', { class: 'priority' }, PRIORITY[view.queuePlace.priority] ?? `level ${view.queuePlace.priority}`),
    el('td', {}, `${view.requestType} from ${view.requestingState}, ${view.crimeArea}`),
    el('td', {}, view.status + (view.escalationLevel ? `, escalated: ${view.escalationLevel}` : '')),
    el('td', {}, clockList(view, now)),
    actions(view))));
  if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  $('next-page').disabled = !next;
  $('first-page').disabled = !pageStart;
}

async function act(view, status, refusalGround) {
  const step = { node, status };
  if (refusalGround) step.refusalGround = refusalGround;
  const answer = await call('POST', `${casePath(view.caseId)}/actions`, step);
  if (answer.status !== 202) {
    $('action-result').textContent = `${view.caseId}: ${STEPS[status]} refused: ${explain(answer)}`;
    return;
  }
  const at = answer.body.header.simulatedTime;
  const routed = view.statusTimes.ROUTED;
  $('done').tBodies[0].prepend(el('tr', {}, el('td', {}, view.caseId), el('td', {}, status), el('td', {}, when(at)),
    el('td', {}, routed ? span(Date.parse(at) - Date.parse(routed)) : '—')));
  $('action-result').textContent = `${view.caseId}: ${status} at ${when(at)}`;
}

$('next-page').addEventListener('click', () => {
  pageStart = next;
  load();
});
$('first-page').addEventListener('click', () => {
  pageStart = null;
  load();
});

// The inbox again on every change at the node (debounced: a step brings several events); the
// transport's transmissions and evidence change nothing the inbox shows.
let pending = null;
follow(`?node=${encodeURIComponent(node)}&kinds=case,escalation,clock-warning`, () => {
  clearTimeout(pending);
  pending = setTimeout(load, 250);
}, (link) => { $('link').textContent = link; });

async function tick() {
  const latest = await call('GET', '/session');
  if (latest.status === 200 && latest.body.simulatedTime !== now) {
    now = latest.body.simulatedTime;
    show();
  }
  $('sim-time').textContent = when(now);
  setTimeout(tick, 2000);
}
load();
tick();
