package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;

/**
 * e-CODEX transport timeout (docs/rules.md, "Messaging between nodes": 24 h per step by default):
 * a message sent on an electronic channel must be delivered in time, or the silence becomes a
 * negative evidence. The diplomatic channel carries notes, not e-delivery messages: no clock.
 */
public final class TransportStepClock implements LegalClock {

    @Override
    public ClockKind kind() {
        return ClockKind.TRANSPORT_STEP;
    }

    @Override
    public boolean startsOn(CaseFile before, CaseChange change) {
        Channel channel = change.channel();
        return change.status() == CaseStatus.ROUTED && channel != null
            && channel != Channel.DIPLOMATIC && channel != Channel.UNKNOWN;
    }

    @Override
    public boolean isMet(CaseFile file, long deadline) {
        return LinkNotice.RECEIVED.contains(file.status()) || file.status() == CaseStatus.REFUSED;
    }
}
