package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.Span;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A clock of docs/rules.md's table: when it starts, what meets it, who must act, and whether
 * missing it has legal effect (the case lapses) or climbs the escalation ladder.
 */
public sealed interface LegalClock permits ContactPointAcknowledgementClock, CentralAuthorityAcknowledgementClock,
        ExecutionClock, ExtraditionDecisionClock, WrittenConfirmationClock, PreservationClock,
        ProvisionalArrestClock, TransportStepClock {

    /** Statuses at or past acknowledgement, short of an answer. */
    Set<CaseStatus> ACKNOWLEDGED_OR_LATER = EnumSet.of(CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW,
        CaseStatus.MORE_INFO_REQUESTED, CaseStatus.CONSULTATION, CaseStatus.IN_EXECUTION,
        CaseStatus.EXECUTED, CaseStatus.PARTIALLY_EXECUTED);

    /** Statuses that show the requested node replied: an acknowledgement or anything later, or a refusal. */
    Set<CaseStatus> REPLIED = EnumSet.of(CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW,
        CaseStatus.MORE_INFO_REQUESTED, CaseStatus.CONSULTATION, CaseStatus.IN_EXECUTION,
        CaseStatus.EXECUTED, CaseStatus.PARTIALLY_EXECUTED, CaseStatus.REFUSED);

    /** Statuses that answer a request: executed (granted), in part, or refused with reasons (UNTOC art. 18(23)). */
    Set<CaseStatus> ANSWERED = EnumSet.of(CaseStatus.EXECUTED, CaseStatus.PARTIALLY_EXECUTED, CaseStatus.REFUSED);

    /** Every clock, in the order they are checked. */
    List<LegalClock> ALL = List.of(new TransportStepClock(), new ContactPointAcknowledgementClock(),
        new CentralAuthorityAcknowledgementClock(), new WrittenConfirmationClock(), new ExecutionClock(),
        new ExtraditionDecisionClock(), new PreservationClock(), new ProvisionalArrestClock());

    static LegalClock of(ClockKind kind) {
        return ALL.stream().filter(c -> c.kind() == kind).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no clock " + kind));
    }

    ClockKind kind();

    /** Whether this accepted change starts (or restarts) the clock; {@code before} is null for a new case. */
    boolean startsOn(CaseFile before, CaseChange change);

    /** Whether the case, as it now stands, has done what the clock waits for (by {@code deadline} where that matters). */
    boolean isMet(CaseFile file, long deadline);

    /** How long the clock runs on this case: the policy's span, unless the clock tells requests apart. */
    default Span span(ClockPolicy policy, CaseFile file) {
        return policy.span(kind());
    }

    /**
     * A deadline the requesting state asked for that this clock keeps when it falls before the
     * clock's own (empty: the clock keeps only its own).
     */
    default Optional<Instant> requestedDeadline(CaseFile file) {
        return Optional.empty();
    }

    /** Node whose officer must act; reminders and the supervisor step go there. */
    default String actingNode(CaseFile file) {
        return file.handlingNode();
    }

    /** State that must act. */
    default String actingState(CaseFile file) {
        return file.requestedState();
    }

    /** State that waits, whose liaison officer (if posted in the acting state) is the third step. */
    default String waitingState(CaseFile file) {
        return file.requestingState();
    }

    /** The reason code of the lapse when missing this clock has legal effect; empty when it escalates. */
    default Optional<String> lapseReason() {
        return Optional.empty();
    }

    /** True when it waits on another case, whose steps may reach this partition a little late. */
    default boolean waitsOnAnotherCase() {
        return false;
    }

    /** No reply is due to spontaneous information (UNTOC art. 18(4)). */
    static boolean expectsReply(RequestType type) {
        return type != RequestType.SPONTANEOUS_INFORMATION;
    }

    static boolean firstReachesAcknowledged(CaseFile before, CaseChange change) {
        boolean reachedBefore = before != null && ACKNOWLEDGED_OR_LATER.stream().anyMatch(before::hasReached);
        return !reachedBefore && ACKNOWLEDGED_OR_LATER.contains(change.status());
    }
}
