package org.rogatory.simulator.run;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rogatory.contracts.ClockTick;
import org.rogatory.platform.topics.Topics;

import java.time.Instant;

/**
 * Writes a tick on every partition of coop.clock, so that every task of every service sees
 * simulated time advance even when no case event arrives (docs/determinism.md#clock-ticks): the watermark.
 */
public final class ClockSource {

    private final Producer<String, Object> producer;
    private final Callback written;
    private final int partitions;
    private final String source;
    private long sequence;

    /** @param written told of each tick's write, or of its refusal */
    public ClockSource(Producer<String, Object> producer, Callback written, int partitions, String source) {
        this.producer = producer;
        this.written = written;
        this.partitions = partitions;
        this.source = source;
    }

    public void tick(long simulatedMillis) {
        sequence++;
        ClockTick tick = ClockTick.newBuilder().setSimulatedTime(Instant.ofEpochMilli(simulatedMillis))
            .setSource(source).setSequence(sequence).build();
        for (int partition = 0; partition < partitions; partition++) {
            producer.send(new ProducerRecord<>(Topics.CLOCK, partition, simulatedMillis, source, tick), written);
        }
    }
}
