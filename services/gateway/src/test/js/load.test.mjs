// The trainer's map of load (load.js): the directory grouped by state, each node's open cases,
// clocks missed and escalations, busiest first; the nodes the backlog chart draws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { busiestNodes, loadByState } from '../../main/resources/console/load.js';

const directory = [
  { nodeId: 'ALD-CA-MLA', state: 'ALD', role: 'CA_MLA', active: true },
  { nodeId: 'ALD-EXEC', state: 'ALD', role: 'EXECUTING_AUTHORITY', active: true },
  { nodeId: 'KES-CA-MLA', state: 'KES', role: 'CA_MLA', active: true },
  { nodeId: 'KES-POC', state: 'KES', role: 'POC_247', active: false },
  { nodeId: 'LUM-CA-MLA', state: 'LUM', role: 'CA_MLA', active: true },
];
const cases = [
  { node: 'KES-CA-MLA', open: true, missed: 1 },
  { node: 'KES-CA-MLA', open: true, missed: 0 },
  { node: 'KES-CA-MLA', open: false, missed: 2 },
  { node: 'ALD-EXEC', open: true, missed: 0 },
  { node: 'GONE-NODE', open: true, missed: 0 },
  { node: null, open: true, missed: 0 },
];

test('groups the nodes by state, busiest state and node first, idle nodes listed too', () => {
  const states = loadByState(directory, cases, new Map([['KES-CA-MLA', 3], ['LUM-CA-MLA', 1]]));
  assert.deepEqual(states.map((state) => [state.state, state.open, state.missed, state.escalations]), [
    ['KES', 2, 3, 3], ['ALD', 1, 0, 0], ['not in the directory', 1, 0, 0], ['LUM', 0, 0, 1]]);
  assert.deepEqual(states[0].nodes.map((node) => [node.nodeId, node.open, node.active]),
    [['KES-CA-MLA', 2, true], ['KES-POC', 0, false]]);
  assert.deepEqual(states[1].nodes.map((node) => node.nodeId), ['ALD-EXEC', 'ALD-CA-MLA']);
});

test('the chart draws the busiest nodes with open cases, ties by id', () => {
  const states = loadByState(directory, [...cases, { node: 'LUM-CA-MLA', open: true, missed: 0 }], new Map());
  assert.deepEqual(busiestNodes(states, 3), ['KES-CA-MLA', 'ALD-EXEC', 'GONE-NODE']);
  assert.deepEqual(busiestNodes(states, 10), ['KES-CA-MLA', 'ALD-EXEC', 'GONE-NODE', 'LUM-CA-MLA']);
  assert.deepEqual(busiestNodes(loadByState(directory, [], new Map()), 8), []);
});
