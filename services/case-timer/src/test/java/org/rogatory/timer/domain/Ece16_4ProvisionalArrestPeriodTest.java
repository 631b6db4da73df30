package org.rogatory.timer.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.contracts.RequestType.EXTRADITION;
import static org.rogatory.timer.domain.DocketRun.T0;
import static org.rogatory.timer.domain.DocketRun.node;
import static org.rogatory.timer.domain.DocketRun.routed;

/**
 * European Convention on Extradition art. 16(4), the default treaty: provisional arrest may end
 * after 18 days without the request and must end after 40. The default period is therefore 40
 * days, and the lapse names no treaty (a scenario may assume another period).
 */
@DisplayName("ECE art. 16(4) - provisional arrest: 40 days by default, not 60")
class Ece16_4ProvisionalArrestPeriodTest {

    private static Instant days(long d) {
        return T0.plus(Duration.ofDays(d));
    }

    @Test
    @DisplayName("an extradition request received 44 days after the arrest comes too late: the person is released")
    void releasedAfterFortyDays() {
        DocketRun run = LegalClockTest.arrested(DocketRun.withDefaults())
            .step(routed("X", EXTRADITION, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", days(43), false, "C"))
            .step(node("X", EXTRADITION, CaseStatus.DELIVERED, days(45)))
            .advanceTo(days(70));
        assertThat(run.file("C").status()).isEqualTo(CaseStatus.LAPSED);
        assertThat(run.file("C").history()).anySatisfy(r -> assertThat(r.missed()).isTrue());
    }

    @Test
    @DisplayName("the lapse cites UNTOC art. 16(9) and the treaty period, not a treaty article whose period the default contradicts")
    void lapseReason() {
        assertThat(ProvisionalArrestClock.RELEASED).isEqualTo("UNTOC-16.9:RELEASED:TREATY-PERIOD-EXPIRED");
    }
}
