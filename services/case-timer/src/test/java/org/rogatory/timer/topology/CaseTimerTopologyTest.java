package org.rogatory.timer.topology;

import org.rogatory.testing.Contracts;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.ClockState;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.topics.Topics;
import org.rogatory.testing.DomainCounts;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.LadderPolicy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rogatory.contracts.EscalationLevel.DIPLOMATIC_NOTE;
import static org.rogatory.contracts.EscalationLevel.LIAISON_OFFICER;
import static org.rogatory.contracts.EscalationLevel.REMINDER;
import static org.rogatory.contracts.EscalationLevel.SUPERVISOR;
import static org.rogatory.contracts.RequestType.MLA;
import static org.rogatory.testing.Contracts.action;
import static org.rogatory.testing.Contracts.routed;

/** The topology on stream time: record timestamps and coop.clock ticks, never the wall clock. */
class CaseTimerTopologyTest {

    /** Monday 4 January 2027, 09:00 UTC. */
    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    /** 5 working days of BRV-CA-MLA (UTC+01:00, holiday on Monday 11 January): Tuesday 12 January. */
    static final Instant ACK_DEADLINE = Instant.parse("2027-01-12T09:00:00Z");

    private TimerDriver timer;

    @AfterEach
    void close() {
        if (timer != null) {
            timer.close();
        }
    }

