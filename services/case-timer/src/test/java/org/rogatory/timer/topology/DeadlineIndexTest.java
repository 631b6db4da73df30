package org.rogatory.timer.topology;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.ClockKind;
import org.rogatory.timer.domain.CaseDocket;
import org.rogatory.timer.domain.CaseFile;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.timer.topology.TimerPieces.T0;

/** The deadline index alone: due times of the running clocks, read by due range. */
class DeadlineIndexTest {

    private final TimerPieces pieces = new TimerPieces();

    @Test
    @DisplayName("a case's running clocks are due in time order, strictly before the time asked, and gone once removed")
    void dueInOrder() {
        CaseFile file = pieces.open("P", T0);
        List<DeadlineIndex.Deadline> expected = file.clocks().stream().filter(c -> c.nextActionAt() != CaseDocket.NOTHING_DUE)
            .map(c -> new DeadlineIndex.Deadline(c.nextActionAt(), "P", c.kind()))
            .sorted(Comparator.comparingLong(DeadlineIndex.Deadline::dueAt)).toList();
        assertThat(expected).as("an urgent I-24/7 request runs clocks").isNotEmpty();
        assertThat(pieces.deadlines.dueBefore(Long.MAX_VALUE)).isEqualTo(expected);

        long first = expected.getFirst().dueAt();
        assertThat(pieces.deadlines.dueBefore(first)).isEmpty();
        assertThat(pieces.deadlines.dueBefore(first + 1)).containsExactly(expected.getFirst());
        pieces.deadlines.remove(expected.getFirst());
        assertThat(pieces.deadlines.dueBefore(first + 1)).isEmpty();
    }

    @Test
    @DisplayName("a changed case file replaces its deadlines; another case's earlier ones come first")
    void tracksChanges() {
        CaseFile later = pieces.open("L", T0.plus(Duration.ofDays(1)));
        CaseFile earlier = pieces.open("E", T0);
        assertThat(pieces.deadlines.dueBefore(Long.MAX_VALUE).getFirst().caseId()).isEqualTo("E");

        CaseFile fired = pieces.docket.fire(earlier, ClockKind.POC_ACKNOWLEDGEMENT, T0.plus(Duration.ofHours(5)).toEpochMilli()).file();
        pieces.deadlines.track("E", earlier, fired);
        long stillDue = fired.clocks().stream().filter(c -> c.nextActionAt() != CaseDocket.NOTHING_DUE).count();
        assertThat(pieces.deadlines.dueBefore(Long.MAX_VALUE)).filteredOn(d -> d.caseId().equals("E")).hasSize((int) stillDue)
            .allSatisfy(d -> assertThat(fired.clock(d.clock()).orElseThrow().nextActionAt()).isEqualTo(d.dueAt()));
        assertThat(pieces.deadlines.dueBefore(Long.MAX_VALUE)).filteredOn(d -> d.caseId().equals("L"))
            .hasSize((int) later.clocks().stream().filter(c -> c.nextActionAt() != CaseDocket.NOTHING_DUE).count());
    }

    @Test
    @DisplayName("a key reads back as written, even for a case id with the separator in it")
    void keyRoundTrip() {
        DeadlineIndex.Deadline deadline = new DeadlineIndex.Deadline(42, "run/a|b/0001", ClockKind.EXECUTION);
        assertThat(DeadlineIndex.Deadline.parse(deadline.key())).isEqualTo(deadline);
    }
}
