package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.rogatory.contracts.CaseStatus.ACKNOWLEDGED;
import static org.rogatory.contracts.CaseStatus.CONSULTATION;
import static org.rogatory.contracts.CaseStatus.DELIVERED;
import static org.rogatory.contracts.CaseStatus.EVIDENCE_RECEIVED;
import static org.rogatory.contracts.CaseStatus.EVIDENCE_TRANSMITTED;
import static org.rogatory.contracts.CaseStatus.EXECUTED;
import static org.rogatory.contracts.CaseStatus.GRANTED_SUBJECT_TO_CONDITIONS;
import static org.rogatory.contracts.CaseStatus.IN_EXECUTION;
import static org.rogatory.contracts.CaseStatus.LAPSED;
import static org.rogatory.contracts.CaseStatus.MORE_INFO_REQUESTED;
import static org.rogatory.contracts.CaseStatus.PARTIALLY_EXECUTED;
import static org.rogatory.contracts.CaseStatus.REFUSED;
import static org.rogatory.contracts.CaseStatus.ROUTED;
import static org.rogatory.contracts.CaseStatus.SUBMITTED;
import static org.rogatory.contracts.CaseStatus.TRANSLATING;
import static org.rogatory.contracts.CaseStatus.UNDER_REVIEW;
import static org.rogatory.contracts.CaseStatus.WITHDRAWN;

/**
 * The legal life of a case: which status may follow which, and who may report it. An illegal
 * step is rejected with its reason (the timer dead-letters it) and never applied.
 */
public final class CaseStateMachine {

    /** Statuses after which nothing happens. */
    public static final Set<CaseStatus> CLOSED = EnumSet.of(REFUSED, WITHDRAWN, LAPSED, EVIDENCE_RECEIVED);

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = new EnumMap<>(CaseStatus.class);

    static {
        NEXT.put(SUBMITTED, EnumSet.of(ROUTED, REFUSED, WITHDRAWN));
        // The router may route again a message that was never delivered (new transmission).
        NEXT.put(ROUTED, EnumSet.of(ROUTED, TRANSLATING, DELIVERED, ACKNOWLEDGED, REFUSED, WITHDRAWN));
        NEXT.put(TRANSLATING, EnumSet.of(DELIVERED, ACKNOWLEDGED, UNDER_REVIEW, REFUSED, WITHDRAWN));
        NEXT.put(DELIVERED, EnumSet.of(TRANSLATING, ACKNOWLEDGED, UNDER_REVIEW, REFUSED, WITHDRAWN));
        NEXT.put(ACKNOWLEDGED, EnumSet.of(UNDER_REVIEW, MORE_INFO_REQUESTED, CONSULTATION, IN_EXECUTION, EXECUTED,
            PARTIALLY_EXECUTED, REFUSED, WITHDRAWN));
        // A review may end in a refusal; where a text requires consultation first, rejection() says so.
        NEXT.put(UNDER_REVIEW, EnumSet.of(MORE_INFO_REQUESTED, CONSULTATION, IN_EXECUTION, EXECUTED,
            PARTIALLY_EXECUTED, REFUSED, GRANTED_SUBJECT_TO_CONDITIONS, WITHDRAWN));
        NEXT.put(MORE_INFO_REQUESTED, EnumSet.of(UNDER_REVIEW, CONSULTATION, REFUSED, WITHDRAWN));
        // UNTOC art. 18(25)-(26): execution may be postponed after consultation.
        NEXT.put(CONSULTATION, EnumSet.of(UNDER_REVIEW, MORE_INFO_REQUESTED, IN_EXECUTION, REFUSED,
            GRANTED_SUBJECT_TO_CONDITIONS, WITHDRAWN));
        // UNTOC art. 18(26); res. 12/1 annex II (j): the requesting state accepts the conditions (execution
        // follows) or does not (it withdraws the request, and nothing is executed).
        NEXT.put(GRANTED_SUBJECT_TO_CONDITIONS, EnumSet.of(IN_EXECUTION, WITHDRAWN));
        // The executing authority's receipt and start of work keep the case in execution (CaseChange.isExecutionStep).
        NEXT.put(IN_EXECUTION, EnumSet.of(IN_EXECUTION, CONSULTATION, EXECUTED, PARTIALLY_EXECUTED, WITHDRAWN));
        NEXT.put(PARTIALLY_EXECUTED, EnumSet.of(IN_EXECUTION, EXECUTED, WITHDRAWN, EVIDENCE_TRANSMITTED));
        // An executed measure that lasts (preservation, arrest) may be renewed, withdrawn or lapse; the results
        // of an executed request go back to the requesting state (UNTOC 18(13), the round trip), which receives them.
        NEXT.put(EXECUTED, EnumSet.of(EXECUTED, WITHDRAWN, LAPSED, EVIDENCE_TRANSMITTED));
        NEXT.put(EVIDENCE_TRANSMITTED, EnumSet.of(EVIDENCE_RECEIVED));
        for (CaseStatus closed : CLOSED) {
            NEXT.put(closed, EnumSet.noneOf(CaseStatus.class));
        }
    }

