package org.rogatory.simulator.exercise;

import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.router.domain.RoutingParameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
