package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.VIEW;
import static org.rogatory.router.domain.Fixtures.request;

/**
 * UN Convention against Cybercrime: cooperation covers the offences it establishes and the
 * collection of evidence in electronic form of any serious crime. Fenmark is party to it alone;
 * Irvandi to both conventions; they share no treaty.
 */
@DisplayName("UN Convention against Cybercrime - its own offences, and electronic evidence of serious crime")
class CybercrimeConventionScopeTest {

    @ParameterizedTest(name = "{0} about {1}, electronic evidence {2}, {3} years: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        MLA          | ONLINE_FRAUD           | false | -  | CYBERCRIME:CONVENTION-OFFENCE      | CYBERCRIME-40:BOTH-PARTIES
        EXTRADITION  | CSAM_DISTRIBUTION      | false | -  | CYBERCRIME:CONVENTION-OFFENCE      | CYBERCRIME-37:BOTH-PARTIES
        MLA          | TRAFFICKING_IN_PERSONS | true  | 10 | CYBERCRIME:E-EVIDENCE-SERIOUS-CRIME | CYBERCRIME-40:BOTH-PARTIES
        PRESERVATION | TRAFFICKING_IN_PERSONS | false | 10 | CYBERCRIME:E-EVIDENCE-SERIOUS-CRIME | CYBERCRIME-42:BOTH-PARTIES
        MLA          | TRAFFICKING_IN_PERSONS | false | 10 | -                                  | -
        MLA          | TRAFFICKING_IN_PERSONS | true  | 3  | -                                  | -
        EXTRADITION  | TRAFFICKING_IN_PERSONS | true  | 10 | -                                  | -
        """)
    @DisplayName("Irvandi to Fenmark invoking the Cybercrime Convention")
    void scope(RequestType type, ConductCategory conduct, boolean electronic, Integer years, String scopeCode, String basis) {
        var request = request(type, Instrument.CYBERCRIME_CONVENTION, "IRV", "FEN").setConductCategory(conduct)
            .setElectronicEvidence(electronic).setMaxPenaltyYears(years).build();
        Optional<List<String>> expected = scopeCode == null ? Optional.empty() : Optional.of(List.of(scopeCode, basis));
        assertEquals(expected, LegalBasis.find(request, VIEW));
    }

    @Test
    @DisplayName("the story of scenarios/informal-to-formal.yaml: Irvandi's trafficking MLA to Fenmark has no common instrument, and says why")
    void traffickingToFenmarkBeforeRatification() {
        var mla = request(RequestType.MLA, Instrument.UNTOC, "IRV", "FEN")
            .setConductCategory(ConductCategory.TRAFFICKING_IN_PERSONS).setMaxPenaltyYears(15).build();
        assertEquals(Optional.empty(), LegalBasis.find(mla, VIEW));
        RoutingDecision.Routed routed = (RoutingDecision.Routed) Fixtures.decide(mla).decision();
        assertEquals("FEN-MFA", routed.toNode());
        assertTrue(routed.reasonCodes().contains("RULE-1:NO-LEGAL-BASIS:DIPLOMATIC"), routed.reasonCodes()::toString);
    }

    @Test
    @DisplayName("a convention both states are party to but which does not cover the offence is named as out of scope")
    void outOfScopeSubstitution() {
        var mla = request(RequestType.MLA, Instrument.UNTOC, "ALD", "KES")
            .setOrganisedCriminalGroup(false).build();
        assertEquals(Optional.of(List.of("RULE-1:INVOKED-UNTOC-OUT-OF-SCOPE", "CYBERCRIME:CONVENTION-OFFENCE",
            "CYBERCRIME-40:BOTH-PARTIES")), LegalBasis.find(mla, VIEW));
    }
}
