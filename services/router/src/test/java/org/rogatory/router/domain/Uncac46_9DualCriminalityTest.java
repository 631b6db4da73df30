package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.rogatory.router.domain.Fixtures.VIEW;
import static org.rogatory.router.domain.Fixtures.request;

/**
 * UNTOC art. 18(9) only lets a requested state assist without dual criminality at its
 * discretion; the split between non-coercive assistance (given) and coercive measures (not) is
 * UNCAC art. 46(9)(b)-(c). Irvandi does not criminalise migrant smuggling and declares the waiver.
 */
@DisplayName("UNCAC art. 46(9)(b)-(c) - non-coercive assistance without dual criminality, coercive not")
class Uncac46_9DualCriminalityTest {

    @Test
    @DisplayName("non-coercive MLA to Irvandi about migrant smuggling: waived, citing UNCAC 46(9)(b)")
    void nonCoercive() {
        var result = DualCriminality.check(request(RequestType.MLA, Instrument.UNTOC, "ALD", "IRV")
            .setConductCategory(ConductCategory.MIGRANT_SMUGGLING).setCoercive(false).build(), VIEW);
        assertEquals(List.of("UNCAC-46.9.b:DUAL-CRIMINALITY-WAIVED-NON-COERCIVE"),
            assertInstanceOf(DualCriminality.Result.Satisfied.class, result).reasonCodes());
    }

    @Test
    @DisplayName("a coercive MLA request (a search) about the same conduct is refused")
    void coercive() {
        var result = DualCriminality.check(request(RequestType.MLA, Instrument.UNTOC, "ALD", "IRV")
            .setConductCategory(ConductCategory.MIGRANT_SMUGGLING).setCoercive(true).build(), VIEW);
        assertInstanceOf(DualCriminality.Result.Refused.class, result);
    }
}
