package org.rogatory.gateway;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroSerializer;
import org.rogatory.platform.service.ServiceStreams;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Accepts a submission: checks it against the directory ({@link SubmissionForm}), then writes it,
 * keyed by its case id, to {@link IntakeTopology#SUBMISSIONS_TOPIC} and waits for the broker's
 * acknowledgement, so a 202 means the request is on the log.
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class Intake implements AutoCloseable {

    private final ServiceStreams services;
    private final KafkaProducer<String, Object> producer;
    private final SubmissionForm form = new SubmissionForm(this::node, this::stateKnown);

    public Intake(ServiceStreams services, @Value("${kafka.bootstrap.servers}") String bootstrapServers,
                  @Value("${kafka.schema.registry.url}") String registryUrl) {
        this.services = services;
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(config, false);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /**
     * Checks and writes one submission; returns its case id.
     *
     * @throws RefusedSubmission naming the field at fault; nothing is written then
     */
    public String submit(String body, Optional<String> idempotencyKey) {
        String caseId = SubmissionForm.caseId(idempotencyKey);
        // In a live stack simulated time is wall time: the request is stamped now.
        Instant now = Instant.now();
        CooperationRequest request = form.request(body, caseId, now);
        try {
            producer.send(new ProducerRecord<>(IntakeTopology.SUBMISSIONS_TOPIC, null, now.toEpochMilli(), caseId, request))
                .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot write the submission of " + caseId + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + caseId, e);
        }
        return caseId;
    }

    /** The state a node of the directory belongs to, if the directory has it. */
    Optional<String> stateOf(String nodeId) {
        return node(nodeId).map(DirectoryEntry::getState);
    }

    private Optional<DirectoryEntry> node(String nodeId) {
        return Optional.ofNullable(directory().get(nodeId));
    }

    private boolean stateKnown(String state) {
        try (KeyValueIterator<String, DirectoryEntry> nodes = directory().all()) {
            while (nodes.hasNext()) {
                if (nodes.next().value.getState().equals(state)) {
                    return true;
                }
            }
            return false;
        }
    }

    private ReadOnlyKeyValueStore<String, DirectoryEntry> directory() {
        try {
            return services.streams(GatewayStream.NAME).store(StoreQueryParameters.fromNameAndType(
                IntakeTopology.DIRECTORY_STORE, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new IllegalStateException("the directory is not loaded yet: " + e.getMessage(), e);
        }
    }

    @Override
    @PreDestroy
    public void close() {
        producer.close();
    }
}
