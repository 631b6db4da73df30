package org.rogatory.router.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.platform.topics.Topics;
import org.rogatory.router.domain.WorldView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The directory and treaties as they stood at one record time, read from the global stores kept by
 * {@link WorldRecordVersioning}. One view serves one request: it remembers what it decoded.
 */
final class VersionedWorldView implements WorldView {

    private final ReadOnlyKeyValueStore<String, byte[]> directory;
    private final ReadOnlyKeyValueStore<String, byte[]> treaties;
    private final Deserializer<DirectoryEntry> directoryDeserializer;
    private final Deserializer<TreatyMembership> treatyDeserializer;
    private final long time;
    private final Map<String, List<DirectoryEntry>> nodes = new HashMap<>();
    private final Map<String, List<TreatyMembership>> memberships = new HashMap<>();

    VersionedWorldView(ReadOnlyKeyValueStore<String, byte[]> directory, ReadOnlyKeyValueStore<String, byte[]> treaties,
                       Deserializer<DirectoryEntry> directoryDeserializer, Deserializer<TreatyMembership> treatyDeserializer,
                       long time) {
        this.directory = directory;
        this.treaties = treaties;
        this.directoryDeserializer = directoryDeserializer;
        this.treatyDeserializer = treatyDeserializer;
        this.time = time;
    }

    @Override
    public List<DirectoryEntry> nodesOf(String state) {
        return nodes.computeIfAbsent(state, s -> asOf(directory, s, directoryDeserializer));
    }

    @Override
    public List<TreatyMembership> membershipsOf(String state) {
        return memberships.computeIfAbsent(state, s -> asOf(treaties, s, treatyDeserializer));
    }

    private <T> List<T> asOf(ReadOnlyKeyValueStore<String, byte[]> store, String state, Deserializer<T> deserializer) {
        List<T> records = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> histories = store.range(state + "|", state + "|\uffff")) {
            histories.forEachRemaining(kv -> {
                byte[] value = VersionHistory.asOf(kv.value, time);
                if (value != null) {
                    records.add(deserializer.deserialize(store == directory ? Topics.DIRECTORY : Topics.TREATIES, value));
                }
            });
        }
        return records;
    }
}
