package org.rogatory.router.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rogatory.router.domain.Fixtures.VIEW;
import static org.rogatory.router.domain.Fixtures.request;

/**
 * UNTOC art. 3(1): the Convention applies to its own offences and to serious crime (art. 2(b):
 * at least 4 years' deprivation of liberty) where the offence is transnational and involves an
 * organised criminal group. ALD and KES are parties to UNTOC and to the Cybercrime Convention
 * and have no treaty between them, so an offence outside both conventions has no basis.
 */
@DisplayName("UNTOC arts. 2(b), 3(1) - the Convention covers serious crime and its own offences involving an organised criminal group")
class Untoc3ScopeTest {

    @ParameterizedTest(name = "{0}, organised group {1}, {2} years: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        DRUG_TRAFFICKING | true  | 4  | UNTOC-3:SERIOUS-CRIME-ORGANISED-GROUP
        DRUG_TRAFFICKING | true  | 12 | UNTOC-3:SERIOUS-CRIME-ORGANISED-GROUP
        DRUG_TRAFFICKING | true  | 3  | -
        DRUG_TRAFFICKING | true  | -  | -
        DRUG_TRAFFICKING | false | 12 | -
        MONEY_LAUNDERING | true  | 2  | UNTOC-3:CONVENTION-OFFENCE-ORGANISED-GROUP
        CORRUPTION       | false | 10 | -
        """)
    @DisplayName("MLA from Aldoria to Kessaly invoking UNTOC")
    void scope(ConductCategory conduct, boolean organisedGroup, Integer years, String scopeCode) {
        var mla = request(RequestType.MLA, Instrument.UNTOC, "ALD", "KES").setConductCategory(conduct)
            .setOrganisedCriminalGroup(organisedGroup).setMaxPenaltyYears(years).build();
        Optional<List<String>> expected = scopeCode == null ? Optional.empty()
            : Optional.of(List.of(scopeCode, "UNTOC-18:BOTH-PARTIES"));
        assertEquals(expected, LegalBasis.find(mla, VIEW));
    }
}
