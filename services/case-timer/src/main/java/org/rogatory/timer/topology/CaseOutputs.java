package org.rogatory.timer.topology;

import org.rogatory.contracts.ClockWarning;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.Escalation;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.timer.domain.CaseFile;

/** What the timer's pieces send: the processor forwards each to its sink; a test records them. */
interface CaseOutputs {

    /** The case's view on coop.cases. */
    void view(CaseFile file, long at);

    /** An escalation step on coop.escalations. */
    void escalation(String caseId, Escalation escalation, long at);

    /** A clock's warning on coop.clock-warnings. */
    void warning(String caseId, ClockWarning warning, long at);

    /** A dead letter, counted by cause. */
    void deadLetter(String key, DeadLetter letter, DeadLetters.Cause cause, long at);
}
