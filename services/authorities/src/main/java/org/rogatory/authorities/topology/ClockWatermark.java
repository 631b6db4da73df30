package org.rogatory.authorities.topology;

import java.util.OptionalLong;

import org.apache.kafka.streams.state.KeyValueStore;

/** How far coop.clock ticks have brought this partition, in its store: inputs up to there are released to the nodes. */
final class ClockWatermark {
    private static final String KEY = "watermark";

    private final KeyValueStore<String, Long> store;
    private long current;

    ClockWatermark(KeyValueStore<String, Long> store) {
        this.store = store;
        Long stored = store.get(KEY);
        this.current = stored == null ? Long.MIN_VALUE : stored;
    }

    /** The watermark, empty before the first tick. */
    OptionalLong current() {
        return current == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(current);
    }

    /** A tick at {@code at}: the watermark moves forward, never back. */
    void tick(long at) {
        if (at > current) {
            current = at;
            store.put(KEY, at);
        }
    }
}