    /** Statuses only the router decides. */
    private static final Set<CaseStatus> ROUTER_DECISIONS = EnumSet.of(SUBMITTED, ROUTED, REFUSED);

    /** Open statuses from which a node must go through CONSULTATION to refuse, where the duty is required (UNTOC art. 18(26)). */
    private static final Set<CaseStatus> CONSULT_FIRST = EnumSet.of(ROUTED, TRANSLATING, DELIVERED, ACKNOWLEDGED,
        UNDER_REVIEW, MORE_INFO_REQUESTED, IN_EXECUTION);

    /** Statuses at which a node may refuse an untranslated request without consultation (rule 6). */
    private static final Set<CaseStatus> BEFORE_REVIEW = EnumSet.of(ROUTED, TRANSLATING, DELIVERED, ACKNOWLEDGED);

    /** A ground the rules treat apart (rule 6's untranslated request) and one they do not. */
    private static final List<RefusalGround> GROUND_PROBES = List.of(RefusalGround.UNTRANSLATED, RefusalGround.NOT_IN_CONFORMITY);

    private CaseStateMachine() {
    }

    /** Whether {@code to} may follow {@code from} at all (the diagram in docs/clocks.md). */
    public static boolean allows(CaseStatus from, CaseStatus to) {
        return NEXT.getOrDefault(from, Set.of()).contains(to);
    }

    /** Why {@code change} may not be applied to the case as it stands ({@code current} null for an unknown case); empty if it may. */
    public static Optional<String> rejection(CaseFile current, CaseChange change) {
        return current == null ? rejection(null, null, change) : rejection(current.status(), current.requestType(), change);
    }

    /**
     * What the node handling a case may report now on a case in {@code from}, of {@code requestType}:
     * each status {@link #handlerRejection} accepts (a refusal or consultation on some ground).
     * Served to people playing a node, so they are told their moves by the rules the timer applies.
     */
    public static Set<CaseStatus> handlerMoves(CaseStatus from, RequestType requestType) {
        Set<CaseStatus> moves = EnumSet.noneOf(CaseStatus.class);
        for (CaseStatus to : CaseStatus.values()) {
            for (RefusalGround ground : GROUND_PROBES) {
                CaseChange probe = new CaseChange(null, null, CaseChange.Source.NODE, to, null, null, requestType, null,
                    List.of(), ground, null, null);
                if (handlerRejection(from, requestType, probe).isEmpty()) {
                    moves.add(to);
                }
            }
        }
        return moves;
    }

