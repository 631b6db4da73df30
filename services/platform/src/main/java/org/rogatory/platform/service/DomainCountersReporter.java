package org.rogatory.platform.service;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.streams.StreamsConfig;
import org.rogatory.platform.streams.DomainCounters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Puts the domain counters ({@link DomainCounters}) on /prometheus as {@code rogatory_<counter>_total}
 * with their tag and the service's {@code application} id, summed over the stream threads. The
 * metrics reporter micronaut-kafka-streams installs keeps only the client-id, topic and node-id
 * tags, so through it every tag value of a counter would collapse into one meter.
 */
public final class DomainCountersReporter implements MetricsReporter {

    /** Where micronaut-kafka puts the meter registry in the Kafka settings. */
    private static final String METER_REGISTRY = "meter.registry";
    private static final String TOTAL = "-total";

    private final Map<String, Total> totals = new ConcurrentHashMap<>();
    private final List<FunctionCounter> counters = new CopyOnWriteArrayList<>();
    private MeterRegistry registry;
    private String application;

    /** Adds this reporter to a stream's settings, after the reporters already there. */
    static void install(Properties streamSettings) {
        String reporters = streamSettings.getProperty(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG, "");
        streamSettings.put(CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG,
            reporters.isBlank() ? DomainCountersReporter.class.getName() : reporters + "," + DomainCountersReporter.class.getName());
    }

    @Override
    public void configure(Map<String, ?> configs) {
        // The embedded clients get these settings too; only the streams' own metrics hold the counters.
        registry = configs.get(METER_REGISTRY) instanceof MeterRegistry r ? r : null;
        application = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        String name = metric.metricName().name();
        if (registry == null || !metric.metricName().group().equals(DomainCounters.GROUP) || !name.endsWith(TOTAL)) {
            return;
        }
        List<Tag> tags = new ArrayList<>(List.of(Tag.of("application", application)));
        metric.metricName().tags().forEach((key, value) -> {
            if (!key.equals(DomainCounters.ENTITY_TAG) && !key.equals("thread-id")) {
                tags.add(Tag.of(key, value));
            }
        });
        String counter = name.substring(0, name.length() - TOTAL.length()).replace('-', '.');
        totals.computeIfAbsent(counter + Tags.of(tags), k -> {
            Total total = new Total();
            counters.add(FunctionCounter.builder(counter, total, Total::value).tags(tags).register(registry));
            return total;
        }).live.add(metric);
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        // A stream thread that stops takes its metrics along; what it counted stays in the total.
        totals.values().forEach(total -> {
            if (total.live.remove(metric)) {
                total.retired.add(((Number) metric.metricValue()).doubleValue());
            }
        });
    }

    @Override
    public void close() {
        if (registry != null) {
            counters.forEach(registry::remove);
        }
    }

    /** One counter with one set of tags: the count of every thread that has recorded it. */
    private static final class Total {
        private final List<KafkaMetric> live = new CopyOnWriteArrayList<>();
        private final DoubleAdder retired = new DoubleAdder();

        double value() {
            return retired.sum() + live.stream().mapToDouble(m -> ((Number) m.metricValue()).doubleValue()).sum();
        }
    }
}
