package org.rogatory.testing;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

import java.util.Map;
import java.util.TreeMap;

/**
 * The domain counters a topology recorded, read from its metrics ({@code TopologyTestDriver.metrics()}):
 * Kafka Streams custom metrics of scope {@code rogatory}, named {@code rogatory-<counter>-total}, one tag each.
 */
public final class DomainCounts {

    private static final String GROUP = "stream-rogatory-metrics";

    private DomainCounts() {
    }

    /** Tag value → count of {@code counter}, summed over stream threads; only what was counted at least once. */
    public static Map<String, Long> of(Map<MetricName, ? extends Metric> metrics, String counter, String tag) {
        Map<String, Long> counts = new TreeMap<>();
        metrics.forEach((name, metric) -> {
            if (name.group().equals(GROUP) && name.name().equals("rogatory-" + counter + "-total") && name.tags().containsKey(tag)) {
                counts.merge(name.tags().get(tag), ((Number) metric.metricValue()).longValue(), Long::sum);
            }
        });
        return counts;
    }
}
