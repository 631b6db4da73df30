package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;

/**
 * A round-the-clock point acknowledges within hours (default 4 h): the 24/7 network exists for
 * immediate assistance (Cybercrime Convention art. 41); INTERPOL NCBs on I-24/7 work round the
 * clock too.
 */
public final class ContactPointAcknowledgementClock implements LegalClock {

    @Override
    public ClockKind kind() {
        return ClockKind.POC_ACKNOWLEDGEMENT;
    }

    @Override
    public boolean startsOn(CaseFile before, CaseChange change) {
        return change.status() == CaseStatus.ROUTED && LegalClock.expectsReply(change.requestType())
            && (change.channel() == Channel.CONTACT_POINT_247 || change.channel() == Channel.I247);
    }

    @Override
    public boolean isMet(CaseFile file, long deadline) {
        return REPLIED.contains(file.status());
    }
}
