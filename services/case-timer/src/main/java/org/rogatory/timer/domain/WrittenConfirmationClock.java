package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;

/**
 * An urgent MLA request sent through INTERPOL (UNTOC art. 18(13)) or the 24/7 network must be
 * confirmed in writing through the formal channel (UNTOC art. 18(14): "forthwith"; the default
 * 10 days is practice, docs/rules.md). The duty concerns MLA only: police information, notices,
 * diffusions and preservation carry none. The clock starts on the router's flag
 * ({@link CaseChange#WRITTEN_CONFIRMATION_DUE}). Met when a formal request case listing this one
 * in its linkedCaseIds is sent (ROUTED) on the central-authority or the diplomatic channel by the
 * deadline. The requesting state must act, so its origin node gets the
 * reminders, and the requested state's liaison officer (if posted there) is the third step.
 */
public final class WrittenConfirmationClock implements LegalClock {

    @Override
    public ClockKind kind() {
        return ClockKind.WRITTEN_CONFIRMATION;
    }

    @Override
    public boolean startsOn(CaseFile before, CaseChange change) {
        return change.status() == CaseStatus.ROUTED && change.needsWrittenConfirmation()
            && (before == null || !before.hasReached(CaseStatus.ROUTED));
    }

    @Override
    public boolean isMet(CaseFile file, long deadline) {
        return file.followUps().stream().anyMatch(f -> f.routedAt() != null && f.routedAt() <= deadline
            && (f.routedChannel() == Channel.CENTRAL_AUTHORITY || f.routedChannel() == Channel.DIPLOMATIC));
    }

    @Override
    public String actingNode(CaseFile file) {
        return file.originNode();
    }

    @Override
    public String actingState(CaseFile file) {
        return file.requestingState();
    }

    @Override
    public String waitingState(CaseFile file) {
        return file.requestedState();
    }

    @Override
    public boolean waitsOnAnotherCase() {
        return true;
    }
}
