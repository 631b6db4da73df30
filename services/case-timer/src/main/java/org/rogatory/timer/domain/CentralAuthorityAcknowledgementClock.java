package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;

/**
 * A central authority (or a foreign ministry receiving a diplomatic request) acknowledges
 * receipt within working days of its own calendar (default 5; practice).
 */
public final class CentralAuthorityAcknowledgementClock implements LegalClock {

    @Override
    public ClockKind kind() {
        return ClockKind.CA_ACKNOWLEDGEMENT;
    }

    @Override
    public boolean startsOn(CaseFile before, CaseChange change) {
        return change.status() == CaseStatus.ROUTED && LegalClock.expectsReply(change.requestType())
            && (change.channel() == Channel.CENTRAL_AUTHORITY || change.channel() == Channel.DIPLOMATIC);
    }

    @Override
    public boolean isMet(CaseFile file, long deadline) {
        return REPLIED.contains(file.status());
    }
}
