package org.rogatory.gateway;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the latest coop.clock tick's time (a tick's record time is its simulated time) under
 * {@link #WATERMARK}: the exercise's current simulated time as far as this instance has read. The
 * ticks of one instant are written on every partition, read in any order: only a later one counts.
 */
final class LatestTick implements Processor<String, byte[], Void, Void> {

    static final String WATERMARK = "watermark";

    private final String storeName;
    private KeyValueStore<String, Long> store;

    LatestTick(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> tick) {
        Long latest = store.get(WATERMARK);
        if (latest == null || tick.timestamp() > latest) {
            store.put(WATERMARK, tick.timestamp());
        }
    }
}
