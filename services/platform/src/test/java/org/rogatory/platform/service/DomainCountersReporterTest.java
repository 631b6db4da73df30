package org.rogatory.platform.service;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Domain counters on /prometheus: one series per tag value, summed over stream threads")
class DomainCountersReporterTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    @DisplayName("the counters Kafka Streams keeps per thread and entity become one Prometheus counter per tag value")
    void countersByTag() {
        DomainCountersReporter reporter = new DomainCountersReporter();
        reporter.configure(Map.of("meter.registry", registry, "application.id", "rogatory-router"));
        try (Metrics metrics = new Metrics(new MetricConfig(), List.of(reporter), Time.SYSTEM)) {
            // as StreamsMetrics.addRateTotalSensor makes them: one sensor per thread, entity and operation
            Sensor i247First = streamsCounter(metrics, "thread-1", "routed", "channel", "I247");
            Sensor i247Second = streamsCounter(metrics, "thread-2", "routed", "channel", "I247");
            Sensor central = streamsCounter(metrics, "thread-1", "routed", "channel", "CENTRAL_AUTHORITY");
            i247First.record();
            i247First.record();
            i247Second.record();
            central.record();
            metrics.sensor("other").add(new MetricName("process-total", "stream-thread-metrics", "", Map.of("thread-id", "thread-1")),
                new CumulativeCount());

            String scrape = registry.scrape();
            assertTrue(scrape.contains("rogatory_routed_total{application=\"rogatory-router\",channel=\"I247\"} 3.0"), scrape);
            assertTrue(scrape.contains("rogatory_routed_total{application=\"rogatory-router\",channel=\"CENTRAL_AUTHORITY\"} 1.0"), scrape);
            assertFalse(scrape.contains("rogatory_routed_rate"), scrape);
            assertFalse(scrape.contains("process"), scrape);

            // a thread that stops takes its metrics along, not what they counted
            metrics.removeSensor(i247Second.name());
            assertTrue(registry.scrape().contains("channel=\"I247\"} 3.0"));
        }
        assertFalse(registry.scrape().contains("rogatory_routed_total"), "closing the streams removes their counters");
    }

    @Test
    @DisplayName("installed after the reporters already configured, not instead of them")
    void install() {
        Properties settings = new Properties();
        DomainCountersReporter.install(settings);
        assertEquals(DomainCountersReporter.class.getName(), settings.getProperty("metric.reporters"));
        settings.put("metric.reporters", "io.micronaut.Reporter");
        DomainCountersReporter.install(settings);
        assertEquals("io.micronaut.Reporter," + DomainCountersReporter.class.getName(), settings.getProperty("metric.reporters"));
    }

    private static Sensor streamsCounter(Metrics metrics, String thread, String counter, String tag, String value) {
        Sensor sensor = metrics.sensor(thread + ".s.rogatory-" + counter + "." + value);
        Map<String, String> tags = Map.of("thread-id", thread, "rogatory-id", value, tag, value);
        sensor.add(new MetricName("rogatory-" + counter + "-rate", "stream-rogatory-metrics", "", tags), new Rate());
        sensor.add(new MetricName("rogatory-" + counter + "-total", "stream-rogatory-metrics", "", tags), new CumulativeCount());
        return sensor;
    }
}
