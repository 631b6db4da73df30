package org.rogatory.router.domain;

import org.rogatory.contracts.Channel;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RequestType;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 2: the receiving node is the requested state's node registered in the directory for the
 * request type on the channel (UNODC Directory of Competent National Authorities; kept current
 * under res. 12/1 annex II (h)). A withdrawn designation (inactive) does not count.
 */
public final class CompetentAuthority {

    private static final Set<RequestType> EXTRADITION_FAMILY = EnumSet.of(RequestType.EXTRADITION,
        RequestType.PROVISIONAL_ARREST, RequestType.TRANSFER_OF_PROCEEDINGS, RequestType.TEMPORARY_SURRENDER,
        RequestType.EXTRADITION_ARBITRATION);

    private CompetentAuthority() {
    }

    /** Roles that send and receive on a channel. */
    public static Set<NodeRole> rolesOn(Channel channel) {
        return switch (channel) {
            case CENTRAL_AUTHORITY -> EnumSet.of(NodeRole.CA_MLA, NodeRole.CA_EXT);
            case CONTACT_POINT_247 -> EnumSet.of(NodeRole.POC_247);
            case I247 -> EnumSet.of(NodeRole.NCB);
            case DIPLOMATIC -> EnumSet.of(NodeRole.MFA);
            case UNKNOWN -> EnumSet.noneOf(NodeRole.class);
        };
    }

    /** The requested state's active node designated for the type on the channel. */
    public static Optional<DirectoryEntry> receiver(WorldView world, String state, RequestType type, Channel channel) {
        return world.nodesOf(state).stream()
            .filter(n -> n.getActive() && rolesOn(channel).contains(n.getRole()) && n.getHandles().contains(type))
            .min(preference(type));
    }

    /** The requesting state's active node on the channel, preferring one that handles the type itself. */
    public static Optional<DirectoryEntry> sender(WorldView world, String state, RequestType type, Channel channel) {
        return world.nodesOf(state).stream()
            .filter(n -> n.getActive() && rolesOn(channel).contains(n.getRole()))
            .min(Comparator.comparing((DirectoryEntry n) -> !n.getHandles().contains(type)).thenComparing(preference(type)));
    }

    /** Extradition matters prefer the CA for extradition, the rest the CA for MLA (when they are different offices). */
    private static Comparator<DirectoryEntry> preference(RequestType type) {
        NodeRole preferred = EXTRADITION_FAMILY.contains(type) ? NodeRole.CA_EXT : NodeRole.CA_MLA;
        return Comparator.comparing((DirectoryEntry n) -> n.getRole() != preferred).thenComparing(DirectoryEntry::getNodeId);
    }
}
