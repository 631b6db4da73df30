package org.rogatory.authorities.topology;

import java.util.Set;

import org.rogatory.authorities.domain.Authority;
import org.rogatory.authorities.domain.ECodexTransport;
import org.rogatory.authorities.domain.ExecutionRoute;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.platform.calendar.WorkingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a node model from its directory entry (staff, hours, zone, languages) and the scenario's behaviour. */
final class NodeFactory {
    private static final Logger LOG = LoggerFactory.getLogger(NodeFactory.class);
    private final NodeBehaviourTable behaviours;
    private final double translationHours;
    private final long seed;
    private final Set<String> played;
    private final TransportPolicy transport;

    /** @param played nodes people play: their model only delivers (transport evidence), the players do the rest */
    NodeFactory(NodeBehaviourTable behaviours, double translationHours, long seed, Set<String> played, TransportPolicy transport) {
        this.behaviours = behaviours;
        this.transport = transport;
        this.translationHours = translationHours;
        this.seed = seed;
        this.played = Set.copyOf(played);
    }

    /** @param executionRoute the executing authorities of the node's state, for the requests it grants */
    Authority create(DirectoryEntry entry, long start, ExecutionRoute executionRoute) {
        NodeBehaviourTable.ResolvedNode resolved = behaviours.resolve(entry.getNodeId(), entry.getState(), entry.getRole(),
                translationHours);
        WorkingCalendar calendar = WorkingCalendar.of(entry, problem -> LOG.warn("node {}: {}", entry.getNodeId(), problem));
        int officers = resolved.officers().orElse(entry.getOfficers());
        return new Authority(entry.getNodeId(), officers, calendar, Set.copyOf(entry.getLanguages()),
                entry.getRefusesUntranslated(), resolved.behaviour(), seed, start, played.contains(entry.getNodeId()),
                executionRoute);
    }

    /** The e-CODEX transport of the messages reaching {@code nodeId}. */
    ECodexTransport transport(String nodeId) {
        return new ECodexTransport(nodeId, transport, seed);
    }
}
