// The console's way to the gateway's API (/api/v1, docs/api.md): every call carries the roster
// token the member signed in with, kept for this browser tab only (sessionStorage).
const TOKEN = 'rogatory.console.token';
export const API = '/api/v1';

export function signIn(token) {
  sessionStorage.setItem(TOKEN, token);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
}

function headers(extra = {}) {
  const token = sessionStorage.getItem(TOKEN);
  return token ? { ...extra, Authorization: `Bearer ${token}` } : extra;
}

/**
 * Calls the API; answers {status, body} with the body parsed when it is JSON. Never throws: a gateway
 * out of reach is status 0 with a detail, so that a view's loop carries on and tries again.
 */
export async function call(method, path, body) {
  let response;
  let text;
  try {
    response = await fetch(API + path, {
      method,
      headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    text = await response.text();
  } catch (unreachable) {
    return { status: 0, body: { detail: `the gateway did not answer (${unreachable.message})` } };
  }
  let parsed = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, body: parsed };
}

/** The problem's detail (RFC 9457, names the field) or the status, for a line on the page. */
export function explain(answer) {
  return answer.body && answer.body.detail ? answer.body.detail : `HTTP ${answer.status}`;
}

/** A case id as one path segment: the scenario's ids hold '/'. */
export const casePath = (caseId) => `/cases/${encodeURIComponent(caseId)}`;

/**
 * Follows GET /api/v1/events (Server-Sent Events). A browser's EventSource cannot send the bearer
 * token, so the stream is read with fetch; on any break it reconnects with Last-Event-ID set to
 * the last id received, and the gateway resumes right after it: nothing missed, nothing twice.
 * onEvent(type, data) gets each event; onLink(text) the connection's state.
 */
export function follow(query, onEvent, onLink) {
  let lastId = null;
  const stop = new AbortController();
  async function connect() {
    while (!stop.signal.aborted) {
      try {
        const response = await fetch(`${API}/events${query}`, {
          headers: headers(lastId ? { 'Last-Event-ID': lastId } : {}),
          signal: stop.signal,
        });
        if (!response.ok) {
          onLink(`live events refused: HTTP ${response.status}`);
          return;
        }
        onLink('live');
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const event = parse(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (event.id) lastId = event.id;
            if (event.type !== 'opened') onEvent(event.type, event.data ? JSON.parse(event.data) : null);
          }
        }
      } catch (broken) {
        if (stop.signal.aborted) return;
      }
      onLink('reconnecting…');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  connect();
  return () => stop.abort();
}

function parse(block) {
  const event = { type: 'message', id: null, data: '' };
  for (const line of block.split('\n')) {
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event.type = value;
    else if (field === 'id') event.id = value;
    else if (field === 'data') event.data += (event.data ? '\n' : '') + value;
  }
  return event;
}

/** A simulated instant as "2026-03-05 13:00"; the console speaks UTC, as the scenarios do. */
export function when(instant) {
  if (instant === null || instant === undefined) return '—';
  return new Date(instant).toISOString().slice(0, 16).replace('T', ' ');
}

/** A span of simulated time as "2d 3h", "-5h" when past. */
export function span(millis) {
  const sign = millis < 0 ? '-' : '';
  const hours = Math.floor(Math.abs(millis) / 3_600_000);
  return hours >= 24 ? `${sign}${Math.floor(hours / 24)}d ${hours % 24}h` : `${sign}${hours}h`;
}

/** An element with attributes and children: the views build their DOM with this, never innerHTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value === true ? '' : value);
  }
  node.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return node;
}
