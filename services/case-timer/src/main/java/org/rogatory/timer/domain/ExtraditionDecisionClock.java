package org.rogatory.timer.domain;

import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.RequestType;

/** Decision on an extradition request once acknowledged (default 180 days; practice). */
public final class ExtraditionDecisionClock implements LegalClock {

    @Override
    public ClockKind kind() {
        return ClockKind.EXTRADITION_DECISION;
    }

    @Override
    public boolean startsOn(CaseFile before, CaseChange change) {
        RequestType type = change.requestType();
        return (type == RequestType.EXTRADITION || type == RequestType.EXTRADITION_ARBITRATION)
            && LegalClock.firstReachesAcknowledged(before, change) && !ANSWERED.contains(change.status());
    }

    @Override
    public boolean isMet(CaseFile file, long deadline) {
        return ANSWERED.contains(file.status());
    }
}
