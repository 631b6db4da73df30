package org.rogatory.simulator.workload;

import org.apache.avro.specific.SpecificRecord;

import java.util.Comparator;

/**
 * A record the runner writes at a simulated time: the workload and the injects' effects.
 *
 * @param partition an explicit partition, or null to partition by key
 */
public record TimedRecord(long timestamp, String topic, String key, SpecificRecord value, Integer partition) {

    public TimedRecord(long timestamp, String topic, String key, SpecificRecord value) {
        this(timestamp, topic, key, value, null);
    }

    /** Simulated-time order; ties by topic then key, so the order never depends on generation order. */
    public static final Comparator<TimedRecord> ORDER = Comparator.comparingLong(TimedRecord::timestamp)
        .thenComparing(TimedRecord::topic).thenComparing(TimedRecord::key)
        .thenComparing(TimedRecord::partition, Comparator.nullsFirst(Comparator.naturalOrder()));
}
