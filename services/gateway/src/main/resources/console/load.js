// The load of each state and node, as the trainer's view shows it: the directory's nodes grouped by
// state, each with its open cases, clocks missed and escalations. Plain functions of what the view
// has seen, without the page, so that node --test checks them (src/test/js/load.test.mjs).

/**
 * The states, busiest first, each with its nodes, busiest first. `directory` is GET /api/v1/nodes;
 * `cases` the console's summary of each case ({node, open, missed}); `escalationsTo` a Map of node
 * to escalations seen. Every node of the directory is listed, idle ones too, so that the table is
 * the whole world; a case at a node the directory no longer has is counted under its own id.
 */
export function loadByState(directory, cases, escalationsTo) {
  const nodes = new Map(directory.map((node) => [node.nodeId,
    { nodeId: node.nodeId, state: node.state, active: node.active, open: 0, missed: 0, escalations: 0 }]));
  const at = (nodeId) => {
    if (!nodes.has(nodeId)) {
      nodes.set(nodeId, { nodeId, state: 'not in the directory', active: false, open: 0, missed: 0, escalations: 0 });
    }
    return nodes.get(nodeId);
  };
  for (const known of cases) {
    if (!known.node) continue;
    const node = at(known.node);
    node.open += known.open ? 1 : 0;
    node.missed += known.missed;
  }
  for (const [nodeId, count] of escalationsTo) at(nodeId).escalations += count;
  const states = new Map();
  for (const node of nodes.values()) {
    const state = states.get(node.state) || { state: node.state, open: 0, missed: 0, escalations: 0, nodes: [] };
    state.open += node.open;
    state.missed += node.missed;
    state.escalations += node.escalations;
    state.nodes.push(node);
    states.set(node.state, state);
  }
  const busiest = (a, b) => b.open - a.open;
  return [...states.values()]
    .map((state) => ({ ...state, nodes: state.nodes.sort((a, b) => busiest(a, b) || a.nodeId.localeCompare(b.nodeId)) }))
    .sort((a, b) => busiest(a, b) || a.state.localeCompare(b.state));
}

/** The `count` nodes with the most open cases now (ties by id), busiest first: the ones the chart draws. */
export function busiestNodes(states, count) {
  return states.flatMap((state) => state.nodes).filter((node) => node.open > 0)
    .sort((a, b) => b.open - a.open || a.nodeId.localeCompare(b.nodeId)).slice(0, count).map((node) => node.nodeId);
}
