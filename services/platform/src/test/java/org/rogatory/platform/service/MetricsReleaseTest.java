package org.rogatory.platform.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class MetricsReleaseTest {

    @Test
    @DisplayName("a stopped context's meters can be collected: the JVM's garbage collectors and logger no longer hold them")
    void stoppedContextLeavesNoMeters() throws InterruptedException {
        WeakReference<Counter> meter = startAndStop();
        for (int i = 0; i < 50 && meter.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(meter.get(), "a meter of a stopped context is still reachable");
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
