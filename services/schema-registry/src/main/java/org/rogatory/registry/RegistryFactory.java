package org.rogatory.registry;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.rogatory.registry.domain.Registrar;
import org.rogatory.registry.domain.RegistryState;
import org.rogatory.registry.store.KafkaSchemaLog;


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
    KafkaSchemaLog schemaLog(RegistryConfiguration configuration, LeaderForwarder forwarder, RegistryState state) {
        return new KafkaSchemaLog(configuration.bootstrapServers(), configuration.topic(),
            forwarder.isFollower() ? null : configuration.writerId(), configuration.timeout(), state);
    }
}
