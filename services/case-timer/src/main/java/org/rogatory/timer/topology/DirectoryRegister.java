package org.rogatory.timer.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.NodeRole;
import org.rogatory.platform.calendar.WorkingCalendar;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.NodeRegister;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneOffset;
import java.util.Set;
import java.util.Optional;
import java.util.function.Predicate;

/** The directory (global store fed by coop.directory) as the timer's register of nodes. */
final class DirectoryRegister implements NodeRegister {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryRegister.class);
    /** Monday to Friday in UTC; the hours do not matter to the timer, which counts days. */
    private static final WorkingCalendar UNKNOWN_NODE = WorkingCalendar.officeHours(ZoneOffset.UTC, 9, 17, Set.of());

    private final ReadOnlyKeyValueStore<String, byte[]> directory;
    private final Deserializer<DirectoryEntry> entries;

    /** The store holds the topic's raw bytes, so a restored global store equals a processed one. */
    DirectoryRegister(ReadOnlyKeyValueStore<String, byte[]> directory, Deserializer<DirectoryEntry> entries) {
        this.directory = directory;
        this.entries = entries;
    }

    private DirectoryEntry entry(String nodeId, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return entries.deserialize(Topics.DIRECTORY, bytes);
        } catch (RuntimeException e) {
            LOG.warn("directory entry of node {} is unreadable ({}); treated as absent", nodeId, e.getMessage());
            return null;
        }
    }

    @Override
    public WorkingCalendar calendarOf(String nodeId) {
        DirectoryEntry entry = nodeId == null ? null : entry(nodeId, directory.get(nodeId));
        if (entry == null) {
            return UNKNOWN_NODE;
        }
        return WorkingCalendar.of(entry, problem -> LOG.warn("node {}: {}", nodeId, problem));
    }

    @Override
    public Optional<String> liaisonOfficer(String ofState, String postedIn) {
        return first(e -> e.getRole() == NodeRole.LIAISON_OFFICER && e.getState().equals(ofState)
            && postedIn != null && postedIn.equals(e.getPostedIn()));
    }

    @Override
    public Optional<String> foreignMinistry(String state) {
        return first(e -> e.getRole() == NodeRole.MFA && e.getState().equals(state));
    }

    /** The smallest matching active node id, so the choice does not depend on store order. */
    private Optional<String> first(Predicate<DirectoryEntry> matches) {
        String found = null;
        try (KeyValueIterator<String, byte[]> all = directory.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> next = all.next();
                DirectoryEntry e = entry(next.key, next.value);
                if (e != null && e.getActive() && matches.test(e) && (found == null || e.getNodeId().compareTo(found) < 0)) {
                    found = e.getNodeId();
                }
            }
        }
        return Optional.ofNullable(found);
    }
}