    /**
     * Why the node handling a case may not report {@code change} now; empty if it may. As
     * {@link #rejection}, except that a withdrawal is the requesting state's decision, never the
     * requested node's (the timer takes it from a node action, as the requesting state reports it).
     */
    public static Optional<String> handlerRejection(CaseStatus from, RequestType requestType, CaseChange change) {
        if (change.status() == WITHDRAWN) {
            return Optional.of("WITHDRAWN is the requesting state's decision, not the handling node's");
        }
        if (change.status() == EVIDENCE_RECEIVED) {
            return Optional.of("EVIDENCE_RECEIVED is the requesting state's receipt (its e-CODEX retrieval), not the handling node's step");
        }
        if (change.status() == EVIDENCE_TRANSMITTED) {
            // the return transport runs beside the node models (docs/nodes.md, Played nodes): a played node's model sends it
            return Optional.of("EVIDENCE_TRANSMITTED is sent by the node's model when the executing authority's results come back;"
                + " a player forwards the request for execution (IN_EXECUTION)");
        }
        return rejection(from, requestType, change);
    }

    /**
     * Why {@code change} may not follow {@code from} on a case of {@code requestType} ({@code from}
     * null for an unknown case); empty if it may.
     */
    public static Optional<String> rejection(CaseStatus from, RequestType requestType, CaseChange change) {
        CaseStatus to = change.status();
        if (to == null || to == CaseStatus.UNKNOWN) {
            return Optional.of("unknown status");
        }
        if (to == LAPSED) {
            return Optional.of("LAPSED is decided by the case timer when a clock with legal effect runs out, never reported");
        }
        if (change.source() == CaseChange.Source.ROUTER && !ROUTER_DECISIONS.contains(to)) {
            return Optional.of("the router decides only SUBMITTED, ROUTED and REFUSED, not " + to);
        }
        if (change.source() == CaseChange.Source.NODE && (to == SUBMITTED || to == ROUTED)) {
            return Optional.of("a node cannot report " + to + ": routing is the router's decision");
        }
        if (to == REFUSED && change.refusalGround() == null) {
            return Optional.of("UNTOC art. 18(23): reasons shall be given for any refusal (no refusal ground)");
        }
        if (from == null) {
            return ROUTER_DECISIONS.contains(to) ? Optional.empty()
                : Optional.of("unknown case: " + to + " reported before the case was routed");
        }
        if (CLOSED.contains(from)) {
            return Optional.of("illegal transition " + from + " -> " + to + " (case closed)");
        }
        // Only a required duty is enforced: "where appropriate" (extradition) is the node's judgement.
        if (to == REFUSED && change.source() == CaseChange.Source.NODE && CONSULT_FIRST.contains(from)
                && requestType != null && ConsultationDuty.of(requestType) == ConsultationDuty.REQUIRED
                && !(BEFORE_REVIEW.contains(from) && change.refusalGround() == RefusalGround.UNTRANSLATED)) {
            return Optional.of(ConsultationDuty.REQUIRED.source() + ": the requested state consults the requesting state before refusing "
                + requestType + " (" + from + " -> REFUSED without CONSULTATION)");
        }
        if (!allows(from, to)) {
            return Optional.of("illegal transition " + from + " -> " + to);
        }
        if (from == EXECUTED && to == EXECUTED
                && !(requestType == RequestType.PRESERVATION && change.isPreservationRenewal())) {
            return Optional.of("EXECUTED -> EXECUTED is only a preservation renewal (Cybercrime Convention art. 42, reason code "
                + CaseChange.PRESERVATION_RENEWAL + ")");
        }
        if (from == IN_EXECUTION && to == IN_EXECUTION && !change.isExecutionStep()) {
            return Optional.of("IN_EXECUTION -> IN_EXECUTION is only the executing authority's receipt or start of execution"
                + " (reason code " + CaseChange.RECEIVED_FOR_EXECUTION + " or " + CaseChange.EXECUTION_STARTED + ")");
        }
        if (from == EXECUTED && to == WITHDRAWN && requestType != RequestType.PRESERVATION
                && requestType != RequestType.PROVISIONAL_ARREST) {
            return Optional.of("an executed " + requestType + " cannot be withdrawn; only lasting measures can");
        }
        return Optional.empty();
    }
}