    private TimerDriver unacknowledgedMla(boolean liaisonPosted) {
        timer = new TimerDriver(liaisonPosted);
        return timer.route(routed("C-1", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
            .act(action("C-1", MLA, CaseStatus.DELIVERED, T0.plus(Duration.ofHours(2))));
    }

    @Test
    @DisplayName("hourly ticks climb every ladder step of a missed acknowledgement, each once, due at its own time, sent at the tick after")
    void everyEscalationLevel() {
        unacknowledgedMla(true).ticks(T0, ACK_DEADLINE.plus(Duration.ofDays(30)), Duration.ofHours(1));

        List<TestRecord<String, Escalation>> records = timer.escalations.readRecordsToList();
        assertThat(records).extracting(r -> r.value().getClock(), r -> r.value().getLevel(), r -> r.value().getTargetNode(),
                r -> Duration.ofMillis(r.value().getOverdueMillis()), r -> r.value().getHeader().getSimulatedTime())
            .containsExactly(
                tuple(ClockKind.CA_ACKNOWLEDGEMENT, REMINDER, "BRV-CA-MLA", Duration.ZERO, ACK_DEADLINE),
                tuple(ClockKind.CA_ACKNOWLEDGEMENT, SUPERVISOR, "BRV-CA-MLA", Duration.ofDays(3), ACK_DEADLINE.plus(Duration.ofDays(3))),
                tuple(ClockKind.CA_ACKNOWLEDGEMENT, LIAISON_OFFICER, "ALD-LO-BRV", Duration.ofDays(7), ACK_DEADLINE.plus(Duration.ofDays(7))),
                tuple(ClockKind.CA_ACKNOWLEDGEMENT, DIPLOMATIC_NOTE, "BRV-MFA", Duration.ofDays(14), ACK_DEADLINE.plus(Duration.ofDays(14))));
        assertThat(records).allSatisfy(r -> {
            // a step due at a tick is decided by the next one (stream time must pass it)
            assertThat(r.getRecordTime()).isEqualTo(r.value().getHeader().getSimulatedTime().plus(Duration.ofHours(1)));
            assertThat(r.key()).isEqualTo("C-1");
            assertThat(r.value().getDeadline()).isEqualTo(ACK_DEADLINE);
            assertThat(r.value().getHeader().getCaseId()).isEqualTo("C-1");
        });
        assertThat(records).extracting(r -> r.value().getHeader().getEventId()).doesNotHaveDuplicates();

        CaseView view = timer.view("C-1");
        assertThat(view.getStatus()).isEqualTo(CaseStatus.DELIVERED);
        assertThat(view.getClassification()).as("the request's, for a step reported on the case by a person (contracts release 3)")
            .isEqualTo(org.rogatory.contracts.Classification.RESTRICTED);
        assertThat(view.getClocksMissed()).containsExactly(ClockKind.CA_ACKNOWLEDGEMENT);
        assertThat(view.getEscalationLevel()).isEqualTo(DIPLOMATIC_NOTE);
        assertThat(timer.cases.readValuesToList()).last().extracting(CaseView::getEscalationLevel).isEqualTo(DIPLOMATIC_NOTE);
    }

    @Test
    @DisplayName("with a watermark grace, an acknowledgement read after a later tick still meets the 4-hour 24/7 clock; without it the clock is missed")
    void lateInputWithinTheGraceCounts() {
        Instant ack = T0.plus(Duration.ofHours(3));
        try (TimerDriver lenient = new TimerDriver(ClockPolicy.defaults(), LadderPolicy.defaults(), false,
                CaseTimerTopology.StoreKind.IN_MEMORY, Duration.ofHours(48))) {
            lenient.route(routed("C-G", RequestType.PRESERVATION, Channel.CONTACT_POINT_247, "BRV-POC-247", T0, false))
                .tick(T0.plus(Duration.ofHours(24)))
                .act(action("C-G", RequestType.PRESERVATION, CaseStatus.ACKNOWLEDGED, ack))
                .tick(T0.plus(Duration.ofDays(5)));
            assertThat(lenient.escalations()).isEmpty();
            assertThat(lenient.view("C-G").getClocks()).filteredOn(c -> c.getClock() == ClockKind.POC_ACKNOWLEDGEMENT)
                .singleElement().satisfies(c -> {
                    assertThat(c.getMetAt()).isEqualTo(ack);
                    assertThat(c.getMissed()).isFalse();
                });
        }
        try (TimerDriver strict = new TimerDriver(false)) {
            strict.route(routed("C-G", RequestType.PRESERVATION, Channel.CONTACT_POINT_247, "BRV-POC-247", T0, false))
                .tick(T0.plus(Duration.ofHours(24)))
                .act(action("C-G", RequestType.PRESERVATION, CaseStatus.ACKNOWLEDGED, ack));
            assertThat(strict.view("C-G").getClocksMissed()).contains(ClockKind.POC_ACKNOWLEDGEMENT);
        }
    }

    @Test
    @DisplayName("one tick far past the deadline emits every due step, each with its own due time, all sent at that tick")
    void oneJumpEmitsAllDueSteps() {
        Instant tick = ACK_DEADLINE.plus(Duration.ofDays(20));
        unacknowledgedMla(false).tick(tick);
        assertThat(timer.escalations.readRecordsToList())
            .extracting(r -> r.value().getLevel(), r -> r.value().getHeader().getSimulatedTime(), TestRecord::getRecordTime)
            .containsExactly(tuple(REMINDER, ACK_DEADLINE, tick), tuple(SUPERVISOR, ACK_DEADLINE.plus(Duration.ofDays(3)), tick),
                tuple(DIPLOMATIC_NOTE, ACK_DEADLINE.plus(Duration.ofDays(14)), tick));
    }

    @Test
    @DisplayName("the ladder stops when the case moves on")
    void ladderStopsWhenCaseMovesOn() {
        unacknowledgedMla(true).ticks(T0, ACK_DEADLINE.plus(Duration.ofDays(4)), Duration.ofHours(1))
            .act(action("C-1", MLA, CaseStatus.ACKNOWLEDGED, ACK_DEADLINE.plus(Duration.ofDays(4))))
            .ticks(ACK_DEADLINE.plus(Duration.ofDays(4)), ACK_DEADLINE.plus(Duration.ofDays(40)), Duration.ofHours(6));

        assertThat(timer.escalations()).extracting(Escalation::getLevel).containsExactly(REMINDER, SUPERVISOR);
        CaseView view = timer.view("C-1");
        assertThat(view.getStatus()).isEqualTo(CaseStatus.ACKNOWLEDGED);
        assertThat(view.getClocks()).extracting(ClockState::getClock, ClockState::getMissed)
            .contains(tuple(ClockKind.CA_ACKNOWLEDGEMENT, true), tuple(ClockKind.EXECUTION, false));
    }

    @Test
    @DisplayName("domain counters: clocks started, met and missed per clock, escalations per level, dead letters per cause")
    void counters() {
        // routed MLA on the central-authority channel: transport step and acknowledgement start; delivered: the
        // transport step is met; the acknowledgement is missed (reminder, supervisor at +3 days); acknowledged at
        // +4 days: execution starts. Then an illegal transition (acknowledged -> delivered) and unreadable bytes.
        unacknowledgedMla(true).ticks(T0, ACK_DEADLINE.plus(Duration.ofDays(4)), Duration.ofHours(1))
            .act(action("C-1", MLA, CaseStatus.ACKNOWLEDGED, ACK_DEADLINE.plus(Duration.ofDays(4))))
            .act(action("C-1", MLA, CaseStatus.DELIVERED, ACK_DEADLINE.plus(Duration.ofDays(5))));
        timer.rawNodeActions.pipeInput("C-9", "not avro".getBytes(StandardCharsets.UTF_8), ACK_DEADLINE.plus(Duration.ofDays(5)));

        Map<String, Long> started = DomainCounts.of(timer.driver.metrics(), "clocks-started", "clock");
        assertThat(started).isEqualTo(Map.of("TRANSPORT_STEP", 1L, "CA_ACKNOWLEDGEMENT", 1L, "EXECUTION", 1L));
        assertThat(DomainCounts.of(timer.driver.metrics(), "clocks-met", "clock")).isEqualTo(Map.of("TRANSPORT_STEP", 1L));
        assertThat(DomainCounts.of(timer.driver.metrics(), "clocks-missed", "clock")).isEqualTo(Map.of("CA_ACKNOWLEDGEMENT", 1L));
        assertThat(DomainCounts.of(timer.driver.metrics(), "escalations", "level")).isEqualTo(Map.of("REMINDER", 1L, "SUPERVISOR", 1L));
        assertThat(DomainCounts.of(timer.driver.metrics(), "dead-letters", "reason")).isEqualTo(Map.of("REJECTED", 1L, "UNREADABLE", 1L));
    }

    @Test
    @DisplayName("a late acknowledgement read before or after the tick that decides its clock: the same reminder, the same case")
    void lateStepReadBeforeOrAfterTheDecision() {
        Duration grace = Duration.ofHours(48);
        Instant ack = ACK_DEADLINE.plus(Duration.ofDays(1));
        // the tick that decides the clock (deadline + grace passed) and the acknowledgement it races with
        Instant deciding = ACK_DEADLINE.plus(grace).plus(Duration.ofHours(1));
        List<Object> heardFirst = lateAcknowledgement(grace, driver -> driver
            .act(action("C-1", MLA, CaseStatus.ACKNOWLEDGED, ack)).tick(deciding));
        List<Object> decidedFirst = lateAcknowledgement(grace, driver -> driver
            .tick(deciding).act(action("C-1", MLA, CaseStatus.ACKNOWLEDGED, ack)));

        assertThat(heardFirst).isEqualTo(decidedFirst);
        // missed at the deadline: the reminder (due then) goes; the supervisor (due 3 days later) does not
        assertThat(heardFirst.get(0)).isEqualTo(List.of(tuple(REMINDER, ACK_DEADLINE, deciding)));
    }

    @Test
    @DisplayName("a delivery after the 24 h transport deadline is dead-lettered, even when read before the tick that decides the clock")
    void lateDeliveryWithinTheGrace() {
        try (TimerDriver driver = new TimerDriver(ClockPolicy.defaults(), LadderPolicy.defaults(), false,
                CaseTimerTopology.StoreKind.IN_MEMORY, Duration.ofHours(48))) {
            driver.route(routed("C-1", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
                .tick(T0.plus(Duration.ofHours(30)))
                .act(action("C-1", MLA, CaseStatus.DELIVERED, T0.plus(Duration.ofHours(30))));
            assertThat(driver.deadLetters.readValuesToList()).singleElement()
                .extracting(DeadLetter::getReason).asString().startsWith("e-CODEX: the transport step timed out");
            assertThat(driver.view("C-1").getStatus()).isEqualTo(CaseStatus.ROUTED);
        }
    }

    /** Escalations (level, due, sent), then the case's missed clocks and status, once the ladder has had 20 days. */
    private static List<Object> lateAcknowledgement(Duration grace, java.util.function.UnaryOperator<TimerDriver> race) {
        try (TimerDriver driver = new TimerDriver(ClockPolicy.defaults(), LadderPolicy.defaults(), true,
                CaseTimerTopology.StoreKind.IN_MEMORY, grace)) {
            driver.route(routed("C-1", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
                .act(action("C-1", MLA, CaseStatus.DELIVERED, T0.plus(Duration.ofHours(2))))
                .tick(ACK_DEADLINE.plus(Duration.ofDays(1)));
            race.apply(driver).tick(ACK_DEADLINE.plus(Duration.ofDays(20)));
            CaseView view = driver.view("C-1");
            return List.of(driver.escalations.readRecordsToList().stream()
                    .map(r -> tuple(r.value().getLevel(), r.value().getHeader().getSimulatedTime(), r.getRecordTime())).toList(),
                view.getClocksMissed(), view.getStatus(), view.getClocks());
        }
    }

    @Test
    @DisplayName("an illegal transition is dead-lettered with its reason and origin, not applied")
    void illegalTransitionDeadLettered() {
        unacknowledgedMla(true).act(action("C-1", MLA, CaseStatus.EXECUTED, T0.plus(Duration.ofHours(3))));

        TestRecord<String, DeadLetter> letter = timer.deadLetters.readRecord();
        assertThat(letter.value().getReason()).isEqualTo("illegal transition DELIVERED -> EXECUTED");
        assertThat(letter.value().getSourceTopic()).isEqualTo(Topics.NODE_ACTIONS);
        assertThat(letter.value().getProcessor()).isEqualTo("case-timer");
        assertThat(letter.value().getValue()).isNotNull();
        assertThat(letter.key()).isEqualTo("C-1");
        assertThat(timer.view("C-1").getStatus()).isEqualTo(CaseStatus.DELIVERED);
        assertThat(timer.deadLetters.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a grant subject to conditions and the requesting state's withdrawal read from coop.node-actions: no clock left, nothing dead-lettered (rule 10)")
    void grantSubjectToConditionsThenWithdrawn() {
        unacknowledgedMla(true).act(action("C-1", MLA, CaseStatus.ACKNOWLEDGED, T0.plus(Duration.ofHours(3))))
            .act(action("C-1", MLA, CaseStatus.CONSULTATION, T0.plus(Duration.ofDays(2))))
            .act(action("C-1", MLA, CaseStatus.GRANTED_SUBJECT_TO_CONDITIONS, T0.plus(Duration.ofDays(5))));
        assertThat(timer.view("C-1").getStatus()).isEqualTo(CaseStatus.GRANTED_SUBJECT_TO_CONDITIONS);
        timer.act(action("C-1", MLA, CaseStatus.WITHDRAWN, T0.plus(Duration.ofDays(15)))).tick(T0.plus(Duration.ofDays(200)));
        assertThat(timer.view("C-1").getStatus()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(timer.view("C-1").getStatusTimes()).containsKey("GRANTED_SUBJECT_TO_CONDITIONS");
        assertThat(timer.escalations()).as("the execution clock (90 days) stopped at the withdrawal").isEmpty();
        assertThat(timer.deadLetters.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a refusal without consultation is dead-lettered (UNTOC 18(26))")
    void refusalWithoutConsultation() {
        unacknowledgedMla(true).act(action("C-1", MLA, CaseStatus.ACKNOWLEDGED, T0.plus(Duration.ofHours(3))))
            .act(Contracts.refusal("C-1", MLA, T0.plus(Duration.ofHours(4)), RefusalGround.POLITICAL_OFFENCE));
        assertThat(timer.deadLetters.readValue().getReason()).contains("UNTOC art. 18(26)");
        assertThat(timer.view("C-1").getStatus()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    }

    @Test
    @DisplayName("an unreadable record is dead-lettered with its raw bytes")
    void unreadableRecordDeadLettered() {
        timer = new TimerDriver(true);
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
        timer.rawNodeActions.pipeInput("C-9", garbage, T0);
        DeadLetter letter = timer.deadLetters.readValue();
        assertThat(letter.getReason()).startsWith("unreadable CaseEvent");
        assertThat(letter.getValue().array()).isEqualTo(garbage);
        assertThat(letter.getExceptionClass()).isNotNull();
        assertThat(timer.file("C-9")).isNull();
    }

    @Test
    @DisplayName("every accepted step publishes the case view, keyed by case id")
    void publishesCaseViews() {
        unacknowledgedMla(true).act(action("C-1", MLA, CaseStatus.ACKNOWLEDGED, T0.plus(Duration.ofHours(3))));
        List<TestRecord<String, CaseView>> views = timer.cases.readRecordsToList();
        assertThat(views).extracting(TestRecord::key).containsOnly("C-1");
        assertThat(views).extracting(r -> r.value().getStatus())
            .containsExactly(CaseStatus.ROUTED, CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED);
        CaseView last = views.getLast().value();
        assertThat(last.getRequestingState()).isEqualTo("ALD");
        assertThat(last.getHandlingNode()).isEqualTo("BRV-CA-MLA");
        assertThat(last.getStatusTimes()).containsEntry("ROUTED", T0).containsKey("ACKNOWLEDGED");
        assertThat(last.getClocks()).extracting(ClockState::getClock, s -> s.getMetAt() != null)
            .containsExactlyInAnyOrder(tuple(ClockKind.TRANSPORT_STEP, true), tuple(ClockKind.CA_ACKNOWLEDGEMENT, true),
                tuple(ClockKind.EXECUTION, false));
    }

    @Test
    @DisplayName("a follow-up of an unknown case is dead-lettered once every partition has passed its time")
    void followUpOfUnknownCase() {
        timer = new TimerDriver(true);
        timer.route(routed("F-1", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false, "NOWHERE"));
        assertThat(timer.deadLetters.isEmpty()).as("the earlier case may still come with the same timestamp").isTrue();
        timer.tick(T0.plus(Duration.ofHours(2)));
        assertThat(timer.deadLetters.readValue().getReason()).isEqualTo("case F-1 follows up unknown case NOWHERE");
        assertThat(timer.view("F-1").getStatus()).isEqualTo(CaseStatus.ROUTED);
    }

    @Test
    @DisplayName("a follow-up read before its earlier case, both stamped alike (the router opens them at once), still counts")
    void followUpBeforeItsEarlierCase() {
        timer = new TimerDriver(true);
        timer.route(routed("F-2", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false, "P-2"))
            .route(routed("P-2", RequestType.POLICE_INFORMATION, Channel.I247, "BRV-NCB", T0, false))
            .tick(T0.plus(Duration.ofDays(1)));
        assertThat(timer.deadLetters.isEmpty()).isTrue();
        assertThat(timer.file("P-2").followUps()).extracting(f -> f.caseId()).containsExactly("F-2");
    }

    @Test
    @DisplayName("a scenario's ladders and clocks are parameters: 1-day supervisor step, 2-hour 24/7 acknowledgement")
    void scenarioParameters() {
        timer = new TimerDriver(
            org.rogatory.timer.domain.ClockPolicy.defaults().overriddenBy(java.util.Map.of("poc-acknowledgement", "2h")),
            org.rogatory.timer.domain.LadderPolicy.defaults().overriddenFor(ClockKind.POC_ACKNOWLEDGEMENT,
                java.util.Map.of("supervisor", "1d", "liaison-officer", "2d", "diplomatic-note", "3d")), false);
        timer.route(routed("P-1", org.rogatory.contracts.RequestType.PRESERVATION, Channel.CONTACT_POINT_247, "BRV-POC-247",
                T0, false))
            .act(action("P-1", org.rogatory.contracts.RequestType.PRESERVATION, CaseStatus.DELIVERED, T0.plusSeconds(60)))
            .ticks(T0, T0.plus(Duration.ofDays(2)), Duration.ofHours(1));
        assertThat(timer.escalations()).extracting(Escalation::getClock, Escalation::getLevel, Escalation::getDeadline)
            .containsExactly(tuple(ClockKind.POC_ACKNOWLEDGEMENT, REMINDER, T0.plus(Duration.ofHours(2))),
                tuple(ClockKind.POC_ACKNOWLEDGEMENT, SUPERVISOR, T0.plus(Duration.ofHours(2))));
    }

    @Test
    @DisplayName("UNTOC 18(24): the request's requestedDeadline, read from the routed event, becomes the execution clock's deadline")
    void requestedDeadlineFromTheRequest() {
        Instant asked = T0.plus(Duration.ofDays(20));
        timer = new TimerDriver(false);
        org.rogatory.contracts.CaseEvent routed = routed("R-1", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false);
        routed.getRequest().setRequestedDeadline(asked);
        timer.route(routed)
            .act(action("R-1", MLA, CaseStatus.DELIVERED, T0.plusSeconds(60)))
            .act(action("R-1", MLA, CaseStatus.ACKNOWLEDGED, T0.plus(Duration.ofDays(1))))
            .tick(T0.plus(Duration.ofDays(2)));
        assertThat(timer.view("R-1").getClocks()).filteredOn(c -> c.getClock() == ClockKind.EXECUTION)
            .singleElement().extracting(ClockState::getDeadline).isEqualTo(asked);
    }

    @Test
    @DisplayName("a central authority whose state rests on Friday and Saturday: its working-day clock skips those days, not Sunday")
    void fridaySaturdayWeekendFromTheDirectory() {
        Instant thursday = Instant.parse("2027-01-07T09:00:00Z");
        timer = new TimerDriver(false);
        // BRV-CA-MLA (UTC+01:00, holiday on Monday 11 January) as its state would publish it with a Friday-Saturday weekend
        org.rogatory.contracts.DirectoryEntry restsFridaySaturday = Contracts.world(false).stream()
            .filter(n -> n.getNodeId().equals("BRV-CA-MLA")).findFirst().orElseThrow();
        restsFridaySaturday.setWeekend(List.of(org.rogatory.contracts.DayOfWeek.FRIDAY, org.rogatory.contracts.DayOfWeek.SATURDAY));
        timer.directory.pipeInput("BRV-CA-MLA", restsFridaySaturday, Instant.EPOCH);
        timer.route(routed("W-1", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", thursday, false))
            .act(action("W-1", MLA, CaseStatus.DELIVERED, thursday.plusSeconds(60)))
            .tick(thursday.plus(Duration.ofDays(1)));
        // 5 working days from Thursday 7: Sunday 10, (holiday), Tuesday 12, Wednesday 13, Thursday 14, (Friday, Saturday), Sunday 17.
        // Resting on Saturday and Sunday, the same node's deadline would be Friday 15 January.
        assertThat(timer.view("W-1").getClocks()).filteredOn(c -> c.getClock() == ClockKind.CA_ACKNOWLEDGEMENT)
            .singleElement().extracting(ClockState::getDeadline).isEqualTo(Instant.parse("2027-01-17T09:00:00Z"));
    }
}
