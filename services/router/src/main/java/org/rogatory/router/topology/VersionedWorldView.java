package org.rogatory.router.topology;

import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.router.domain.WorldView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory and treaties as they stood at one record time, read from the global stores kept by
 * {@link WorldRecordVersioning}. One view serves one request and remembers what it looked up.
 */
final class VersionedWorldView implements WorldView {

    private final DecodedHistories<DirectoryEntry> directory;
    private final DecodedHistories<TreatyMembership> treaties;
    private final long time;
    private final Map<String, List<DirectoryEntry>> nodes = new HashMap<>();
    private final Map<String, List<TreatyMembership>> memberships = new HashMap<>();
    private List<String> states;

    VersionedWorldView(DecodedHistories<DirectoryEntry> directory, DecodedHistories<TreatyMembership> treaties, long time) {
        this.directory = directory;
        this.treaties = treaties;
        this.time = time;
    }

    @Override
    public List<String> states() {
        if (states == null) {
            states = directory.states().stream().filter(s -> !nodesOf(s).isEmpty()).toList();
        }
        return states;
    }

    @Override
    public List<DirectoryEntry> nodesOf(String state) {
        return nodes.computeIfAbsent(state, s -> directory.asOf(s, time));
    }

    @Override
    public List<TreatyMembership> membershipsOf(String state) {
        return memberships.computeIfAbsent(state, s -> treaties.asOf(s, time));
    }
}
