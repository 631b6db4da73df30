package org.rogatory.timer.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rogatory.contracts.RequestType.MLA;
import static org.rogatory.timer.domain.DocketRun.T0;
import static org.rogatory.timer.domain.DocketRun.routed;

/** A played node's inbox follows the simulated node's queue discipline (docs/domain.md#queue-discipline). */
class QueuePlaceTest {

    /** MLA acknowledgement due Monday 11 January; the reminder to the handling node falls due then, the supervisor three days on. */
    private static final Instant ACK_DEADLINE = Instant.parse("2027-01-11T09:00:00Z");

    @Test
    @DisplayName("escalated to the handling node first, then urgent, then first delivered; case id last")
    void inboxOrder() {
        DocketRun run = DocketRun.withDefaults()
            .step(routed("LATE-ESCALATED", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
            .step(DocketRun.node("LATE-ESCALATED", MLA, CaseStatus.DELIVERED, T0.plus(Duration.ofHours(1))));
        // Routed after the first one's acknowledgement deadline, so their own clocks still run.
        Instant later = ACK_DEADLINE.plus(Duration.ofDays(4));
        run.step(routed("B-PLAIN", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", later, false))
            .step(routed("A-PLAIN", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", later, false))
            .step(routed("URGENT", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", later.plus(Duration.ofHours(2)), true))
            .step(DocketRun.node("B-PLAIN", MLA, CaseStatus.DELIVERED, later.plus(Duration.ofHours(1))))
            .step(DocketRun.node("A-PLAIN", MLA, CaseStatus.DELIVERED, later.plus(Duration.ofHours(1))))
            .step(DocketRun.node("URGENT", MLA, CaseStatus.DELIVERED, later.plus(Duration.ofHours(3))));

        assertThat(run.file("LATE-ESCALATED").queuePlace().priority()).as("reminder then supervisor, both to BRV-CA-MLA")
            .isEqualTo(QueuePlace.escalated(org.rogatory.contracts.EscalationLevel.SUPERVISOR));
        assertThat(run.file("URGENT").queuePlace().priority()).isEqualTo(QueuePlace.URGENT);
        assertThat(run.file("A-PLAIN").queuePlace().since()).isEqualTo(later.plus(Duration.ofHours(1)).toEpochMilli());
        List<String> inbox = run.files.values().stream().map(CaseFile::queuePlace).sorted().map(QueuePlace::caseId).toList();
        assertThat(inbox).containsExactly("LATE-ESCALATED", "URGENT", "A-PLAIN", "B-PLAIN");
    }

    @Test
    @DisplayName("an escalation addressed to another node (liaison officer, diplomatic note) does not move the case in this queue")
    void othersEscalations() {
        DocketRun run = new DocketRun(ClockPolicy.defaults(), LadderPolicy.defaults(), DocketRun.World.register(true))
            .step(routed("C", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
            .step(DocketRun.node("C", MLA, CaseStatus.DELIVERED, T0.plus(Duration.ofHours(1))))
            .advanceTo(ACK_DEADLINE.plus(Duration.ofDays(30)));
        assertThat(run.file("C").highestLevel()).isEqualTo(org.rogatory.contracts.EscalationLevel.DIPLOMATIC_NOTE);
        assertThat(run.file("C").queuePlace().priority()).as("the supervisor's, the last step addressed to BRV-CA-MLA")
            .isEqualTo(QueuePlace.escalated(org.rogatory.contracts.EscalationLevel.SUPERVISOR));
    }

    @Test
    @DisplayName("a cursor reads back as the place it was written from, in the same order; a wrong one is refused")
    void cursors() {
        List<QueuePlace> places = List.of(new QueuePlace(3, 500, "Z"), new QueuePlace(1, 100, "B|x"),
            new QueuePlace(0, 100, "A"), new QueuePlace(0, 1_000, "A"));
        assertThat(places.stream().map(p -> QueuePlace.parse(p.cursor())).toList()).isEqualTo(places);
        assertThat(places.stream().map(QueuePlace::cursor).sorted(QueuePlace::compareCursors).toList())
            .isEqualTo(places.stream().sorted(Comparator.naturalOrder()).map(QueuePlace::cursor).toList());
        assertThatThrownBy(() -> QueuePlace.parse("C-3")).hasMessageContaining("'C-3' is not a queue place");
        assertThatThrownBy(() -> QueuePlace.parse("x|1|C")).hasMessageContaining("is not a queue place");
    }
}
