package org.rogatory.timer.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rogatory.contracts.EscalationLevel.DIPLOMATIC_NOTE;
import static org.rogatory.contracts.EscalationLevel.LIAISON_OFFICER;
import static org.rogatory.contracts.EscalationLevel.REMINDER;
import static org.rogatory.contracts.EscalationLevel.SUPERVISOR;
import static org.rogatory.contracts.RequestType.EXTRADITION;
import static org.rogatory.contracts.RequestType.PRESERVATION;
import static org.rogatory.timer.domain.DocketRun.T0;
import static org.rogatory.timer.domain.DocketRun.node;
import static org.rogatory.timer.domain.DocketRun.routed;

/**
 * Each clock climbs a ladder on its own scale (docs/clocks.md, "Escalation ladder"): a 4-hour
 * acknowledgement escalates in hours, a 180-day extradition decision in weeks; a scenario may give
 * any clock a ladder of its own.
 */
class LadderPerClockTest {

    private static final Instant POC_DEADLINE = T0.plus(Duration.ofHours(4));

    private static DocketRun silentContactPoint(LadderPolicy ladders) {
        return new DocketRun(ClockPolicy.defaults(), ladders, DocketRun.World.register(true))
            .step(routed("C", PRESERVATION, Channel.CONTACT_POINT_247, "BRV-POC-247", T0, false))
            .advanceTo(POC_DEADLINE.plus(Duration.ofDays(20)));
    }

    @Test
    @DisplayName("a silent 24/7 point reaches its supervisor hours after the 4-hour deadline, not days")
    void acknowledgementInHours() {
        assertThat(silentContactPoint(LadderPolicy.defaults()).escalations("C", ClockKind.POC_ACKNOWLEDGEMENT))
            .extracting(EscalationStep::level, s -> Duration.ofMillis(s.overdueMillis()))
            .containsExactly(tuple(REMINDER, Duration.ZERO), tuple(SUPERVISOR, Duration.ofHours(4)),
                tuple(LIAISON_OFFICER, Duration.ofHours(12)), tuple(DIPLOMATIC_NOTE, Duration.ofDays(1)));
    }

    @Test
    @DisplayName("an undecided extradition climbs in weeks after its 180 days")
    void extraditionInWeeks() {
        DocketRun run = DocketRun.withDefaults()
            .step(routed("C", EXTRADITION, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
            .step(node("C", EXTRADITION, CaseStatus.ACKNOWLEDGED, T0.plus(Duration.ofDays(1))))
            .advanceTo(T0.plus(Duration.ofDays(300)));
        assertThat(run.escalations("C", ClockKind.EXTRADITION_DECISION))
            .extracting(EscalationStep::level, s -> Duration.ofMillis(s.overdueMillis()))
            .containsExactly(tuple(REMINDER, Duration.ZERO), tuple(SUPERVISOR, Duration.ofDays(14)),
                tuple(LIAISON_OFFICER, Duration.ofDays(30)), tuple(DIPLOMATIC_NOTE, Duration.ofDays(60)));
    }

    @Test
    @DisplayName("a clock's own ladder overridden step by step; the common ladder and other clocks unchanged")
    void overriddenForOneClock() {
        LadderPolicy ladders = LadderPolicy.defaults()
            .overriddenFor(ClockKind.POC_ACKNOWLEDGEMENT, Map.of("supervisor", "1h", "liaison-officer", "2h"));
        assertThat(silentContactPoint(ladders).escalations("C", ClockKind.POC_ACKNOWLEDGEMENT))
            .extracting(s -> Duration.ofMillis(s.overdueMillis()))
            .containsExactly(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(2), Duration.ofDays(1));
        assertThat(ladders.ladder(ClockKind.EXECUTION)).isEqualTo(LadderPolicy.defaults().ladder(ClockKind.EXECUTION));
        assertThat(ladders.ladder(ClockKind.TRANSPORT_STEP))
            .isEqualTo(LadderPolicy.defaults().ladder(ClockKind.TRANSPORT_STEP));
    }

    @Test
    @DisplayName("a clock without a ladder of its own, given one, starts from the common ladder as overridden")
    void ownFromCommon() {
        LadderPolicy ladders = LadderPolicy.defaults().overriddenBy(Map.of("supervisor", "2d"))
            .overriddenFor(ClockKind.EXECUTION, Map.of("diplomatic-note", "30d"));
        assertThat(ladders.delay(ClockKind.EXECUTION, SUPERVISOR)).isEqualTo(Duration.ofDays(2));
        assertThat(ladders.delay(ClockKind.EXECUTION, DIPLOMATIC_NOTE)).isEqualTo(Duration.ofDays(30));
        assertThat(ladders.delay(ClockKind.CA_ACKNOWLEDGEMENT, DIPLOMATIC_NOTE)).isEqualTo(Duration.ofDays(14));
    }
}
