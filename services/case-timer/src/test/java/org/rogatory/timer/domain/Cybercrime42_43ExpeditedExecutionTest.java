package org.rogatory.timer.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.Span;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rogatory.timer.domain.DocketRun.T0;
import static org.rogatory.timer.domain.DocketRun.node;
import static org.rogatory.timer.domain.DocketRun.routed;

/**
 * Preservation and disclosure of preserved traffic data are executed expeditiously (UN Convention
 * against Cybercrime arts. 42, 43; Budapest arts. 29, 30): their execution clock counts days
 * (7 by default, practice), not the 90 days of an ordinary request.
 */
class Cybercrime42_43ExpeditedExecutionTest {

    private static final Instant ACKNOWLEDGED = T0.plus(Duration.ofHours(2));

    private static DocketRun acknowledged(ClockPolicy clocks, RequestType type) {
        return new DocketRun(clocks, LadderPolicy.defaults(), DocketRun.World.register(true))
            .step(routed("C", type, Channel.CONTACT_POINT_247, "BRV-POC-247", T0, false))
            .step(node("C", type, CaseStatus.ACKNOWLEDGED, ACKNOWLEDGED));
    }

    private static Instant executionDeadline(DocketRun run) {
        return Instant.ofEpochMilli(run.file("C").clock(ClockKind.EXECUTION).orElseThrow().deadline());
    }

    @ParameterizedTest
    @EnumSource(value = RequestType.class, names = {"PRESERVATION", "DISCLOSURE"})
    @DisplayName("preservation and disclosure must be executed within the expedited span, 7 days by default")
    void expedited(RequestType type) {
        DocketRun run = acknowledged(ClockPolicy.defaults(), type);
        assertThat(executionDeadline(run)).isEqualTo(ACKNOWLEDGED.plus(Duration.ofDays(7)));

        run.advanceTo(ACKNOWLEDGED.plus(Duration.ofDays(8)));
        assertThat(run.file("C").clocksMissed()).containsExactly(ClockKind.EXECUTION);
        assertThat(run.escalations("C", ClockKind.EXECUTION)).isNotEmpty();
    }

    @Test
    @DisplayName("an ordinary request keeps its 90 days on the same channel")
    void ordinaryRequest() {
        assertThat(executionDeadline(acknowledged(ClockPolicy.defaults(), RequestType.MLA)))
            .isEqualTo(ACKNOWLEDGED.plus(Duration.ofDays(90)));
    }

    @Test
    @DisplayName("a scenario sets the expedited span (expedited-execution) apart from the execution clock")
    void scenarioParameter() {
        ClockPolicy clocks = ClockPolicy.defaults().overriddenBy(Map.of("expedited-execution", "2d", "execution", "60d"));
        assertThat(clocks.expeditedExecution()).isEqualTo(Span.days(2));
        assertThat(executionDeadline(acknowledged(clocks, RequestType.PRESERVATION)))
            .isEqualTo(ACKNOWLEDGED.plus(Duration.ofDays(2)));
        assertThat(executionDeadline(acknowledged(clocks, RequestType.MLA))).isEqualTo(ACKNOWLEDGED.plus(Duration.ofDays(60)));
        assertThatThrownBy(() -> ClockPolicy.defaults().overriddenBy(Map.of("expedited-execution", "0h")))
            .hasMessageContaining("expedited execution");
    }
}
