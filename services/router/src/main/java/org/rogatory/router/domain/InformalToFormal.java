package org.rogatory.router.domain;

import org.rogatory.contracts.Channel;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.RequestType;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rule 5 (res. 12/1 annex I (q), Arabic (ف); docs/rules.md): what police or 24/7 channels obtain cannot be used as evidence
 * until a formal MLA request obtains it. An informal exchange meant to become evidence spawns a
 * formal MLA case, linked to it, with an id derived from its own (same input, same id).
 */
public final class InformalToFormal {

    public static final String REASON = "RES-12/1-I(q):FORMAL-MLA-SPAWNED";
    private static final Set<RequestType> INFORMAL = EnumSet.of(RequestType.POLICE_INFORMATION, RequestType.PRESERVATION,
        RequestType.DISCLOSURE, RequestType.SPONTANEOUS_INFORMATION);
    private static final Set<Channel> INFORMAL_CHANNELS = EnumSet.of(Channel.I247, Channel.CONTACT_POINT_247);

    private InformalToFormal() {
    }

    /** The formal MLA case id that follows an informal case. */
    public static String formalCaseId(String informalCaseId) {
        return informalCaseId + "-MLA";
    }

    /** The follow-up MLA request, when the routed request is informal and flagged for evidential use. */
    public static Optional<CooperationRequest> followUp(CooperationRequest informal, Channel channel, WorldView world) {
        if (!informal.getEvidentialUse() || !INFORMAL.contains(informal.getRequestType()) || !INFORMAL_CHANNELS.contains(channel)) {
            return Optional.empty();
        }
        EventHeader parent = informal.getHeader();
        String caseId = formalCaseId(parent.getCaseId());
        // The formal request leaves from the requesting state's central authority for MLA, if it has one.
        String origin = CompetentAuthority.sender(world, informal.getRequestingState(), RequestType.MLA, Channel.CENTRAL_AUTHORITY)
            .map(DirectoryEntry::getNodeId).orElse(informal.getOriginNode());
        CooperationRequest formal = OpenedCase.from(informal, caseId, "formal-mla", origin, RequestType.MLA,
            List.of(parent.getCaseId()));
        formal.setEvidentialUse(false);
        return Optional.of(formal);
    }
}
