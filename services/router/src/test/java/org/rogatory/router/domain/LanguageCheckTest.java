package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.rogatory.router.domain.Fixtures.WORLD;
import static org.rogatory.router.domain.Fixtures.decide;
import static org.rogatory.router.domain.Fixtures.request;

@DisplayName("Rule 6 - language the requested state accepts, else translation delay or refusal (UNTOC art. 18(14))")
class LanguageCheckTest {

    private static DirectoryEntry node(String id) {
        return WORLD.directoryByKey().get(id);
    }

    @ParameterizedTest(name = "''{0}'' to {1}: accepted after {2} h")
    @DisplayName("accepted, with the translation delay where needed")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        fr | ELV-CA-MLA | 0  | -
        ES | BRV-MOJ    | 0  | -
        en | KES-NCB    | 0  | -
        en | CSK-CA-MLA | 72 | UNTOC-18.14:TRANSLATION-en-TO-pt
        de | LUM-MOJ    | 72 | UNTOC-18.14:TRANSLATION-de-TO-ja
        """)
    void accepted(String language, String nodeId, double delay, String code) {
        LanguageCheck.Result result = LanguageCheck.check(language, node(nodeId), WORLD.parameters().translationDelayHours());
        LanguageCheck.Result.Accepted accepted = assertInstanceOf(LanguageCheck.Result.Accepted.class, result);
        assertEquals(delay, accepted.translationDelayHours());
        assertEquals(code == null ? List.of() : List.of(code), accepted.reasonCodes());
    }

    @ParameterizedTest(name = "''{0}'' to {1}: refused")
    @DisplayName("refused where the state demands its own language")
    @CsvSource(delimiter = '|', textBlock = """
        en | ELV-CA-MLA
        fr | HAL-CA-MLA
        en | HAL-MFA
        """)
    void refused(String language, String nodeId) {
        LanguageCheck.Result result = LanguageCheck.check(language, node(nodeId), 72);
        RoutingDecision.Refused refusal = assertInstanceOf(LanguageCheck.Result.Refused.class, result).refusal();
        assertEquals(RefusalGround.UNTRANSLATED, refusal.ground());
        assertEquals(nodeId, refusal.atNode());
    }

    @Test
    @DisplayName("urgency does not lift Elvaria's language requirement: urgent MLA in English is refused at its NCB")
    void urgentStillRefused() {
        RoutingOutcome outcome = decide(request(RequestType.MLA, Instrument.UNTOC, "ALD", "ELV").setUrgent(true).setLanguage("en").build());
        RoutingDecision.Refused refused = assertInstanceOf(RoutingDecision.Refused.class, outcome.decision());
        assertEquals(List.of(RefusalGround.UNTRANSLATED, "ELV-NCB"), List.of(refused.ground(), refused.atNode()));
        assertEquals("UNTOC-18.14:UNTRANSLATED-REFUSED", refused.reasonCodes().getLast());
    }

    @Test
    @DisplayName("the translation delay travels on the routed decision")
    void delayOnDecision() {
        RoutingOutcome outcome = decide(request(RequestType.MLA, Instrument.UNTOC, "ALD", "CSK").setLanguage("en").build());
        assertEquals(72.0, assertInstanceOf(RoutingDecision.Routed.class, outcome.decision()).translationDelayHours());
    }
}
