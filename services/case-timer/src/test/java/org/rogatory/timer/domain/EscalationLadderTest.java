package org.rogatory.timer.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.EscalationLevel;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.rogatory.contracts.EscalationLevel.DIPLOMATIC_NOTE;
import static org.rogatory.contracts.EscalationLevel.LIAISON_OFFICER;
import static org.rogatory.contracts.EscalationLevel.REMINDER;
import static org.rogatory.contracts.EscalationLevel.SUPERVISOR;
import static org.rogatory.contracts.RequestType.MLA;
import static org.rogatory.timer.domain.DocketRun.T0;
import static org.rogatory.timer.domain.DocketRun.routed;

/** The escalation ladder after a missed clock (docs/rules.md, "Clocks"; res. 12/2 automated notices). */
class EscalationLadderTest {

    /** MLA routed to BRV's central authority at T0 (Monday): acknowledgement due Monday 11 January, 09:00 UTC. */
    private static final Instant ACK_DEADLINE = Instant.parse("2027-01-11T09:00:00Z");

    private static DocketRun unacknowledged(boolean liaisonPosted) {
        return new DocketRun(ClockPolicy.defaults(), LadderPolicy.defaults(), DocketRun.World.register(liaisonPosted))
            .step(routed("C", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
            .step(DocketRun.node("C", MLA, CaseStatus.DELIVERED, T0.plus(Duration.ofHours(1))));
    }

    @Test
    @DisplayName("reminder, supervisor, liaison officer, diplomatic note: each after its own delay, with overdue time")
    void everyLevel() {
        DocketRun run = unacknowledged(true).advanceTo(ACK_DEADLINE.plus(Duration.ofDays(30)));

        assertThat(run.escalations("C", ClockKind.CA_ACKNOWLEDGEMENT))
            .extracting(EscalationStep::level, EscalationStep::targetNode, s -> Duration.ofMillis(s.overdueMillis()),
                s -> Instant.ofEpochMilli(s.deadline()))
            .containsExactly(
                tuple(REMINDER, "BRV-CA-MLA", Duration.ZERO, ACK_DEADLINE),
                tuple(SUPERVISOR, "BRV-CA-MLA", Duration.ofDays(3), ACK_DEADLINE),
                tuple(LIAISON_OFFICER, "ALD-LO-BRV", Duration.ofDays(7), ACK_DEADLINE),
                tuple(DIPLOMATIC_NOTE, "BRV-MFA", Duration.ofDays(14), ACK_DEADLINE));
        assertThat(run.file("C").highestLevel()).isEqualTo(DIPLOMATIC_NOTE);
        assertThat(run.file("C").clock(ClockKind.CA_ACKNOWLEDGEMENT).orElseThrow().nextDueAt())
            .as("ladder exhausted").isEqualTo(CaseDocket.NOTHING_DUE);
    }

    @Test
    @DisplayName("no liaison officer step where the requesting state has none posted")
    void noLiaisonWhereNonePosted() {
        DocketRun run = unacknowledged(false).advanceTo(ACK_DEADLINE.plus(Duration.ofDays(30)));
        assertThat(run.escalations("C", ClockKind.CA_ACKNOWLEDGEMENT)).extracting(EscalationStep::level)
            .containsExactly(REMINDER, SUPERVISOR, DIPLOMATIC_NOTE);
    }

    @Test
    @DisplayName("steps are emitted as stream time reaches them, one advance at a time")
    void stepByStep() {
        DocketRun run = unacknowledged(true);
        List<EscalationLevel> seen = new java.util.ArrayList<>();
        for (long hours = 0; hours <= 24 * 20; hours++) {
            run.advanceTo(ACK_DEADLINE.plus(Duration.ofHours(hours)));
            run.escalations("C", ClockKind.CA_ACKNOWLEDGEMENT).stream().skip(seen.size())
                .forEach(s -> seen.add(s.level()));
            if (hours == 24 * 3) {
                assertThat(seen).as("supervisor step due at +3 d exactly, not yet passed").containsExactly(REMINDER);
            }
        }
        assertThat(seen).containsExactly(REMINDER, SUPERVISOR, LIAISON_OFFICER, DIPLOMATIC_NOTE);
    }

    @Test
    @DisplayName("the ladder stops when the case moves on")
    void stopsWhenCaseMovesOn() {
        DocketRun run = unacknowledged(true).advanceTo(ACK_DEADLINE.plus(Duration.ofDays(4)));
        run.step(DocketRun.node("C", MLA, CaseStatus.ACKNOWLEDGED, ACK_DEADLINE.plus(Duration.ofDays(4))))
            .advanceTo(ACK_DEADLINE.plus(Duration.ofDays(30)));

        assertThat(run.escalations("C", ClockKind.CA_ACKNOWLEDGEMENT)).extracting(EscalationStep::level)
            .containsExactly(REMINDER, SUPERVISOR);
        assertThat(run.file("C").clocksMissed()).containsExactly(ClockKind.CA_ACKNOWLEDGEMENT);
        assertThat(run.file("C").highestLevel()).isEqualTo(SUPERVISOR);
        assertThat(run.file("C").clock(ClockKind.CA_ACKNOWLEDGEMENT)).isEmpty();
    }

    @Test
    @DisplayName("firing again from the persisted file never repeats a step")
    void idempotentFromPersistedState() {
        DocketRun run = unacknowledged(true).advanceTo(ACK_DEADLINE.plus(Duration.ofDays(4)));
        CaseFile persisted = run.file("C");
        long now = ACK_DEADLINE.plus(Duration.ofDays(4)).toEpochMilli();

        CaseDocket restarted = new CaseDocket(ClockPolicy.defaults(), LadderPolicy.defaults(), DocketRun.World.register(true));
        assertThat(restarted.fire(persisted, ClockKind.CA_ACKNOWLEDGEMENT, now).steps()).as("same stream time").isEmpty();
        assertThat(restarted.fire(persisted, ClockKind.CA_ACKNOWLEDGEMENT, now + Duration.ofDays(4).toMillis()).steps())
            .extracting(EscalationStep::level).containsExactly(LIAISON_OFFICER);
    }

    @Test
    @DisplayName("written confirmation: the requesting state must act, so its nodes are reminded (UNTOC 18(14))")
    void writtenConfirmationTargetsTheRequestingState() {
        DocketRun run = DocketRun.withDefaults()
            .step(DocketRun.urgentMlaFlagged("C", Channel.I247, "BRV-NCB", T0))
            .step(DocketRun.node("C", MLA, CaseStatus.ACKNOWLEDGED, T0.plus(Duration.ofHours(1))))
            .advanceTo(T0.plus(Duration.ofDays(40)));
        assertThat(run.escalations("C", ClockKind.WRITTEN_CONFIRMATION))
            .extracting(EscalationStep::level, EscalationStep::targetNode)
            .containsExactly(tuple(REMINDER, "ALD-CA-MLA"), tuple(SUPERVISOR, "ALD-CA-MLA"), tuple(DIPLOMATIC_NOTE, "ALD-MFA"));
    }

    @Test
    void ladderPolicy() {
        assertThatThrownBy(() -> LadderPolicy.defaults().overriddenBy(Map.of("supervisor", "20d")))
            .hasMessageContaining(LIAISON_OFFICER.name());
        LadderPolicy faster = LadderPolicy.defaults().overriddenBy(Map.of("reminder", "12h", "supervisor", "2d"));
        assertThat(faster.delay(ClockKind.CA_ACKNOWLEDGEMENT, REMINDER)).isEqualTo(Duration.ofHours(12));
        assertThat(faster.delay(ClockKind.CA_ACKNOWLEDGEMENT, SUPERVISOR)).isEqualTo(Duration.ofDays(2));
        assertThat(faster.ladder(ClockKind.POC_ACKNOWLEDGEMENT)).as("a clock with a ladder of its own keeps it")
            .isEqualTo(LadderPolicy.defaults().ladder(ClockKind.POC_ACKNOWLEDGEMENT));
        EscalationLadder ladder = new EscalationLadder(faster);
        assertThat(ladder.next(null, false)).contains(REMINDER);
        assertThat(ladder.next(SUPERVISOR, false)).contains(DIPLOMATIC_NOTE);
        assertThat(ladder.next(SUPERVISOR, true)).contains(LIAISON_OFFICER);
        assertThat(ladder.next(DIPLOMATIC_NOTE, true)).isEmpty();
    }
}
