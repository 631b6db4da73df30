package org.rogatory.timer.topology;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.ClockState;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.contracts.RequestType.EXTRADITION;
import static org.rogatory.contracts.RequestType.MLA;
import static org.rogatory.contracts.RequestType.PRESERVATION;
import static org.rogatory.contracts.RequestType.PROVISIONAL_ARREST;
import static org.rogatory.testing.Contracts.action;
import static org.rogatory.testing.Contracts.routed;

/**
 * docs/rules.md, "Races between clocks on different channels": a 24/7 preservation lapsing before
 * the formal MLA arrives; a provisional arrest window closing while the extradition request
 * travels the diplomatic channel. The follow-up is a different case, linked by linkedCaseIds.
 */
class RacesBetweenClocksTest {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");

    private TimerDriver timer;

    @AfterEach
    void close() {
        timer.close();
    }

    private static Instant day(long d) {
        return T0.plus(Duration.ofDays(d));
    }

    /** Preservation executed on day 1 by BRV's 24/7 point: the 90-day period ends on day 91. */
    private void preservation() {
        timer = new TimerDriver(true);
        timer.route(routed("PRES-1", PRESERVATION, Channel.CONTACT_POINT_247, "BRV-POC-247", T0, false))
            .act(action("PRES-1", PRESERVATION, CaseStatus.DELIVERED, T0.plusSeconds(30)))
            .act(action("PRES-1", PRESERVATION, CaseStatus.ACKNOWLEDGED, T0.plus(Duration.ofHours(1))))
            .act(action("PRES-1", PRESERVATION, CaseStatus.EXECUTED, day(1)));
    }

    /** Provisional arrest executed on day 1 through INTERPOL: the extradition request must be received by day 61. */
    private void provisionalArrest() {
        timer = new TimerDriver(true);
        timer.route(routed("PA-1", PROVISIONAL_ARREST, Channel.I247, "BRV-NCB", T0, false))
            .act(action("PA-1", PROVISIONAL_ARREST, CaseStatus.DELIVERED, T0.plusSeconds(30)))
            .act(action("PA-1", PROVISIONAL_ARREST, CaseStatus.ACKNOWLEDGED, T0.plus(Duration.ofHours(1))))
            .act(action("PA-1", PROVISIONAL_ARREST, CaseStatus.EXECUTED, day(1)));
    }

