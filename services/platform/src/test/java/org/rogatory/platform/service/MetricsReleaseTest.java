package org.rogatory.platform.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.awaitility.Awaitility.await;

class MetricsReleaseTest {

    @Test
    @DisplayName("a stopped context's meters can be collected: the JVM's garbage collectors and logger no longer hold them")
    void stoppedContextLeavesNoMeters() {
        WeakReference<Counter> meter = startAndStop();
        // a collection is only asked for: ask again until the meter is gone, or fail at the deadline
        await("a meter of a stopped context collected").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
            .until(() -> {
                System.gc();
                return meter.get() == null;
            });
    }

    private static WeakReference<Counter> startAndStop() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false)
            .properties(Map.of("micronaut.metrics.enabled", true)).start()) {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertFalse(context.getBeansOfType(JvmGcMetrics.class).isEmpty(), "the context binds the JVM's GC metrics");
            return new WeakReference<>(registry.counter("rogatory.test.meter"));
        }
    }
}
