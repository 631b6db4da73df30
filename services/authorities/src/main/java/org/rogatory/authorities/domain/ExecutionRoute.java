package org.rogatory.authorities.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;

import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RequestType;

/** Which executing authority of the node's own state executes a granted request of a type ({@link RoundTrip}). */
@FunctionalInterface
public interface ExecutionRoute {
    /** No executing authority: the node executes what it grants itself, and the case ends there. */
    ExecutionRoute NONE = type -> Optional.empty();

    Optional<String> executorOf(RequestType type);

    /**
     * The state's active executing authorities as the directory lists them when asked: the one
     * designated for the type ({@code handles}, e.g. a cybercrime unit for DISCLOSURE) before one
     * designated for nothing in particular (a prosecutor's office), then by node id.
     */
    static ExecutionRoute of(String state, Supplier<? extends Collection<DirectoryEntry>> directory) {
        return type -> directory.get().stream()
                .filter(n -> n.getActive() && n.getRole() == NodeRole.EXECUTING_AUTHORITY && state.equals(n.getState()))
                .filter(n -> n.getHandles().isEmpty() || n.getHandles().contains(type))
                .min(Comparator.comparing((DirectoryEntry n) -> !n.getHandles().contains(type))
                        .thenComparing(DirectoryEntry::getNodeId))
                .map(DirectoryEntry::getNodeId);
    }
}
