package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.RequestType;

import java.util.EnumSet;
import java.util.Set;

/** Decision on an extradition request once acknowledged (default 180 days; practice). */
public final class ExtraditionDecisionClock implements LegalClock {

    /** Statuses that answer a request (refusal and withdrawal close every clock anyway). */
    static final Set<CaseStatus> ANSWERS = EnumSet.of(CaseStatus.EXECUTED, CaseStatus.PARTIALLY_EXECUTED);

    @Override
    public ClockKind kind() {
        return ClockKind.EXTRADITION_DECISION;
    }

    @Override
    public boolean startsOn(CaseFile before, CaseChange change) {
        RequestType type = change.requestType();
        return (type == RequestType.EXTRADITION || type == RequestType.EXTRADITION_ARBITRATION)
            && LegalClock.firstReachesAcknowledged(before, change) && !ANSWERS.contains(change.status());
    }

    @Override
    public boolean isMet(CaseFile file, long deadline) {
        return ANSWERS.contains(file.status());
    }
}
