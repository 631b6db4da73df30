package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.RequestType;

import java.util.Optional;

/**
 * After a provisional arrest (UNTOC art. 16(9)) the requested state must receive the formal
 * extradition request within the period its treaty or law sets, or the person is released. UNTOC
 * sets no period; the default is the European Convention on Extradition's, art. 16(4): release
 * possible after 18 days, due after 40 at most, so 40 days (docs/rules.md). A scenario assuming
 * another treaty sets its own period; the lapse code therefore names no treaty. Starts when the arrest is executed;
 * met when an EXTRADITION case listing this one in its linkedCaseIds is received by the
 * requested state (DELIVERED or any later status) by the deadline: a request still travelling
 * the diplomatic channel does not count. Missed: released, the case lapses.
 */
public final class ProvisionalArrestClock implements LegalClock {

    public static final String RELEASED = "UNTOC-16.9:RELEASED:TREATY-PERIOD-EXPIRED";

    @Override
    public ClockKind kind() {
        return ClockKind.PROVISIONAL_ARREST;
    }

    @Override
    public boolean startsOn(CaseFile before, CaseChange change) {
        return change.requestType() == RequestType.PROVISIONAL_ARREST && change.status() == CaseStatus.EXECUTED
            && (before == null || before.status() != CaseStatus.EXECUTED);
    }

    @Override
    public boolean isMet(CaseFile file, long deadline) {
        return file.followUps().stream().anyMatch(f -> f.requestType() == RequestType.EXTRADITION
            && f.receivedAt() != null && f.receivedAt() <= deadline);
    }

    @Override
    public Optional<String> lapseReason() {
        return Optional.of(RELEASED);
    }

    @Override
    public boolean waitsOnAnotherCase() {
        return true;
    }
}
