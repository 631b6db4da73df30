package org.rogatory.timer.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.contracts.EscalationLevel.REMINDER;
import static org.rogatory.contracts.RequestType.MLA;
import static org.rogatory.timer.domain.DocketRun.T0;
import static org.rogatory.timer.domain.DocketRun.node;
import static org.rogatory.timer.domain.DocketRun.routed;

/**
 * UNTOC art. 18(24): the requested state takes as full account as possible of a deadline the
 * requesting state suggests with reasons. The execution clock keeps the earlier of its own deadline
 * and the requested one, so the ladder follows the request up when that date passes; missing it has
 * no legal effect (the case goes on).
 */
class Untoc18_24RequestedDeadlineTest {

    private static final Instant ACKNOWLEDGED = T0.plus(Duration.ofDays(2));

    private static DocketRun requested(Instant requestedDeadline) {
        return DocketRun.withDefaults()
            .step(routed("C", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false, requestedDeadline))
            .step(node("C", MLA, CaseStatus.DELIVERED, T0.plus(Duration.ofHours(1))))
            .step(node("C", MLA, CaseStatus.ACKNOWLEDGED, ACKNOWLEDGED));
    }

    private static Instant executionDeadline(DocketRun run) {
        return Instant.ofEpochMilli(run.file("C").clock(ClockKind.EXECUTION).orElseThrow().deadline());
    }

    @Test
    @DisplayName("a requested deadline before the 90 days becomes the execution clock's, and missing it escalates")
    void earlierDeadlineKept() {
        Instant asked = T0.plus(Duration.ofDays(30));
        DocketRun run = requested(asked);
        assertThat(executionDeadline(run)).isEqualTo(asked);

        run.advanceTo(asked.plus(Duration.ofDays(1)));
        assertThat(run.escalations("C", ClockKind.EXECUTION)).extracting(EscalationStep::level, s -> Instant.ofEpochMilli(s.deadline()))
            .containsExactly(org.assertj.core.api.Assertions.tuple(REMINDER, asked));
        assertThat(run.file("C").status()).as("no legal effect: the request is still executed").isEqualTo(CaseStatus.ACKNOWLEDGED);
    }

    @Test
    @DisplayName("a requested deadline after the clock's own does not lengthen it: execute as soon as possible")
    void laterDeadlineIgnored() {
        assertThat(executionDeadline(requested(T0.plus(Duration.ofDays(200))))).isEqualTo(ACKNOWLEDGED.plus(Duration.ofDays(90)));
    }

    @Test
    @DisplayName("a requested deadline already past when the clock starts is due at once, not before the start")
    void pastDeadlineDueAtOnce() {
        assertThat(executionDeadline(requested(T0.plus(Duration.ofDays(1))))).isEqualTo(ACKNOWLEDGED);
    }

    @Test
    @DisplayName("no requested deadline: the 90 days")
    void none() {
        assertThat(executionDeadline(requested(null))).isEqualTo(ACKNOWLEDGED.plus(Duration.ofDays(90)));
    }
}
