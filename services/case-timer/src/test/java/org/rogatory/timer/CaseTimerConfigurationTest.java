package org.rogatory.timer;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.EscalationLevel;
import org.rogatory.platform.calendar.Span;
import org.rogatory.platform.service.InvalidSetting;
import org.rogatory.timer.domain.LadderPolicy;
import org.rogatory.timer.topology.CaseTimerTopology.StoreKind;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timer's settings as Micronaut binds them from properties: clocks, the common ladder, a clock's own ladder. */
class CaseTimerConfigurationTest {

    private static CaseTimerConfiguration bound(Map<String, Object> properties) {
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            return context.getBean(CaseTimerConfiguration.class);
        }
    }

    @Test
    @DisplayName("settings written as properties come back as the same configuration")
    void roundTrip() {
        CaseTimerConfiguration written = new CaseTimerConfiguration(Map.of("expedited-execution", "2d"),
            Map.of("supervisor", "2d"), Map.of("poc-acknowledgement", Map.of("supervisor", "1h", "liaison-officer", "3h")),
            0.6, "2d", StoreKind.IN_MEMORY);
        CaseTimerConfiguration read = bound(written.properties());

        assertThat(read.clockPolicy().expeditedExecution()).isEqualTo(Span.days(2));
        LadderPolicy ladders = read.ladderPolicy();
        assertThat(ladders.delay(ClockKind.POC_ACKNOWLEDGEMENT, EscalationLevel.SUPERVISOR)).isEqualTo(Duration.ofHours(1));
        assertThat(ladders.delay(ClockKind.POC_ACKNOWLEDGEMENT, EscalationLevel.LIAISON_OFFICER)).isEqualTo(Duration.ofHours(3));
        assertThat(ladders.delay(ClockKind.EXECUTION, EscalationLevel.SUPERVISOR)).isEqualTo(Duration.ofDays(2));
        assertThat(read.grace()).isEqualTo(Duration.ofDays(2));
        assertThat(read.clockPolicy().warningPoint()).isEqualTo(0.6);
    }

    @Test
    @DisplayName("the warning point is three quarters of a span by default; one outside (0, 1) is refused, naming the property")
    void warningPoint() {
        assertThat(bound(Map.of()).clockPolicy().warningPoint()).isEqualTo(0.75);
        assertThatThrownBy(() -> bound(Map.of("rogatory.case-timer.warning-point", "1")).clockPolicy())
            .isInstanceOf(InvalidSetting.class)
            .hasMessageStartingWith("rogatory.case-timer.warning-point: warning point must be a share of the span above 0 and below 1");
    }

    @Test
    @DisplayName("a clock's own ladder with an unknown clock, an unknown step or steps out of order is refused, naming the property")
    void badOwnLadder() {
        assertThatThrownBy(() -> bound(Map.of("rogatory.case-timer.ladders.poc-acknowlegement.supervisor", "1h")).ladderPolicy())
            .isInstanceOf(InvalidSetting.class)
            .hasMessageStartingWith("rogatory.case-timer.ladders.poc-acknowlegement: no such clock");
        assertThatThrownBy(() -> bound(Map.of("rogatory.case-timer.ladders.poc-acknowledgement.supervisr", "1h")).ladderPolicy())
            .isInstanceOf(InvalidSetting.class)
            .hasMessageStartingWith("rogatory.case-timer.ladders.poc-acknowledgement.supervisr: no such ladder step");
        assertThatThrownBy(() -> bound(Map.of("rogatory.case-timer.ladders.poc-acknowledgement.supervisor", "2d")).ladderPolicy())
            .isInstanceOf(InvalidSetting.class)
            .hasMessageStartingWith("rogatory.case-timer.ladders.poc-acknowledgement: ")
            .hasMessageContaining("LIAISON_OFFICER");
    }
}
