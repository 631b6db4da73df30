package org.rogatory.gateway;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.platform.service.ServiceStreams;

import java.time.Instant;
import java.util.Optional;

/**
 * Accepts a submission: checks it against the directory ({@link SubmissionForm}), then writes it,
 * keyed by its case id, to {@link IntakeTopology#SUBMISSIONS_TOPIC} and waits for the broker's
 * acknowledgement, so a 202 means the request is on the log.
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class Intake {

    private final ServiceStreams services;
    private final TopicWriter writer;
    private final SubmissionForm form = new SubmissionForm(this::node, this::stateKnown);

    public Intake(ServiceStreams services, TopicWriter writer) {
        this.services = services;
        this.writer = writer;
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
        writer.write(IntakeTopology.SUBMISSIONS_TOPIC, caseId, now.toEpochMilli(), request);
        return caseId;
    }

    /** The state a node of the directory belongs to, if the directory has it. */
    Optional<String> stateOf(String nodeId) {
        return node(nodeId).map(DirectoryEntry::getState);
    }

    /** A node as the directory holds it now. */
    Optional<DirectoryEntry> node(String nodeId) {
        return Optional.ofNullable(directory().get(nodeId));
    }

    /** Whether the directory has a node of the state. */
    boolean stateKnown(String state) {
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
}