    @Test
    @DisplayName("a 24/7 preservation lapses before its formal MLA arrives (Cybercrime art. 42)")
    void preservationLapsesBeforeTheMla() {
        preservation();
        timer.ticks(day(1), day(94), Duration.ofHours(6))
            .route(routed("MLA-1", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", day(95), false, "PRES-1"))
            .ticks(day(95), day(100), Duration.ofHours(6));

        CaseView preserved = timer.view("PRES-1");
        assertThat(preserved.getStatus()).isEqualTo(CaseStatus.LAPSED);
        assertThat(preserved.getStatusTimes().get("LAPSED")).isEqualTo(day(91));
        assertThat(preserved.getClocksMissed()).containsExactly(ClockKind.PRESERVATION_PERIOD);
        assertThat(preserved.getClocks()).filteredOn(c -> c.getClock() == ClockKind.PRESERVATION_PERIOD)
            .singleElement().satisfies(c -> {
                assertThat(c.getDeadline()).isEqualTo(day(91));
                assertThat(c.getMissed()).isTrue();
                assertThat(c.getMetAt()).isNull();
            });
        assertThat(timer.cases.readValuesToList()).filteredOn(v -> v.getCaseId().equals("PRES-1"))
            .extracting(CaseView::getStatus).last().isEqualTo(CaseStatus.LAPSED);
        assertThat(timer.view("MLA-1").getStatus()).as("the late MLA is still routed").isEqualTo(CaseStatus.ROUTED);
        assertThat(timer.escalations()).as("a lapse has legal effect, no ladder")
            .noneMatch(e -> e.getClock() == ClockKind.PRESERVATION_PERIOD);
    }

    @Test
    @DisplayName("a formal MLA sent on day 80 and received on day 81 keeps the preservation in force (Cybercrime art. 42)")
    void preservationMetByTheMla() {
        preservation();
        timer.ticks(day(1), day(79), Duration.ofHours(6))
            .route(routed("MLA-1", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", day(80), false, "PRES-1"))
            .act(action("MLA-1", MLA, CaseStatus.DELIVERED, day(81)))
            .ticks(day(80), day(120), Duration.ofHours(6));

        CaseView preserved = timer.view("PRES-1");
        assertThat(preserved.getStatus()).isEqualTo(CaseStatus.EXECUTED);
        assertThat(preserved.getClocksMissed()).isEmpty();
        assertThat(preserved.getClocks()).filteredOn(c -> c.getClock() == ClockKind.PRESERVATION_PERIOD)
            .singleElement().extracting(ClockState::getMetAt).isEqualTo(day(81));
    }

    @Test
    @DisplayName("a provisional arrest is released while the extradition request travels the diplomatic channel (ECE 16(4))")
    void provisionalArrestReleased() {
        provisionalArrest();
        timer.ticks(day(1), day(25), Duration.ofHours(6))
            // sent in time through the diplomatic channel on day 25 ...
            .route(routed("EXT-1", EXTRADITION, Channel.DIPLOMATIC, "BRV-MFA", day(25), false, "PA-1"))
            .ticks(day(25), day(44), Duration.ofHours(6))
            // ... but received by the requested state only on day 45, after the 40 days (ECE 16(4))
            .act(action("EXT-1", EXTRADITION, CaseStatus.DELIVERED, day(45)))
            .ticks(day(45), day(50), Duration.ofHours(6));

        CaseView arrest = timer.view("PA-1");
        assertThat(arrest.getStatus()).isEqualTo(CaseStatus.LAPSED);
        assertThat(arrest.getStatusTimes().get("LAPSED")).isEqualTo(day(41));
        assertThat(arrest.getClocksMissed()).containsExactly(ClockKind.PROVISIONAL_ARREST);
        assertThat(timer.view("EXT-1").getStatus()).isEqualTo(CaseStatus.DELIVERED);
    }

    @Test
    @DisplayName("an extradition request received on day 35 keeps the person in provisional arrest (ECE 16(4))")
    void provisionalArrestHolds() {
        provisionalArrest();
        timer.ticks(day(1), day(25), Duration.ofHours(6))
            .route(routed("EXT-1", EXTRADITION, Channel.DIPLOMATIC, "BRV-MFA", day(25), false, "PA-1"))
            .ticks(day(25), day(34), Duration.ofHours(6))
            .act(action("EXT-1", EXTRADITION, CaseStatus.DELIVERED, day(35)))
            .ticks(day(35), day(90), Duration.ofHours(6));

        CaseView arrest = timer.view("PA-1");
        assertThat(arrest.getStatus()).isEqualTo(CaseStatus.EXECUTED);
        assertThat(arrest.getClocksMissed()).isEmpty();
        assertThat(arrest.getClocks()).filteredOn(c -> c.getClock() == ClockKind.PROVISIONAL_ARREST)
            .singleElement().extracting(ClockState::getMetAt).isEqualTo(day(35));
    }

    @Test
    @DisplayName("a follow-up stamped before the deadline but arriving within the grace still counts")
    void followUpWithinGrace() {
        provisionalArrest();
        timer.route(routed("EXT-1", EXTRADITION, Channel.DIPLOMATIC, "BRV-MFA", day(30), false, "PA-1"))
            .tick(day(41).plus(Duration.ofMinutes(30)))
            // received at the deadline; reaches the arrest's partition 30 minutes later (link grace: 1 h)
            .act(action("EXT-1", EXTRADITION, CaseStatus.DELIVERED, day(41)))
            .tick(day(42));
        assertThat(timer.view("PA-1").getStatus()).isEqualTo(CaseStatus.EXECUTED);
    }
}
