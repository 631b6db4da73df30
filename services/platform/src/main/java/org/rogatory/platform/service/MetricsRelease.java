package org.rogatory.platform.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanRegistration;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a stopped context's metrics go. Some meter binders hook into what lives as long as the JVM
 * ({@code JvmGcMetrics} listens to the garbage collectors, {@code LogbackMetrics} to the static
 * logger context), and micronaut-micrometer never closes them (micronaut-micrometer#1196); even
 * closed, {@code LogbackMetrics} keeps its registry. A context stopped in a JVM that goes on (every
 * in-process run: demo, bench, the integration tests) so kept its whole registry, each Kafka client
 * metric of its streams with it: 1.4 million small objects after twenty runs, until the heap ran
 * out. At shutdown the binders the context created are closed and its registries emptied.
 */
@Singleton
final class MetricsRelease implements ApplicationEventListener<ShutdownEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsRelease.class);

    private final BeanContext context;

    MetricsRelease(BeanContext context) {
        this.context = context;
    }

    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        // only the beans the context created: asking for the others would create them now
        for (BeanRegistration<MeterBinder> binder : context.getActiveBeanRegistrations(MeterBinder.class)) {
            if (binder.bean() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // the context stops anyway: what stays bound is memory, not a reason to fail the stop
                    LOG.warn("could not close the meter binder {}: {}", binder.bean().getClass().getName(), e.toString());
                }
            }
        }
        context.getActiveBeanRegistrations(MeterRegistry.class).forEach(registry -> registry.bean().clear());
    }
}
