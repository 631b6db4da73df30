package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One reported step on a case: a router decision or a node's action, in domain terms.
 *
 * @param request the request's facts, on decisions that route a case; null otherwise
 */
public record CaseChange(String caseId, String eventId, Source source, CaseStatus status, String nodeId,
                         Channel channel, RequestType requestType, Instant at, List<String> reasonCodes,
                         RefusalGround refusalGround, Classification classification, RequestFacts request) {

    /** Who reports the step: the router (coop.case-events) or a node (coop.node-actions). */
    public enum Source { ROUTER, NODE }

    /** Reason code a node gives when it renews a preservation (Cybercrime Convention art. 42). */
    public static final String PRESERVATION_RENEWAL = "CYBERCRIME-42:RENEWAL";

    public CaseChange {
        reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
    }

    /**
     * Reason code with which the router flags an urgent MLA request sent through INTERPOL or the
     * 24/7 network (UNTOC art. 18(14)): the router decides the duty, the timer keeps its clock.
     */
    public static final String WRITTEN_CONFIRMATION_DUE = "UNTOC-18.14:WRITTEN-CONFIRMATION-DUE";

    /**
     * Reason codes of the executing authority's steps on a case already {@code IN_EXECUTION} (the
     * round trip, UNTOC art. 18(13)): the request handed over to it has reached it, and an officer
     * has started executing it. They keep the status and say where the case is and when its
     * execution began (docs/rules.md, rule 11).
     */
    public static final String RECEIVED_FOR_EXECUTION = "UNTOC-18.13:RECEIVED-FOR-EXECUTION";
    public static final String EXECUTION_STARTED = "NODE:EXECUTION-STARTED";
    public static final Set<String> EXECUTION_STEPS = Set.of(RECEIVED_FOR_EXECUTION, EXECUTION_STARTED);

    public boolean isPreservationRenewal() {
        return reasonCodes.contains(PRESERVATION_RENEWAL);
    }

    /** A step within execution that keeps the case IN_EXECUTION: receipt by the executing authority or the start of its work. */
    public boolean isExecutionStep() {
        return reasonCodes.stream().anyMatch(EXECUTION_STEPS::contains);
    }

    public boolean needsWrittenConfirmation() {
        return reasonCodes.contains(WRITTEN_CONFIRMATION_DUE);
    }

    /** What the timer needs of a routed request; {@code requestedDeadline} null when none is asked (UNTOC art. 18(24)). */
    public record RequestFacts(String requestingState, String requestedState, String originNode,
                               org.rogatory.contracts.CrimeArea crimeArea, boolean urgent, List<String> linkedCaseIds,
                               Instant requestedDeadline) {
        public RequestFacts {
            linkedCaseIds = linkedCaseIds == null ? List.of() : List.copyOf(linkedCaseIds);
        }
    }
}
