package org.rogatory.platform.streams;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.rogatory.platform.deadletter.DeadLetters;

import java.util.HashMap;
import java.util.Map;

/**
 * Counts a processor's domain outcomes (requests routed per channel, clocks missed per clock...)
 * as Kafka Streams custom metrics, group {@value #GROUP}, metric {@code rogatory-<counter>-total}
 * with one tag: the topologies stay free of any metrics library, tests read the counts from the
 * test driver, and {@code DomainCountersReporter} puts them on /prometheus. The scope is in the
 * metric's name too: metrics reporters that drop the group still tell these apart.
 *
 * <p>Kafka Streams identifies a sensor by thread, entity and operation, and recording a sensor
 * records all its metrics: each tag value is therefore its own entity. One instance per processor,
 * made in {@code init}; sensors are made on first use, on the stream thread that records them.
 */
public final class DomainCounters {

    public static final String SCOPE = "rogatory";
    /** The metrics group Kafka Streams gives the custom metrics of {@link #SCOPE}. */
    public static final String GROUP = "stream-" + SCOPE + "-metrics";
    /** The tag holding the entity of each sensor (here, the tag value again): not a dimension of the counter. */
    public static final String ENTITY_TAG = SCOPE + "-id";
    private static final String DEAD_LETTERS = "dead-letters";

    private final StreamsMetrics metrics;
    private final Map<String, Sensor> sensors = new HashMap<>();

    public DomainCounters(ProcessorContext<?, ?> context) {
        this.metrics = context.metrics();
    }

    /** Adds one to {@code counter} for {@code tag} = {@code value}. */
    public void count(String counter, String tag, Object value) {
        String entity = String.valueOf(value);
        sensors.computeIfAbsent(counter + '|' + tag + '|' + entity, k ->
                metrics.addRateTotalSensor(SCOPE, entity, SCOPE + "-" + counter, Sensor.RecordingLevel.INFO, tag, entity))
            .record();
    }

    /** One more dead letter, counted by cause. */
    public void deadLetter(DeadLetters.Cause cause) {
        count(DEAD_LETTERS, "reason", cause);
    }
}
