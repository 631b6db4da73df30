package org.rogatory.registry;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The registry's settings ({@code registry.*} in application.yml, overridable by the environment:
 * {@code SCHEMA_REGISTRY_TOPIC}, {@code SCHEMA_REGISTRY_LEADER_URL}...).
 *
 * @param bootstrapServers the Kafka cluster holding the log
 * @param topic            the compacted single-partition log of schemas and configs (Confluent's format)
 * @param leaderUrl        set on followers: they serve reads from their own copy and forward writes there
 * @param transactionalId  the leader's fixed transactional.id (default {@code rogatory-schema-registry-<topic>}):
 *                         a second leader with the same id fences the first
 * @param timeout          how long a write may wait for Kafka and for the reader to apply it
 */
@ConfigurationProperties("registry")
public record RegistryConfiguration(
        @Bindable(defaultValue = "127.0.0.1:9092") String bootstrapServers,
        @Bindable(defaultValue = "_schemas") String topic,
        @Nullable String leaderUrl,
        @Nullable String transactionalId,
        @Bindable(defaultValue = "30s") Duration timeout) {

    /** The leader to forward writes to, if this registry is a follower. */
    public Optional<URI> leader() {
        return leaderUrl == null || leaderUrl.isBlank() ? Optional.empty()
            : Optional.of(URI.create(leaderUrl.replaceAll("/+$", "")));
    }

    public String writerId() {
        return transactionalId == null || transactionalId.isBlank() ? "rogatory-schema-registry-" + topic : transactionalId;
    }
}
