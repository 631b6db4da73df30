package org.rogatory.router.domain;

import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.NodeRole;

import java.util.Comparator;
import java.util.Optional;

/**
 * INTERPOL membership as the directory shows it: a member state has a National Central Bureau
 * connected to I-24/7 (INTERPOL Constitution: each member appoints an NCB). Police-to-police
 * exchange rests on it, not on a treaty (docs/rules.md, rule 1).
 */
public final class InterpolMembership {

    private InterpolMembership() {
    }

    /** The state's active NCB, if it is a member with a working bureau. */
    public static Optional<DirectoryEntry> bureau(WorldView world, String state) {
        return world.nodesOf(state).stream()
            .filter(n -> n.getActive() && n.getRole() == NodeRole.NCB)
            .min(Comparator.comparing(DirectoryEntry::getNodeId));
    }

    public static boolean bothMembers(WorldView world, String requesting, String requested) {
        return bureau(world, requesting).isPresent() && bureau(world, requested).isPresent();
    }
}
