package org.rogatory.router.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;

import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.decide;
import static org.rogatory.router.domain.Fixtures.request;

@DisplayName("Rule 7 - every refusal carries its ground and a reason code naming its source (UNTOC arts. 18(21), 16; INTERPOL Constitution art. 3)")
class RefusalGroundsTest {

    /** A reason code starts with the text it rests on. */
    private static final Pattern SOURCED = Pattern.compile("^(UNTOC-[0-9.()a-z]+|CYBERCRIME(-[0-9]+)?|UNCAC-[0-9.a-z]+|RES-12/1-[IVX]+\\([a-z]\\)|INTERPOL(-CONST-3)?|RULE-1):.+");

    static Stream<Arguments> refusals() {
        return Stream.of(
            Arguments.of("extradition naming no person (UNTOC 16)",
                request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "KES").setSubjectPerson(null).build(),
                RefusalGround.NOT_IN_CONFORMITY, "UNTOC-16:NOT-IN-CONFORMITY:NO-SUBJECT-PERSON"),
            Arguments.of("no legal basis, Halvessa's policy is to refuse (rule 1)",
                request(RequestType.MLA, Instrument.NONE, "JAS", "HAL").build(),
                RefusalGround.NO_LEGAL_BASIS, "RULE-1:NO-LEGAL-BASIS:REFUSED"),
            Arguments.of("wildlife trafficking is no crime in Dunmarra (res. 12/1 annex I (p))",
                request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "DUN").setConductCategory(ConductCategory.WILDLIFE_TRAFFICKING).build(),
                RefusalGround.NO_DUAL_CRIMINALITY, "RES-12/1-I(p):NO-DUAL-CRIMINALITY:WILDLIFE_TRAFFICKING"),
            Arguments.of("English request to Halvessa, which demands Arabic (UNTOC 18(14))",
                request(RequestType.MLA, Instrument.UNTOC, "ALD", "HAL").setLanguage("en").build(),
                RefusalGround.UNTRANSLATED, "UNTOC-18.14:UNTRANSLATED-REFUSED"),
            Arguments.of("Red Notice for desertion (INTERPOL Constitution art. 3)",
                request(RequestType.PROVISIONAL_ARREST, Instrument.UNTOC, "ALD", "KES")
                    .setInterpolInstrument(InterpolInstrument.RED_NOTICE).setNationalOffenceLabel("desertion").build(),
                RefusalGround.POLITICAL_OFFENCE, "INTERPOL-CONST-3:MILITARY-CHARACTER"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusalIsSourced(String name, CooperationRequest request, RefusalGround ground, String code) {
        RoutingDecision.Refused refused = assertInstanceOf(RoutingDecision.Refused.class, decide(request).decision());
        assertEquals(ground, refused.ground());
        assertEquals(code, refused.reasonCodes().getLast(), "the deciding rule comes last");
        assertTrue(refused.reasonCodes().stream().allMatch(c -> SOURCED.matcher(c).matches()), refused.reasonCodes()::toString);
        assertTrue(refused.detail() != null && !refused.detail().isBlank());
    }
}
