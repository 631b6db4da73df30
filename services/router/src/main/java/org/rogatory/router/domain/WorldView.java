package org.rogatory.router.domain;

import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.TreatyMembership;

import java.util.List;
import java.util.Optional;

/**
 * The directory and treaty register as they stood at one instant (the request's simulated time):
 * a designation or ratification published after that instant is not visible.
 */
public interface WorldView {

    /** Every state the directory knows (with a node, active or withdrawn), in code order. */
    List<String> states();

    /** Every directory entry of the state, active or withdrawn; empty for a state the directory does not know. */
    List<DirectoryEntry> nodesOf(String state);

    /** Every treaty record of the state (memberships, bilateral treaties, reciprocity offers, its own law). */
    List<TreatyMembership> membershipsOf(String state);

    default Optional<DirectoryEntry> node(String state, String nodeId) {
        return nodesOf(state).stream().filter(n -> n.getNodeId().equals(nodeId)).findFirst();
    }
}
