package org.rogatory.simulator.exercise;

import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.router.domain.RoutingParameters;
import org.rogatory.router.domain.WorldView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A loaded world: the records the simulator publishes to {@code coop.directory} (key node id) and
 * {@code coop.treaties} (key {@link #treatyKey}), the state-level facts and the routing parameters.
 *
 * @param effectiveFrom record timestamp (epoch ms) the world's records carry when first published
 */
public record World(String source, long effectiveFrom, RoutingParameters parameters, List<StateFacts> states,
                    List<DirectoryEntry> directory, List<TreatyMembership> treaties) {

    public World {
        states = List.copyOf(states);
        directory = List.copyOf(directory);
        treaties = List.copyOf(treaties);
    }

    /** Key of a membership on {@code coop.treaties}: {@code state|instrument[|partner]}. */
    public static String treatyKey(TreatyMembership membership) {
        String key = membership.getState() + "|" + membership.getInstrument();
        return membership.getPartnerState() == null ? key : key + "|" + membership.getPartnerState();
    }

    /** The world as it is written, unchanged by later events. */
    public WorldView view() {
        Map<String, List<DirectoryEntry>> nodes = directory.stream().collect(Collectors.groupingBy(DirectoryEntry::getState));
        Map<String, List<TreatyMembership>> memberships = treaties.stream().collect(Collectors.groupingBy(TreatyMembership::getState));
        List<String> states = nodes.keySet().stream().sorted().toList();
        return new WorldView() {
            @Override
            public List<String> states() {
                return states;
            }

            @Override
            public List<DirectoryEntry> nodesOf(String state) {
                return nodes.getOrDefault(state, List.of());
            }

            @Override
            public List<TreatyMembership> membershipsOf(String state) {
                return memberships.getOrDefault(state, List.of());
            }
        };
    }

    /** Directory records in publication order, keyed by node id. */
    public Map<String, DirectoryEntry> directoryByKey() {
        Map<String, DirectoryEntry> byKey = new LinkedHashMap<>();
        directory.forEach(entry -> byKey.put(entry.getNodeId(), entry));
        return byKey;
    }

    /** Treaty records in publication order, keyed by {@link #treatyKey}. */
    public Map<String, TreatyMembership> treatiesByKey() {
        Map<String, TreatyMembership> byKey = new LinkedHashMap<>();
        treaties.forEach(membership -> byKey.put(treatyKey(membership), membership));
        return byKey;
    }
}
