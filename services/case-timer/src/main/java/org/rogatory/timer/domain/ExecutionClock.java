package org.rogatory.timer.domain;

import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.Span;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Execution of a request once acknowledged (default 90 days; practice, cf. EU investigation
 * orders: decide in 30, execute in 90). Preservation and disclosure of preserved traffic data are
 * to be executed expeditiously (Cybercrime Convention arts. 42, 43): they run on the policy's
 * expedited span instead. The requested state executes as soon as possible and takes as full
 * account as possible of a deadline the requesting state suggests with reasons (UNTOC art.
 * 18(24)): an earlier requested deadline becomes the clock's, so the ladder follows it up; missing
 * it has no legal effect (docs/rules.md, "Clocks").
 */
public final class ExecutionClock implements LegalClock {

    /** Requests to be executed expeditiously (Cybercrime Convention arts. 42, 43). */
    static final Set<RequestType> EXPEDITED = EnumSet.of(RequestType.PRESERVATION, RequestType.DISCLOSURE);

    @Override
    public ClockKind kind() {
        return ClockKind.EXECUTION;
    }

    @Override
    public boolean startsOn(CaseFile before, CaseChange change) {
        RequestType type = change.requestType();
        return LegalClock.expectsReply(type) && type != RequestType.EXTRADITION
            && type != RequestType.EXTRADITION_ARBITRATION && LegalClock.firstReachesAcknowledged(before, change)
            && !ANSWERED.contains(change.status());
    }

    @Override
    public boolean isMet(CaseFile file, long deadline) {
        return ANSWERED.contains(file.status());
    }

    @Override
    public Span span(ClockPolicy policy, CaseFile file) {
        return EXPEDITED.contains(file.requestType()) ? policy.expeditedExecution() : policy.span(kind());
    }

    @Override
    public Optional<Instant> requestedDeadline(CaseFile file) {
        return file.requestedDeadline();
    }
}
