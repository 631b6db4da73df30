package org.rogatory.router.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Keeps a global store of directory or treaty records as version histories under
 * {@code state|recordKey}, so lookups can be by state and as of a time. Runs on restore too
 * (Kafka Streams replays global topics through this processor), so the store is rebuilt from
 * the compacted topic on every start.
 */
final class WorldRecordVersioning<T> implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(WorldRecordVersioning.class);

    private final String storeName;
    private final Deserializer<T> deserializer;
    private final Function<T, String> stateOf;
    private KeyValueStore<String, byte[]> store;
    private ProcessorContext<Void, Void> context;

    WorldRecordVersioning(String storeName, Deserializer<T> deserializer, Function<T, String> stateOf) {
        this.storeName = storeName;
        this.deserializer = deserializer;
        this.stateOf = stateOf;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            warn(record, "record without key");
            return;
        }
        String state = null;
        if (record.value() != null) {
            try {
                state = stateOf.apply(deserializer.deserialize(topic(), record.value()));
            } catch (RuntimeException e) {
                warn(record, e.getClass().getSimpleName() + ": " + e.getMessage());
                return;
            }
        }
        // Withdraw every other version of this key (a delete, or a node moved to another state).
        for (String stored : storedKeys(record.key())) {
            if (!stored.equals(state + "|" + record.key())) {
                store.put(stored, VersionHistory.with(store.get(stored), record.timestamp(), null));
            }
        }
        if (state != null) {
            String key = state + "|" + record.key();
            store.put(key, VersionHistory.with(store.get(key), record.timestamp(), record.value()));
        }
    }

    private List<String> storedKeys(String recordKey) {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            all.forEachRemaining(kv -> {
                if (kv.key.endsWith("|" + recordKey) && kv.key.indexOf('|') == kv.key.length() - recordKey.length() - 1) {
                    keys.add(kv.key);
                }
            });
        }
        return keys;
    }

    private String topic() {
        return context.recordMetadata().map(m -> m.topic()).orElse(storeName);
    }

    /** The global thread has no sink: a record it cannot use is logged with its origin, never silently skipped. */
    private void warn(Record<String, byte[]> record, String reason) {
        context.recordMetadata().ifPresentOrElse(
            m -> LOG.warn("ignored world record {}-{}@{} key {}: {}", m.topic(), m.partition(), m.offset(), record.key(), reason),
            () -> LOG.warn("ignored world record key {}: {}", record.key(), reason));
    }
}
