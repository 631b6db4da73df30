package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.RequestType;

import java.util.Optional;

/**
 * Expedited preservation of stored data lasts a period (default 90 days, never under 60),
 * renewable, so that the requesting state can submit its formal request (Cybercrime Convention
 * art. 42). Starts when the preservation is executed; a node renews it with an EXECUTED action
 * carrying reason code {@value CaseChange#PRESERVATION_RENEWAL} (a fresh period from the
 * renewal). Met when a formal MLA case listing this one in its linkedCaseIds is received by the
 * requested state (DELIVERED or any later status) by the end of the period, as for a provisional
 * arrest: a request still in transit keeps nothing alive. After that the data stay preserved
 * pending the decision (art. 42; docs/rules.md).
 * Missed: the preservation expires and the case lapses.
 */
public final class PreservationClock implements LegalClock {

    public static final String EXPIRED = "CYBERCRIME-42:PRESERVATION-EXPIRED";

    @Override
    public ClockKind kind() {
        return ClockKind.PRESERVATION_PERIOD;
    }

    @Override
    public boolean startsOn(CaseFile before, CaseChange change) {
        return change.requestType() == RequestType.PRESERVATION && change.status() == CaseStatus.EXECUTED
            && (before == null || before.status() != CaseStatus.EXECUTED || change.isPreservationRenewal());
    }

    @Override
    public boolean isMet(CaseFile file, long deadline) {
        return file.followUps().stream().anyMatch(f -> f.requestType() == RequestType.MLA
            && f.receivedAt() != null && f.receivedAt() <= deadline);
    }

    @Override
    public Optional<String> lapseReason() {
        return Optional.of(EXPIRED);
    }

    @Override
    public boolean waitsOnAnotherCase() {
        return true;
    }
}
