package org.rogatory.gateway;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.platform.service.ServiceStreams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The directory of nodes as the gateway holds it: {@code coop.directory} read into
 * {@link IntakeTopology#DIRECTORY_STORE}. Submissions, commands and players' routes check names
 * against it; {@code GET /api/v1/nodes} lists it.
 *
 * @throws IllegalStateException from every method while the store is not loaded yet
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class Directory {

    private final ServiceStreams services;

    public Directory(ServiceStreams services) {
        this.services = services;
    }

    /** A node as the directory holds it now. */
    Optional<DirectoryEntry> node(String nodeId) {
        return Optional.ofNullable(store().get(nodeId));
    }

    /** The state a node of the directory belongs to, if the directory has it. */
    Optional<String> stateOf(String nodeId) {
        return node(nodeId).map(DirectoryEntry::getState);
    }

    /** Whether the directory has a node of the state. */
    boolean stateKnown(String state) {
        return nodes().stream().anyMatch(node -> node.getState().equals(state));
    }

    /** Every node, in node id order (the store's). */
    List<DirectoryEntry> nodes() {
        List<DirectoryEntry> nodes = new ArrayList<>();
        try (KeyValueIterator<String, DirectoryEntry> all = store().all()) {
            all.forEachRemaining((KeyValue<String, DirectoryEntry> node) -> nodes.add(node.value));
        }
        return nodes;
    }

    private ReadOnlyKeyValueStore<String, DirectoryEntry> store() {
        try {
            return services.streams(GatewayStream.NAME).store(StoreQueryParameters.fromNameAndType(
                IntakeTopology.DIRECTORY_STORE, QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new IllegalStateException("the directory is not loaded yet: " + e.getMessage(), e);
        }
    }
}
