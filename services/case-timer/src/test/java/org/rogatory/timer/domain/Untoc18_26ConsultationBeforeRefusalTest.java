package org.rogatory.timer.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.contracts.CaseStatus.ACKNOWLEDGED;
import static org.rogatory.contracts.CaseStatus.UNDER_REVIEW;
import static org.rogatory.timer.domain.DocketRun.T0;
import static org.rogatory.timer.domain.DocketRun.node;
import static org.rogatory.timer.domain.DocketRun.refused;
import static org.rogatory.timer.domain.DocketRun.routed;

/**
 * UNTOC art. 18(26): before refusing MLA the requested state "shall consult" the requesting one;
 * art. 16(16) asks it for extradition only "where appropriate"; no text the model cites asks it
 * for police information or for preservation and disclosure under the Cybercrime Convention. The
 * case timer enforces the duty where it is required, and only there.
 */
class Untoc18_26ConsultationBeforeRefusalTest {

    /** Routed, acknowledged, reviewed, then refused straight after the review: the last step is judged. */
    private static DocketRun refusedAfterReview(RequestType type) {
        return DocketRun.withDefaults()
            .step(routed("C", type, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
            .step(node("C", type, ACKNOWLEDGED, T0.plus(Duration.ofHours(1))))
            .step(node("C", type, UNDER_REVIEW, T0.plus(Duration.ofHours(2))))
            .step(refused("C", type, T0.plus(Duration.ofHours(3)), RefusalGround.SOVEREIGNTY_SECURITY_ORDRE_PUBLIC));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RequestType.class, names = {"MLA", "CONFISCATION"})
    @DisplayName("MLA (and confiscation, art. 13(3)): a refusal without consultation is rejected, citing 18(26)")
    void requiredForMla(RequestType type) {
        DocketRun run = refusedAfterReview(type);
        assertThat(run.rejections).singleElement().asString().contains("UNTOC art. 18(26)");
        assertThat(run.file("C").status()).isEqualTo(UNDER_REVIEW);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RequestType.class, names = {"POLICE_INFORMATION", "PRESERVATION", "DISCLOSURE", "EXTRADITION",
        "PROVISIONAL_ARREST"})
    @DisplayName("no duty (police information, preservation, disclosure) or 'where appropriate' (extradition, 16(16)): a refusal after review stands")
    void notImposedElsewhere(RequestType type) {
        DocketRun run = refusedAfterReview(type);
        assertThat(run.rejections).isEmpty();
        assertThat(run.file("C").status()).isEqualTo(CaseStatus.REFUSED);
    }

    @Test
    @DisplayName("the duty per request type, and its source")
    void dutyByType() {
        assertThat(ConsultationDuty.of(RequestType.MLA)).isEqualTo(ConsultationDuty.REQUIRED);
        assertThat(ConsultationDuty.of(RequestType.EXTRADITION)).isEqualTo(ConsultationDuty.WHERE_APPROPRIATE);
        assertThat(ConsultationDuty.of(RequestType.POLICE_INFORMATION)).isEqualTo(ConsultationDuty.NONE);
        assertThat(ConsultationDuty.of(RequestType.PRESERVATION)).isEqualTo(ConsultationDuty.NONE);
        assertThat(ConsultationDuty.REQUIRED.source()).isEqualTo("UNTOC art. 18(26)");
        assertThat(ConsultationDuty.WHERE_APPROPRIATE.source()).isEqualTo("UNTOC art. 16(16)");
    }
}
