package org.rogatory.timer.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.contracts.RequestType.MLA;
import static org.rogatory.timer.domain.DocketRun.T0;
import static org.rogatory.timer.domain.DocketRun.node;
import static org.rogatory.timer.domain.DocketRun.routed;

/**
 * Cybercrime Convention art. 42: preserved data are kept while the requested state awaits the
 * formal request; what keeps them is the request's receipt, not its dispatch (docs/rules.md,
 * Clocks), as for a provisional arrest.
 */
@DisplayName("Cybercrime Convention art. 42 - preservation kept alive on receipt of the formal request")
class Cybercrime42PreservationReceiptTest {

    private static Instant days(long d) {
        return T0.plus(Duration.ofDays(d));
    }

    @Test
    @DisplayName("a formal MLA request sent on day 85 on the diplomatic channel but received on day 95 comes too late: the preservation (to day 91) lapses")
    void sentInTimeReceivedLate() {
        DocketRun run = LegalClockTest.preserved(DocketRun.withDefaults())
            .step(routed("F", MLA, Channel.DIPLOMATIC, "BRV-MFA", days(85), false, "C"))
            .step(node("F", MLA, CaseStatus.DELIVERED, days(95)))
            .advanceTo(days(120));
        assertThat(run.file("C").status()).isEqualTo(CaseStatus.LAPSED);
        assertThat(run.file("C").clocksMissed()).contains(ClockKind.PRESERVATION_PERIOD);
    }

    @Test
    @DisplayName("the same request received on day 90 keeps the data preserved")
    void receivedInTime() {
        DocketRun run = LegalClockTest.preserved(DocketRun.withDefaults())
            .step(routed("F", MLA, Channel.DIPLOMATIC, "BRV-MFA", days(85), false, "C"))
            .step(node("F", MLA, CaseStatus.DELIVERED, days(90)))
            .advanceTo(days(120));
        assertThat(run.file("C").status()).isEqualTo(CaseStatus.EXECUTED);
        assertThat(run.file("C").clocksMissed()).doesNotContain(ClockKind.PRESERVATION_PERIOD);
    }
}
