package org.rogatory.timer.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.RequestType;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.timer.domain.DocketRun.T0;
import static org.rogatory.timer.domain.DocketRun.routed;
import static org.rogatory.timer.domain.DocketRun.urgentMlaFlagged;

/**
 * UNTOC art. 18(14): an urgent MLA request made orally or through INTERPOL / the 24/7 network is
 * confirmed in writing forthwith. The duty concerns MLA only (docs/rules.md, rule 3).
 */
@DisplayName("UNTOC art. 18(14) - written confirmation: urgent MLA sent informally only")
class Untoc18_14WrittenConfirmationTest {

    private static boolean confirmationClockStarted(DocketRun run, String caseId) {
        return run.file(caseId).history().stream().anyMatch(r -> r.kind() == ClockKind.WRITTEN_CONFIRMATION)
            || run.file(caseId).clock(ClockKind.WRITTEN_CONFIRMATION).isPresent();
    }

    @Test
    @DisplayName("urgent police information, diffusion and preservation fallback over I-24/7 start no written-confirmation clock")
    void noDutyOutsideMla() {
        DocketRun run = DocketRun.withDefaults()
            .step(routed("P", RequestType.POLICE_INFORMATION, Channel.I247, "BRV-NCB", T0, true))
            .step(routed("A", RequestType.PROVISIONAL_ARREST, Channel.I247, "BRV-NCB", T0, true))
            .step(routed("S", RequestType.PRESERVATION, Channel.I247, "BRV-NCB", T0, true))
            .advanceTo(T0.plus(Duration.ofDays(30)));
        assertThat(confirmationClockStarted(run, "P")).as("police information").isFalse();
        assertThat(confirmationClockStarted(run, "A")).as("provisional-arrest diffusion").isFalse();
        assertThat(confirmationClockStarted(run, "S")).as("preservation fallen back to an NCB").isFalse();
    }

    @Test
    @DisplayName("an urgent MLA request sent 24/7 to 24/7 and flagged by the router starts the clock, addressed to the requesting state")
    void urgentMlaOverTheContactPointNetwork() {
        DocketRun run = DocketRun.withDefaults()
            .step(urgentMlaFlagged("M", Channel.CONTACT_POINT_247, "BRV-POC-247", T0))
            .advanceTo(T0.plus(Duration.ofDays(1)));
        RunningClock clock = run.file("M").clock(ClockKind.WRITTEN_CONFIRMATION).orElseThrow();
        assertThat(clock.deadline()).isEqualTo(T0.plus(Duration.ofDays(10)).toEpochMilli());
        run.advanceTo(T0.plus(Duration.ofDays(11)));
        assertThat(run.escalations("M", ClockKind.WRITTEN_CONFIRMATION)).extracting(EscalationStep::targetNode)
            .containsExactly("ALD-CA-MLA");
    }
}
