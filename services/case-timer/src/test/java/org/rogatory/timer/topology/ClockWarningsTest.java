package org.rogatory.timer.topology;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.ClockState;
import org.rogatory.contracts.ClockWarning;
import org.rogatory.contracts.EscalationLevel;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.LadderPolicy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static java.time.temporal.ChronoUnit.HOURS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.rogatory.contracts.RequestType.MLA;
import static org.rogatory.testing.Contracts.action;
import static org.rogatory.testing.Contracts.routed;

/** coop.clock-warnings: a clock that reaches its warning point unmet is warned of once, on the ticks like a miss. */
class ClockWarningsTest {

    private static final Instant T0 = CaseTimerTopologyTest.T0;
    private static final Instant ACK_DEADLINE = CaseTimerTopologyTest.ACK_DEADLINE;
    private static final Duration HOUR = Duration.ofHours(1);

    private TimerDriver timer;

    @AfterEach
    void close() {
        timer.close();
    }

    /** An MLA delivered to BRV's central authority two hours after routing: its 5-working-day acknowledgement clock runs. */
    private TimerDriver deliveredMla(ClockPolicy clocks) {
        timer = new TimerDriver(clocks, LadderPolicy.defaults(), false);
        return timer.route(routed("C-1", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
            .act(action("C-1", MLA, CaseStatus.DELIVERED, T0.plus(Duration.ofHours(2))));
    }

    private ClockState acknowledgementClock() {
        return timer.view("C-1").getClocks().stream().filter(c -> c.getClock() == ClockKind.CA_ACKNOWLEDGEMENT)
            .reduce((first, last) -> last).orElseThrow();
    }

    /** Where {@code share} of the acknowledgement clock's span falls. */
    private Instant point(double share) {
        ClockState clock = acknowledgementClock();
        long started = clock.getStartedAt().toEpochMilli();
        return Instant.ofEpochMilli(started + Math.round(share * (clock.getDeadline().toEpochMilli() - started)));
    }

    @Test
    @DisplayName("at 75 % of the span, unmet: one warning to the acting node, sent at the tick after; none again past the deadline and up the ladder")
    void warnedOnceAtThePoint() {
        deliveredMla(ClockPolicy.defaults());
        Instant point = point(0.75);
        timer.ticks(T0, point.truncatedTo(HOURS), HOUR);
        assertThat(timer.warnings.isEmpty()).as("not before the point").isTrue();

        Instant decided = point.truncatedTo(HOURS).plus(HOUR);
        timer.tick(decided).ticks(decided, ACK_DEADLINE.plus(Duration.ofDays(15)), Duration.ofHours(12));
        List<TestRecord<String, ClockWarning>> warnings = timer.warnings.readRecordsToList();
        assertThat(warnings).singleElement().satisfies(record -> {
            ClockWarning warning = record.value();
            assertThat(record.key()).isEqualTo("C-1");
            assertThat(warning.getClock()).isEqualTo(ClockKind.CA_ACKNOWLEDGEMENT);
            assertThat(warning.getActingNode()).isEqualTo("BRV-CA-MLA");
            assertThat(warning.getDeadline()).isEqualTo(ACK_DEADLINE);
            assertThat(warning.getReachedAt()).isEqualTo(point);
            assertThat(warning.getElapsedShare()).isCloseTo(0.75, within(1e-9));
            assertThat(warning.getHeader().getCaseId()).isEqualTo("C-1");
            assertThat(warning.getHeader().getSimulatedTime()).isEqualTo(point);
            assertThat(warning.getHeader().getSourceNode()).isEqualTo("case-timer");
            // decided by the first tick past the point, as a miss is
            assertThat(record.getRecordTime()).isEqualTo(decided);
        });
        assertThat(timer.escalations()).extracting(e -> e.getLevel()).contains(EscalationLevel.REMINDER, EscalationLevel.DIPLOMATIC_NOTE);
        assertThat(timer.file("C-1").clock(ClockKind.CA_ACKNOWLEDGEMENT)).hasValueSatisfying(clock ->
            assertThat(clock.warningAt()).as("the point is behind it").isNull());
    }

    @Test
    @DisplayName("an acknowledgement before the point meets the clock: no warning, ever")
    void metBeforeThePoint() {
        deliveredMla(ClockPolicy.defaults());
        Instant before = point(0.75).minus(HOUR);
        timer.act(action("C-1", MLA, CaseStatus.ACKNOWLEDGED, before))
            .ticks(T0, ACK_DEADLINE.plus(Duration.ofDays(15)), Duration.ofHours(6));
        assertThat(timer.warnings.isEmpty()).isTrue();
        assertThat(acknowledgementClock().getMetAt()).isEqualTo(before);
    }

    @Test
    @DisplayName("acknowledged after the warning was sent: the one warning stands, nothing follows it")
    void metAfterTheWarning() {
        deliveredMla(ClockPolicy.defaults());
        Instant point = point(0.75);
        timer.ticks(T0, point.plus(Duration.ofHours(3)).truncatedTo(HOURS), HOUR);
        assertThat(timer.warnings.readValuesToList()).hasSize(1);
        timer.act(action("C-1", MLA, CaseStatus.ACKNOWLEDGED, point.plus(Duration.ofHours(4))))
            .ticks(point.plus(Duration.ofHours(3)).truncatedTo(HOURS), ACK_DEADLINE.plus(Duration.ofDays(15)), Duration.ofHours(6));
        assertThat(timer.warnings.isEmpty()).isTrue();
        assertThat(timer.escalations()).isEmpty();
    }

    @Test
    @DisplayName("a case withdrawn before the point stops its clocks: no warning")
    void notAfterAStop() {
        deliveredMla(ClockPolicy.defaults());
        timer.act(action("C-1", MLA, CaseStatus.WITHDRAWN, point(0.5)))
            .ticks(T0, ACK_DEADLINE.plus(Duration.ofDays(15)), Duration.ofHours(6));
        assertThat(timer.warnings.isEmpty()).isTrue();
        assertThat(timer.view("C-1").getStatus()).isEqualTo(CaseStatus.WITHDRAWN);
    }

    @Test
    @DisplayName("the warning point is the timer's setting: at 0.5 the warning comes at half the span")
    void configuredPoint() {
        deliveredMla(ClockPolicy.defaults().withWarningPoint(0.5));
        Instant point = point(0.5);
        timer.ticks(T0, point.plus(HOUR), HOUR);
        assertThat(timer.warnings.readValuesToList()).singleElement().satisfies(warning -> {
            assertThat(warning.getReachedAt()).isEqualTo(point);
            assertThat(warning.getElapsedShare()).isCloseTo(0.5, within(1e-9));
        });
    }

    @Test
    @DisplayName("one tick past both the point and the deadline: the warning and the reminder, both decided by it")
    void oneJumpWarnsThenEscalates() {
        deliveredMla(ClockPolicy.defaults());
        timer.tick(ACK_DEADLINE.plus(HOUR));
        assertThat(timer.warnings.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(r.value().getReachedAt()).isEqualTo(point(0.75));
            assertThat(r.getRecordTime()).isEqualTo(ACK_DEADLINE.plus(HOUR));
        });
        assertThat(timer.escalations.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(r.value().getLevel()).isEqualTo(EscalationLevel.REMINDER);
            assertThat(r.getRecordTime()).isEqualTo(ACK_DEADLINE.plus(HOUR));
        });
    }
}
