package org.rogatory.router.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Decoded version histories of one global store, kept by one processor so that each directory or
 * treaty version is decoded once rather than for every request. A history whose bytes changed in
 * the store (the global thread added a version) is decoded again.
 */
final class DecodedHistories<T> {

    private record Version<T>(long validFrom, T value) {
    }

    private record Decoded<T>(byte[] history, List<Version<T>> versions) {
    }

    private final ReadOnlyKeyValueStore<String, byte[]> store;
    private final Deserializer<T> deserializer;
    private final String topic;
    private final Map<String, Decoded<T>> decoded = new HashMap<>();

    DecodedHistories(ReadOnlyKeyValueStore<String, byte[]> store, Deserializer<T> deserializer, String topic) {
        this.store = store;
        this.deserializer = deserializer;
        this.topic = topic;
    }

    /** The state's records as they stood at {@code time}. */
    List<T> asOf(String state, long time) {
        List<T> records = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> histories = store.range(state + "|", state + "|\uffff")) {
            histories.forEachRemaining(kv -> {
                T current = null;
                for (Version<T> version : versions(kv.key, kv.value)) {
                    if (version.validFrom() > time) {
                        break;
                    }
                    current = version.value();
                }
                if (current != null) {
                    records.add(current);
                }
            });
        }
        return records;
    }

    /** The states with a history in the store (some may have none left as of a given time), in order. */
    List<String> states() {
        SortedSet<String> states = new TreeSet<>();
        try (KeyValueIterator<String, byte[]> histories = store.all()) {
            histories.forEachRemaining(kv -> states.add(kv.key.substring(0, kv.key.indexOf('|'))));
        }
        return List.copyOf(states);
    }

    private List<Version<T>> versions(String key, byte[] history) {
        Decoded<T> known = decoded.get(key);
        if (known != null && (known.history() == history || Arrays.equals(known.history(), history))) {
            return known.versions();
        }
        List<Version<T>> versions = VersionHistory.decode(history).stream()
            .map(v -> new Version<>(v.validFrom(), v.value() == null ? null : deserializer.deserialize(topic, v.value())))
            .toList();
        decoded.put(key, new Decoded<>(history, versions));
        return versions;
    }
}
