package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.rogatory.router.domain.Fixtures.VIEW;
import static org.rogatory.router.domain.Fixtures.request;

@DisplayName("Rule 4 - dual criminality by conduct, not label (res. 12/1 annex I (p)); waiver for non-coercive MLA (UNCAC art. 46(9)(b)-(c))")
class DualCriminalityTest {

    @ParameterizedTest(name = "{0} coercive={2} about {1} to {3}: {4}")
    @DisplayName("satisfied, waived or not applicable")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        EXTRADITION        | WILDLIFE_TRAFFICKING | true  | KES | RES-12/1-I(p):CONDUCT-WILDLIFE_TRAFFICKING
        MLA                | MIGRANT_SMUGGLING    | false | IRV | UNCAC-46.9.b:DUAL-CRIMINALITY-WAIVED-NON-COERCIVE
        MLA                | ONLINE_FRAUD         | true  | DUN | RES-12/1-I(p):CONDUCT-ONLINE_FRAUD
        POLICE_INFORMATION | WILDLIFE_TRAFFICKING | false | DUN | -
        PRESERVATION       | CORRUPTION           | false | MOR | -
        SPONTANEOUS_INFORMATION | CORRUPTION      | false | MOR | -
        """)
    void satisfied(RequestType type, ConductCategory conduct, boolean coercive, String to, String code) {
        DualCriminality.Result result = DualCriminality.check(
            request(type, Instrument.UNTOC, "ALD", to).setConductCategory(conduct).setCoercive(coercive).build(), VIEW);
        DualCriminality.Result.Satisfied satisfied = assertInstanceOf(DualCriminality.Result.Satisfied.class, result);
        assertEquals(code == null ? List.of() : List.of(code), satisfied.reasonCodes());
    }

    @ParameterizedTest(name = "{0} coercive={2} about {1} to {3}: refused")
    @DisplayName("refused: the requested state does not criminalise the conduct and no waiver applies")
    @CsvSource(delimiter = '|', textBlock = """
        EXTRADITION             | WILDLIFE_TRAFFICKING | true  | DUN
        PROVISIONAL_ARREST      | WILDLIFE_TRAFFICKING | true  | DUN
        MLA                     | WILDLIFE_TRAFFICKING | false | DUN
        MLA                     | MIGRANT_SMUGGLING    | true  | IRV
        CONFISCATION            | MIGRANT_SMUGGLING    | false | IRV
        TRANSFER_OF_PROCEEDINGS | CORRUPTION           | false | MOR
        EXTRADITION             | UNKNOWN              | true  | KES
        """)
    void refused(RequestType type, ConductCategory conduct, boolean coercive, String to) {
        DualCriminality.Result result = DualCriminality.check(
            request(type, Instrument.UNTOC, "ALD", to).setConductCategory(conduct).setCoercive(coercive).build(), VIEW);
        RoutingDecision.Refused refusal = assertInstanceOf(DualCriminality.Result.Refused.class, result).refusal();
        assertEquals(RefusalGround.NO_DUAL_CRIMINALITY, refusal.ground());
        assertEquals(List.of("RES-12/1-I(p):NO-DUAL-CRIMINALITY:" + conduct), refusal.reasonCodes());
    }

    @Test
    @DisplayName("the national offence label never decides: two labels, one conduct, one answer (res. 12/1 annex I (p))")
    void labelIgnored() {
        var poaching = request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "DUN")
            .setConductCategory(ConductCategory.WILDLIFE_TRAFFICKING).setNationalOffenceLabel("poaching of protected fauna").build();
        var homicideLabel = request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "DUN")
            .setConductCategory(ConductCategory.WILDLIFE_TRAFFICKING).setNationalOffenceLabel("homicide").build();
        assertInstanceOf(DualCriminality.Result.Refused.class, DualCriminality.check(poaching, VIEW));
        assertInstanceOf(DualCriminality.Result.Refused.class, DualCriminality.check(homicideLabel, VIEW));
    }
}
