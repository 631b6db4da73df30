package org.rogatory.router.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.RequestType;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Rule 5 (res. 12/1 annex I (q), Arabic (ف); docs/rules.md): what police or 24/7 channels obtain cannot be used as evidence
 * until a formal MLA request obtains it. An informal exchange meant to become evidence is followed
 * by a formal MLA case, linked to it, with an id derived from its own (same input, same id). The
 * formal request can only be drafted once there is something to ask for: it is sent when the
 * informal answer reaches the requesting state plus the drafting delay (practice), and never if no
 * answer comes.
 */
public final class InformalToFormal {

    /** On the informal case's routing: a formal MLA request will follow its answer. */
    public static final String AWAITS_ANSWER = "RES-12/1-I(q):FORMAL-MLA-ON-ANSWER";
    /** On the formal case: opened from an answered informal exchange. */
    public static final String REASON = "RES-12/1-I(q):FORMAL-MLA-SPAWNED";
    private static final Set<RequestType> INFORMAL = EnumSet.of(RequestType.POLICE_INFORMATION, RequestType.PRESERVATION,
        RequestType.DISCLOSURE, RequestType.SPONTANEOUS_INFORMATION);
    private static final Set<Channel> INFORMAL_CHANNELS = EnumSet.of(Channel.I247, Channel.CONTACT_POINT_247);
    private static final Set<CaseStatus> ANSWERED = EnumSet.of(CaseStatus.EXECUTED, CaseStatus.PARTIALLY_EXECUTED);
    /** Ends without an answer: nothing obtained, nothing to make evidence of. */
    private static final Set<CaseStatus> UNANSWERED = EnumSet.of(CaseStatus.REFUSED, CaseStatus.WITHDRAWN, CaseStatus.LAPSED);

    /** What a node's step on an informal case awaiting its answer means for the formal request. */
    public enum Step {
        /** Executed (in whole or part) in the requested state: the formal request is drafted from the answer. */
        ANSWERED,
        /** Refused, withdrawn or lapsed: no formal request will follow. */
        CLOSED,
        /** Any other step (delivery, review, consultation...): still waiting. */
        PENDING
    }

    private InformalToFormal() {
    }

    /** The formal MLA case id that follows an informal case. */
    public static String formalCaseId(String informalCaseId) {
        return informalCaseId + "-MLA";
    }

    /** Whether the routed request is informal and flagged for evidential use: its answer calls for a formal request. */
    public static boolean awaitsAnswer(CooperationRequest informal, Channel channel) {
        return informal.getEvidentialUse() && INFORMAL.contains(informal.getRequestType()) && INFORMAL_CHANNELS.contains(channel);
    }

    /**
     * A node's step {@code status} at {@code nodeId} on the awaiting informal case. The answer counts
     * from any node of the requested state (the receiving point may have passed the case to another
     * authority there), as the world knows it at the step.
     */
    public static Step step(CooperationRequest informal, CaseStatus status, String nodeId, WorldView world) {
        if (ANSWERED.contains(status) && world.node(informal.getRequestedState(), nodeId).isPresent()) {
            return Step.ANSWERED;
        }
        return UNANSWERED.contains(status) ? Step.CLOSED : Step.PENDING;
    }

    /**
     * The follow-up MLA request of an answered informal exchange, sent at {@code sentAt}, from the
     * requesting state's central authority for MLA.
     */
    public static CooperationRequest followUp(CooperationRequest informal, long sentAt, WorldView world) {
        EventHeader parent = informal.getHeader();
        String caseId = formalCaseId(parent.getCaseId());
        // The formal request leaves from the requesting state's central authority for MLA, if it has one.
        String origin = CompetentAuthority.sender(world, informal.getRequestingState(), RequestType.MLA, Channel.CENTRAL_AUTHORITY)
            .map(DirectoryEntry::getNodeId).orElse(informal.getOriginNode());
        CooperationRequest formal = OpenedCase.from(informal, caseId, "formal-mla", origin, RequestType.MLA,
            List.of(parent.getCaseId()));
        formal.setEvidentialUse(false);
        formal.getHeader().setSimulatedTime(Instant.ofEpochMilli(sentAt));
        return formal;
    }
}
