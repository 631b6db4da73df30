package org.rogatory.platform.service;

import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.rogatory.platform.streams.DomainCounters;

/**
 * micronaut-kafka-streams puts every Kafka Streams metric on /prometheus as
 * {@code kafka-streams.<metric name>} without its tags, so a domain counter would appear there too,
 * once, with the count of whichever tag value it met first. {@link DomainCountersReporter} exports
 * them with their tags: the untagged copies are left out.
 */
@Factory
public class DomainCountersFilter {

    /** The name micronaut-kafka-streams gives a Kafka Streams metric: its prefix, a dot, the metric's name. */
    private static final String UNTAGGED_COPY = "kafka-streams." + DomainCounters.SCOPE + "-";

    @Singleton
    MeterFilter withoutUntaggedCopies() {
        return MeterFilter.denyNameStartsWith(UNTAGGED_COPY);
    }
}
