package org.rogatory.gateway;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rogatory.platform.service.ServiceStreams;

import java.time.Instant;
import java.util.Optional;

/**
 * The exercise's current simulated time as the gateway knows it: the latest coop.clock tick (the
 * watermark) its stream has read. In a live stack the clock ticks wall time every second; in a
 * lockstep run, the start of the step under way.
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class ExerciseClock {

    private final ServiceStreams services;

    public ExerciseClock(ServiceStreams services) {
        this.services = services;
    }

    /** The latest tick, empty before the first. */
    public Optional<Instant> now() {
        try {
            ReadOnlyKeyValueStore<String, Long> ticks = services.streams(GatewayStream.NAME).store(
                StoreQueryParameters.fromNameAndType(IntakeTopology.EXERCISE_CLOCK_STORE, QueryableStoreTypes.keyValueStore()));
            return Optional.ofNullable(ticks.get(LatestTick.WATERMARK)).map(Instant::ofEpochMilli);
        } catch (InvalidStateStoreException e) {
            throw new IllegalStateException("the exercise clock is not loaded yet: " + e.getMessage(), e);
        }
    }
}
