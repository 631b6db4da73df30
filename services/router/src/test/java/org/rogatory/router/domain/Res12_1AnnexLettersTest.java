package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.VIEW;
import static org.rogatory.router.domain.Fixtures.request;

/**
 * Resolution 12/1 (COP-UNTOC, 2024), annex I: the Arabic original letters its paragraphs in abjad
 * order. Dual criminality by conduct is paragraph (ع), informal information through MLA before it
 * is evidence is (ف). The project writes the Latin letter of the same position (docs/rules.md,
 * "Citations").
 */
@DisplayName("Resolution 12/1 annex I - paragraph letters counted from the Arabic original")
class Res12_1AnnexLettersTest {

    /** Abjad order of the Arabic paragraph letters. */
    private static final List<String> ABJAD = List.of("أ", "ب", "ج", "د", "هـ", "و", "ز", "ح", "ط", "ي", "ك", "ل",
        "م", "ن", "س", "ع", "ف", "ص", "ق", "ر");

    private static String latin(String arabicLetter) {
        return String.valueOf((char) ('a' + ABJAD.indexOf(arabicLetter)));
    }

    @Test
    @DisplayName("dual criminality by conduct: annex I (ع), the 16th paragraph, cited as (p)")
    void dualCriminality() {
        var result = (DualCriminality.Result.Satisfied) DualCriminality.check(
            request(RequestType.MLA, Instrument.UNTOC, "ALD", "DUN").setConductCategory(ConductCategory.ONLINE_FRAUD).build(), VIEW);
        assertEquals(List.of("RES-12/1-I(" + latin("ع") + "):CONDUCT-ONLINE_FRAUD"), result.reasonCodes());
    }

    @Test
    @DisplayName("informal information made evidence through MLA: annex I (ف), the 17th paragraph, cited as (q) on both cases")
    void informalToFormal() {
        String q = "RES-12/1-I(" + latin("ف") + "):";
        assertEquals(List.of(q + "FORMAL-MLA-ON-ANSWER", q + "FORMAL-MLA-SPAWNED"),
            List.of(InformalToFormal.AWAITS_ANSWER, InformalToFormal.REASON));
        var informal = request(RequestType.POLICE_INFORMATION, Instrument.UNTOC, "ALD", "DUN").setEvidentialUse(true).build();
        var codes = ((RoutingDecision.Routed) Fixtures.decide(informal).decision()).reasonCodes();
        assertTrue(codes.contains("RES-12/1-I(q):FORMAL-MLA-ON-ANSWER"), codes::toString);
        var formal = ((RoutingDecision.Routed) Fixtures.POLICY.followUp(informal, Fixtures.T0, VIEW).decision()).reasonCodes();
        assertTrue(formal.contains("RES-12/1-I(q):FORMAL-MLA-SPAWNED"), formal::toString);
    }
}
