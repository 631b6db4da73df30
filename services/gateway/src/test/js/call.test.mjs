// The console's API calls (api.js call): a gateway out of reach is an answer, not an exception, so
// that the views' refresh loops carry on and the page says why.
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.sessionStorage = { getItem: () => 'trainer-token', setItem: () => {}, removeItem: () => {} };
const { call, explain } = await import('../../main/resources/console/api.js');

test('a refused connection is status 0 with a detail', async () => {
  globalThis.fetch = async () => {
    throw new TypeError('Failed to fetch');
  };
  const answer = await call('GET', '/exercise');
  assert.equal(answer.status, 0);
  assert.equal(explain(answer), 'the gateway did not answer (Failed to fetch)');
});

test('an answer carries its status and parsed body, and the token', async () => {
  let sent = null;
  globalThis.fetch = async (url, init) => {
    sent = { url, init };
    return new Response('{"detail":"speed: not a number"}', { status: 400 });
  };
  const answer = await call('PUT', '/exercise/speed', { factor: 'fast' });
  assert.equal(answer.status, 400);
  assert.equal(explain(answer), 'speed: not a number');
  assert.equal(sent.url, '/api/v1/exercise/speed');
  assert.equal(sent.init.headers.Authorization, 'Bearer trainer-token');
  assert.equal(sent.init.body, '{"factor":"fast"}');
});
