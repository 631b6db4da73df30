package org.rogatory.platform.service;

import io.micronaut.configuration.kafka.streams.AbstractKafkaStreamsConfiguration;
import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.configuration.kafka.streams.KafkaStreamsFactory;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.DisabledBeanException;

/**
 * One stream builder per enabled service. micronaut-kafka-streams (5.9) makes a builder, and then a
 * {@code KafkaStreams}, for every {@code kafka.streams.<name>} entry and for an implicit
 * {@code default} one; a builder nobody defines a topology on fails at start ("Topology has no
 * stream threads"). Rogatory's application declares every service's settings and enables any
 * subset, so the builders of disabled services, and the implicit default, are switched off here.
 * Each enabled stream gets the reporter of the domain counters.
 */
@Factory
public class ServiceStreamBuilders {

    @EachBean(AbstractKafkaStreamsConfiguration.class)
    @Replaces(bean = ConfiguredStreamBuilder.class, factory = KafkaStreamsFactory.class)
    ConfiguredStreamBuilder streamsBuilder(AbstractKafkaStreamsConfiguration<?, ?> configuration, Environment environment) {
        String name = configuration.getName();
        if (!environment.getProperty(StreamService.enabledProperty(name), Boolean.class, false)) {
            throw new DisabledBeanException("the " + name + " service is not enabled in this application");
        }
        DomainCountersReporter.install(configuration.getConfig());
        return new ConfiguredStreamBuilder(configuration.getConfig(), name, configuration.getCloseTimeout());
    }
}
