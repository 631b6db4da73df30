package org.rogatory.platform.service;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KafkaStreams;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code /health/readiness}: every enabled service's streams RUNNING (not while they rebalance or
 * restore). {@code /health/liveness}: no service's streams dead (ERROR or shut down), which is what
 * an orchestrator restarts a container for. {@code /health} reports both.
 */
final class StreamsHealth {

    private StreamsHealth() {
    }

    private static Publisher<HealthResult> result(String name, ServiceStreams streams, Predicate<KafkaStreams.State> good) {
        Map<String, KafkaStreams.State> states = streams.states();
        boolean up = states.values().stream().allMatch(good);
        return Publishers.just(HealthResult.builder(name, up ? HealthStatus.UP : HealthStatus.DOWN).details(states).build());
    }

    @Singleton
    @Readiness
    static final class Ready implements HealthIndicator {
        private final ServiceStreams streams;

        Ready(ServiceStreams streams) {
            this.streams = streams;
        }

        @Override
        public Publisher<HealthResult> getResult() {
            return result("streamsRunning", streams, state -> state == KafkaStreams.State.RUNNING);
        }
    }

    @Singleton
    @Liveness
    static final class Alive implements HealthIndicator {
        private final ServiceStreams streams;

        Alive(ServiceStreams streams) {
            this.streams = streams;
        }

        @Override
        public Publisher<HealthResult> getResult() {
            return result("streamsAlive", streams, state -> !ServiceStreams.isDead(state));
        }
    }
}
