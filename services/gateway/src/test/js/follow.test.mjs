// The console's live-event client (api.js follow) against a scripted fetch: every event passed on
// once, across a broken connection resumed with Last-Event-ID, whatever the chunks' boundaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const stored = new Map();
globalThis.sessionStorage = {
  getItem: (key) => stored.get(key) ?? null,
  setItem: (key, value) => stored.set(key, value),
  removeItem: (key) => stored.delete(key),
};
const { follow, signIn } = await import('../../main/resources/console/api.js');

/** A response whose body is the chunks, then ends (the connection breaks) unless `hold`. */
function stream(chunks, hold) {
  const encoder = new TextEncoder();
  return new Response(new ReadableStream({
    start(controller) {
      chunks.forEach((chunk) => controller.enqueue(encoder.encode(chunk)));
      if (!hold) controller.close();
    },
  }), { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

test('resumes after a break with the last id received, passing each event once', async () => {
  signIn('player-token');
  const calls = [];
  const answers = [
    // an event split across chunks, mid-line
    stream(['id:p1\nevent:opened\ndata:{}\n\nid:p2\nevent:case\nda', 'ta:{"caseId":"A"}\n\n']),
    stream(['id:p2\nevent:opened\ndata:{}\n\nid:p3\nevent:escalation\ndata:{"header":{"caseId":"B"}}\n\n'], true),
  ];
  globalThis.fetch = async (url, init) => {
    calls.push({ url, headers: init.headers });
    return answers.shift();
  };
  const events = [];
  const links = [];
  const stop = follow('?node=KES-CA-MLA', (type, data) => events.push(`${type} ${data.caseId ?? data.header.caseId}`),
    (link) => links.push(link));
  for (let waited = 0; events.length < 2 && waited < 5000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  stop();
  assert.deepEqual(events, ['case A', 'escalation B']);
  assert.equal(calls.length, 2);
  assert.equal(calls[0].url, '/api/v1/events?node=KES-CA-MLA');
  assert.equal(calls[0].headers.Authorization, 'Bearer player-token');
  assert.equal(calls[0].headers['Last-Event-ID'], undefined);
  assert.equal(calls[1].headers['Last-Event-ID'], 'p2');
  assert.deepEqual(links, ['live', 'reconnecting…', 'live']);
});

test('a refused stream is reported and not retried', async () => {
  let calls = 0;
  globalThis.fetch = async () => {
    calls += 1;
    return new Response('{}', { status: 403 });
  };
  const links = [];
  follow('?node=ALD-CA-MLA', () => assert.fail('no event'), (link) => links.push(link));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(calls, 1);
  assert.deepEqual(links, ['live events refused: HTTP 403']);
});
