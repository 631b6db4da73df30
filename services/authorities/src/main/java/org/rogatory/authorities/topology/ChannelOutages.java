package org.rogatory.authorities.topology;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Channel outages (CHANNEL_OUTAGE injects) in their store: {@code channel|start} → end, simulated
 * millis. Every partition receives channel-wide injects: each keeps the windows for its own nodes.
 */
final class ChannelOutages {
    private final KeyValueStore<String, Long> store;

    ChannelOutages(KeyValueStore<String, Long> store) {
        this.store = store;
    }

    void record(String channel, long start, long end) {
        store.put(channel + "|" + String.format("%020d", start), end);
    }

    /** When {@code channel} is up again, if it was down at {@code at} (outages may follow one another); else {@code at}. */
    long restoredAt(String channel, long at) {
        long restored = at;
        boolean moved = true;
        while (moved) {
            moved = false;
            try (KeyValueIterator<String, Long> it = store.prefixScan(channel + "|", new StringSerializer())) {
                while (it.hasNext()) {
                    KeyValue<String, Long> outage = it.next();
                    long start = Long.parseLong(outage.key.substring(outage.key.indexOf('|') + 1));
                    if (start <= restored && restored < outage.value) {
                        restored = outage.value;
                        moved = true;
                    }
                }
            }
        }
        return restored;
    }
}
