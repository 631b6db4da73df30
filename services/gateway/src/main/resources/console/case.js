// One case in full, in a dialog: its history (each status and when) and its clocks (docs/clocks.md).
import { call, casePath, el, explain, span, when } from './api.js';

const dialog = el('dialog', { id: 'case-dialog', 'aria-labelledby': 'case-dialog-title' });

/** The clocks of a case view, each with its deadline and, while open, the simulated time left at `now`. */
export function clockList(view, now) {
  return el('ul', { class: 'clocks' }, (view.clocks || []).map((clock) => {
    let state;
    if (clock.metAt) state = `met ${when(clock.metAt)}`;
    else if (clock.missed) state = 'missed';
    else state = now ? `${span(Date.parse(clock.deadline) - Date.parse(now))} left` : 'open';
    const late = clock.missed || (!clock.metAt && now && Date.parse(clock.deadline) < Date.parse(now));
    return el('li', { class: late ? 'late' : null }, `${clock.clock}: due ${when(clock.deadline)}, ${state}`);
  }));
}

export async function openCase(caseId, now) {
  if (!dialog.isConnected) document.body.append(dialog);
  const answer = await call('GET', casePath(caseId));
  const close = el('button', { type: 'button', onclick: () => dialog.close() }, 'Close');
  if (answer.status !== 200) {
    dialog.replaceChildren(el('h2', { id: 'case-dialog-title' }, caseId), el('p', { role: 'alert' }, explain(answer)), close);
  } else {
    const view = answer.body;
    const history = Object.entries(view.statusTimes || {}).sort((a, b) => Date.parse(a[1]) - Date.parse(b[1]));
    dialog.replaceChildren(
      el('h2', { id: 'case-dialog-title' }, view.caseId),
      el('p', {}, `${view.requestType} ${view.requestingState} → ${view.requestedState}, ${view.channel || 'not routed'}, `
        + `at ${view.handlingNode || '—'}: ${view.status}`
        + (view.escalationLevel ? `, escalated to ${view.escalationLevel}` : '')),
      el('h3', {}, 'History'),
      el('ol', { class: 'history' }, history.map(([status, at]) => el('li', {}, `${when(at)} ${status}`))),
      el('h3', {}, 'Clocks'),
      clockList(view, now),
      close);
  }
  dialog.showModal();
  close.focus();
}
