package org.rogatory.timer.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.Span;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.contracts.CaseStatus.ACKNOWLEDGED;
import static org.rogatory.contracts.CaseStatus.DELIVERED;
import static org.rogatory.contracts.CaseStatus.EXECUTED;
import static org.rogatory.contracts.RequestType.EXTRADITION;
import static org.rogatory.contracts.RequestType.MLA;
import static org.rogatory.contracts.RequestType.PRESERVATION;
import static org.rogatory.contracts.RequestType.PROVISIONAL_ARREST;
import static org.rogatory.timer.domain.DocketRun.T0;
import static org.rogatory.timer.domain.DocketRun.node;
import static org.rogatory.timer.domain.DocketRun.routed;
import static org.rogatory.timer.domain.DocketRun.urgentMlaFlagged;

/** Every clock of docs/rules.md's table, once met and once missed, with default lengths. */
class LegalClockTest {

    private static Instant hours(long h) {
        return T0.plus(Duration.ofHours(h));
    }

    private static Instant days(long d) {
        return T0.plus(Duration.ofDays(d));
    }

    private static Arguments scenario(String name, ClockKind clock, boolean missed, Consumer<DocketRun> script) {
        return Arguments.of(name, clock, missed, script);
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
            scenario("24/7 point acknowledges within 4 h (Cybercrime art. 41)", ClockKind.POC_ACKNOWLEDGEMENT, false,
                r -> r.step(routed("C", PRESERVATION, Channel.CONTACT_POINT_247, "BRV-POC-247", T0, false))
                    .step(node("C", PRESERVATION, ACKNOWLEDGED, hours(3))).advanceTo(hours(10))),
            scenario("24/7 point silent for 4 h misses (Cybercrime art. 41)", ClockKind.POC_ACKNOWLEDGEMENT, true,
                r -> r.step(routed("C", PRESERVATION, Channel.CONTACT_POINT_247, "BRV-POC-247", T0, false))
                    .advanceTo(hours(5))),
            scenario("central authority acknowledges within 5 working days (practice)", ClockKind.CA_ACKNOWLEDGEMENT, false,
                r -> r.step(routed("C", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
                    .step(node("C", MLA, ACKNOWLEDGED, days(7))).advanceTo(days(10))),
            scenario("central authority silent for 5 working days misses (practice)", ClockKind.CA_ACKNOWLEDGEMENT, true,
                r -> r.step(routed("C", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
                    .advanceTo(days(7).plus(Duration.ofHours(1)))),
            scenario("MLA executed within 90 days of acknowledgement (practice, UNTOC 18(24))", ClockKind.EXECUTION, false,
                r -> r.step(routed("C", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
                    .step(node("C", MLA, ACKNOWLEDGED, days(1))).step(node("C", MLA, EXECUTED, days(90)))
                    .advanceTo(days(120))),
            scenario("MLA not executed 90 days after acknowledgement misses (practice, UNTOC 18(24))", ClockKind.EXECUTION, true,
                r -> r.step(routed("C", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
                    .step(node("C", MLA, ACKNOWLEDGED, days(1))).advanceTo(days(92))),
            scenario("extradition decided within 180 days (practice)", ClockKind.EXTRADITION_DECISION, false,
                r -> r.step(routed("C", EXTRADITION, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
                    .step(node("C", EXTRADITION, ACKNOWLEDGED, days(1))).step(node("C", EXTRADITION, EXECUTED, days(170)))
                    .advanceTo(days(200))),
            scenario("extradition undecided after 180 days misses (practice)", ClockKind.EXTRADITION_DECISION, true,
                r -> r.step(routed("C", EXTRADITION, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
                    .step(node("C", EXTRADITION, ACKNOWLEDGED, days(1))).advanceTo(days(182))),
            scenario("urgent INTERPOL request confirmed in writing within 10 days (UNTOC 18(13),(14))",
                ClockKind.WRITTEN_CONFIRMATION, false,
                r -> r.step(urgentMlaFlagged("C", Channel.I247, "BRV-NCB", T0))
                    .step(routed("F", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", days(9), false, "C"))
                    .advanceTo(days(20))),
            scenario("urgent INTERPOL request not confirmed in writing within 10 days misses (UNTOC 18(14))",
                ClockKind.WRITTEN_CONFIRMATION, true,
                r -> r.step(urgentMlaFlagged("C", Channel.I247, "BRV-NCB", T0))
                    .step(routed("F", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", days(12), false, "C"))
                    .advanceTo(days(20))),
            scenario("formal MLA received before the 90-day preservation ends (Cybercrime art. 42)",
                ClockKind.PRESERVATION_PERIOD, false,
                r -> preserved(r).step(routed("F", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", days(80), false, "C"))
                    .step(node("F", MLA, DELIVERED, days(81))).advanceTo(days(120))),
            scenario("preservation expires before the formal MLA (Cybercrime art. 42)", ClockKind.PRESERVATION_PERIOD, true,
                r -> preserved(r).advanceTo(days(92))),
            scenario("extradition request received within 40 days of provisional arrest (UNTOC 16(9), ECE 16(4))",
                ClockKind.PROVISIONAL_ARREST, false,
                r -> arrested(r).step(routed("X", EXTRADITION, Channel.DIPLOMATIC, "BRV-MFA", days(20), false, "C"))
                    .step(node("X", EXTRADITION, DELIVERED, days(38))).advanceTo(days(90))),
            scenario("no extradition request within 40 days of provisional arrest: released (ECE 16(4))",
                ClockKind.PROVISIONAL_ARREST, true, r -> arrested(r).advanceTo(days(42))),
            scenario("e-CODEX message delivered within 24 h", ClockKind.TRANSPORT_STEP, false,
                r -> r.step(routed("C", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
                    .step(node("C", MLA, DELIVERED, hours(2))).advanceTo(hours(48))),
            scenario("e-CODEX message silent for 24 h: negative evidence", ClockKind.TRANSPORT_STEP, true,
                r -> r.step(routed("C", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false)).advanceTo(hours(25))));
    }

    /** A preservation executed on day 1: its period runs to day 91. */
    static DocketRun preserved(DocketRun r) {
        return r.step(routed("C", PRESERVATION, Channel.CONTACT_POINT_247, "BRV-POC-247", T0, false))
            .step(node("C", PRESERVATION, ACKNOWLEDGED, hours(1)))
            .step(node("C", PRESERVATION, EXECUTED, days(1)));
    }

    /** A provisional arrest executed on day 1: the extradition request is due by day 41. */
    static DocketRun arrested(DocketRun r) {
        return r.step(routed("C", PROVISIONAL_ARREST, Channel.I247, "BRV-NCB", T0, false))
            .step(node("C", PROVISIONAL_ARREST, ACKNOWLEDGED, hours(1)))
            .step(node("C", PROVISIONAL_ARREST, EXECUTED, days(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void clockIsMetOrMissed(String name, ClockKind clock, boolean missed, Consumer<DocketRun> script) {
        DocketRun run = DocketRun.withDefaults();
        script.accept(run);

        ClockRecord record = run.lastRecord("C", clock).orElseThrow(() -> new AssertionError(clock + " never started"));
        assertThat(record.missed()).as("missed").isEqualTo(missed);
        assertThat(record.metAt() != null).as("met").isEqualTo(!missed);
        assertThat(run.file("C").clocksMissed().contains(clock)).isEqualTo(missed);
        assertThat(run.rejections).isEmpty();
        boolean lapsing = LegalClock.of(clock).lapseReason().isPresent();
        if (lapsing) {
            assertThat(run.file("C").status()).isEqualTo(missed ? CaseStatus.LAPSED : EXECUTED);
            assertThat(run.escalations("C", clock)).as("a lapse has legal effect and climbs no ladder").isEmpty();
        } else {
            assertThat(run.escalations("C", clock).isEmpty()).as("ladder climbed").isEqualTo(!missed);
        }
    }

    @Test
    @DisplayName("every clock of docs/rules.md's table has a met and a missed scenario")
    void everyClockIsCovered() {
        for (ClockKind kind : ClockKind.values()) {
            if (kind != ClockKind.UNKNOWN) {
                assertThat(scenarios().filter(a -> a.get()[1] == kind).map(a -> (Boolean) a.get()[2]).distinct())
                    .as(kind.name()).containsExactlyInAnyOrder(true, false);
            }
        }
    }

    @Test
    @DisplayName("a withdrawal stops every running clock, here while conditions await the requesting state (rule 10)")
    void withdrawalStopsEveryClock() {
        DocketRun run = DocketRun.withDefaults()
            .step(routed("C", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
            .step(node("C", MLA, ACKNOWLEDGED, days(1)))
            .step(node("C", MLA, CaseStatus.CONSULTATION, days(10)))
            .step(node("C", MLA, CaseStatus.GRANTED_SUBJECT_TO_CONDITIONS, days(20)));
        assertThat(run.file("C").clock(ClockKind.EXECUTION)).as("the execution clock runs while conditions are weighed")
            .isPresent();
        run.step(node("C", MLA, CaseStatus.WITHDRAWN, days(30))).advanceTo(days(200));
        assertThat(run.file("C").clocks()).isEmpty();
        assertThat(run.escalations).isEmpty();
        assertThat(run.file("C").clocksMissed()).isEmpty();
    }

    @Test
    @DisplayName("preservation renewal starts a fresh period (Cybercrime art. 42)")
    void renewalExtendsThePreservation() {
        DocketRun run = preserved(DocketRun.withDefaults())
            .step(node("C", PRESERVATION, EXECUTED, days(80), CaseChange.PRESERVATION_RENEWAL))
            .advanceTo(days(120));
        assertThat(run.file("C").status()).isEqualTo(EXECUTED);
        RunningClock period = run.file("C").clock(ClockKind.PRESERVATION_PERIOD).orElseThrow();
        assertThat(Instant.ofEpochMilli(period.deadline())).isEqualTo(days(170));

        run.step(routed("F", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", days(150), false, "C"))
            .step(node("F", MLA, DELIVERED, days(151))).advanceTo(days(200));
        assertThat(run.file("C").status()).isEqualTo(EXECUTED);
        assertThat(run.file("C").clocksMissed()).doesNotContain(ClockKind.PRESERVATION_PERIOD);
    }

    @Test
    @DisplayName("a preservation period under 60 days is refused (Cybercrime art. 42)")
    void preservationMinimum() {
        ClockPolicy defaults = ClockPolicy.defaults();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> defaults.with(ClockKind.PRESERVATION_PERIOD, Span.days(59)))
            .hasMessageContaining("art. 42");
        assertThat(defaults.with(ClockKind.PRESERVATION_PERIOD, Span.days(60)).span(ClockKind.PRESERVATION_PERIOD))
            .isEqualTo(Span.days(60));
    }

    @Test
    @DisplayName("scenario overrides change a clock's length (provisional arrest 60 days, a treaty the scenario assumes)")
    void scenarioOverrides() {
        ClockPolicy policy = ClockPolicy.defaults().overriddenBy(java.util.Map.of(
            "provisional-arrest", "60d", "ca-acknowledgement", "10wd", "link-grace", "2h"));
        assertThat(policy.span(ClockKind.PROVISIONAL_ARREST)).isEqualTo(Span.days(60));
        assertThat(policy.span(ClockKind.CA_ACKNOWLEDGEMENT)).isEqualTo(Span.workingDays(10));
        assertThat(policy.linkGrace()).isEqualTo(Duration.ofHours(2));

        DocketRun run = arrested(new DocketRun(policy, LadderPolicy.defaults(), DocketRun.World.register(true)))
            .advanceTo(days(45));
        assertThat(run.file("C").status()).isEqualTo(EXECUTED);
        run.advanceTo(days(62));
        assertThat(run.file("C").status()).isEqualTo(CaseStatus.LAPSED);
    }

    @Test
    @DisplayName("spontaneous information starts no reply clock (UNTOC 18(4))")
    void spontaneousInformationExpectsNoReply() {
        DocketRun run = DocketRun.withDefaults()
            .step(routed("C", RequestType.SPONTANEOUS_INFORMATION, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
            .step(node("C", RequestType.SPONTANEOUS_INFORMATION, DELIVERED, hours(1)))
            .advanceTo(days(60));
        assertThat(run.file("C").history()).extracting(ClockRecord::kind).containsExactly(ClockKind.TRANSPORT_STEP);
        assertThat(run.escalations).isEmpty();
    }
}
