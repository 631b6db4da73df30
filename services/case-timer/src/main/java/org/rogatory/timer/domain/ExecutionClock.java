package org.rogatory.timer.domain;

import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.RequestType;

/**
 * Execution of a request once acknowledged (default 90 days; practice, cf. EU investigation
 * orders: decide in 30, execute in 90). The requested state executes as soon as possible and
 * takes account of the requesting state's deadlines (UNTOC art. 18(24)).
 */
public final class ExecutionClock implements LegalClock {

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
}
