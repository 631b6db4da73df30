package org.rogatory.timer.topology;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.EscalationLevel;
import org.rogatory.timer.domain.CaseFile;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.timer.topology.TimerPieces.T0;

/** The clock scheduler alone: fires what the deadline index says is due, and sends the steps and the view. */
class ClockSchedulerTest {

    private final TimerPieces pieces = new TimerPieces();
    private final ClockScheduler scheduler = new ClockScheduler(pieces.deadlines, pieces.files, pieces.docket,
        new LinkWatermarks(1), pieces.counters, pieces, 0);

    @Test
    @DisplayName("an unacknowledged 24/7 request: a reminder when its 4 hours pass, a supervisor 4 hours later, each once")
    void ladder() {
        CaseFile file = pieces.open("P", T0);
        long due = file.clock(ClockKind.POC_ACKNOWLEDGEMENT).orElseThrow().nextDueAt();
        assertThat(due).isEqualTo(T0.plus(Duration.ofHours(4)).toEpochMilli());

        scheduler.fireDue(due);
        assertThat(pieces.escalations).isEmpty();
        scheduler.fireDue(due + 1);
        scheduler.fireDue(due + 2);
        assertThat(pieces.escalations).extracting(e -> e.getHeader().getCaseId() + " " + e.getClock() + " " + e.getLevel())
            .containsExactly("P POC_ACKNOWLEDGEMENT REMINDER");
        assertThat(pieces.views).hasSize(1);

        scheduler.fireDue(due + Duration.ofHours(4).toMillis() + 1);
        assertThat(pieces.escalations).extracting(e -> e.getClock() + " " + e.getLevel()).containsExactly(
            "POC_ACKNOWLEDGEMENT REMINDER", "POC_ACKNOWLEDGEMENT SUPERVISOR");
        scheduler.fireDue(due + Duration.ofDays(1).toMillis() + 1);
        // a day after its deadline the acknowledgement has climbed to the top; the 24-hour transport step,
        // missed meanwhile, climbs its own ladder from its own deadline
        assertThat(pieces.escalations).extracting(e -> e.getClock() + " " + e.getLevel()).containsExactly(
            "POC_ACKNOWLEDGEMENT REMINDER", "POC_ACKNOWLEDGEMENT SUPERVISOR", "POC_ACKNOWLEDGEMENT LIAISON_OFFICER",
            "POC_ACKNOWLEDGEMENT DIPLOMATIC_NOTE", "TRANSPORT_STEP REMINDER", "TRANSPORT_STEP SUPERVISOR");
        assertThat(pieces.files.get("P").clock(ClockKind.POC_ACKNOWLEDGEMENT).orElseThrow().lastLevel())
            .isEqualTo(EscalationLevel.DIPLOMATIC_NOTE);
    }
}
