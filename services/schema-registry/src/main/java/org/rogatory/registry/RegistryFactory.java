package org.rogatory.registry;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.rogatory.registry.domain.Registrar;
import org.rogatory.registry.domain.RegistryState;
import org.rogatory.registry.store.KafkaSchemaLog;

import java.time.Duration;

/** Wires the registry from configuration (application.yml, overridable by environment variables). */
@Factory
public class RegistryFactory {

    @Singleton
    RegistryState registryState() {
        return new RegistryState();
    }

    @Singleton
    Registrar registrar(RegistryState state) {
        return new Registrar(state);
    }

    /**
     * Eager: the whole log is read before the HTTP server accepts a request. A follower (one with a
     * leader URL) opens no producer, so it can never fence the leader.
     */
    @Context
    @Bean(preDestroy = "close")
    KafkaSchemaLog schemaLog(@Value("${kafka.bootstrap-servers:`127.0.0.1:9092`}") String bootstrapServers,
                             @Value("${registry.topic:_schemas}") String topic,
                             @Value("${registry.transactional-id:}") String transactionalId,
                             @Value("${registry.timeout:30s}") Duration timeout,
                             LeaderForwarder forwarder,
                             RegistryState state) {
        String writerId = transactionalId.isBlank() ? "rogatory-schema-registry-" + topic : transactionalId;
        return new KafkaSchemaLog(bootstrapServers, topic, forwarder.isFollower() ? null : writerId, timeout, state);
    }
}
