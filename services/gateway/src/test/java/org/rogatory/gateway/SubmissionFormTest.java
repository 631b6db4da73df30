package org.rogatory.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionFormTest {

    private final Map<String, DirectoryEntry> directory = Map.of("ALD-CA-MLA", TestBroker.node("ALD-CA-MLA", "ALD"),
        "KES-CA-MLA", TestBroker.node("KES-CA-MLA", "KES"));
    private final SubmissionForm form = new SubmissionForm(id -> Optional.ofNullable(directory.get(id)),
        state -> directory.values().stream().anyMatch(entry -> entry.getState().equals(state)));

    @Test
    @DisplayName("the body made of a request submits that same request: every field a client supplies, set or not")
    void bodySubmitsTheSameRequest() {
        Instant at = Instant.parse("2026-01-05T00:00:00Z");
        CooperationRequest full = form.request("""
            {"requestType":"EXTRADITION","instrument":"BILATERAL_TREATY","requestingState":"ALD","requestedState":"KES",
             "originNode":"ALD-CA-MLA","conductCategory":"ONLINE_FRAUD","nationalOffenceLabel":"wire fraud",
             "crimeArea":"FINANCIAL_CRIME_CORRUPTION","maxPenaltyYears":10,"organisedCriminalGroup":true,
             "electronicEvidence":true,"urgent":true,"coercive":true,"evidentialUse":true,"language":"en",
             "classification":"CONFIDENTIAL","subjectPerson":"P-7f3a91","requestedDeadline":"2026-03-01T12:00:00Z",
             "linkedCaseIds":["C-1","C-2"],"interpolInstrument":"RED_NOTICE"}""", "C-3", at);
        CooperationRequest bare = form.request("""
            {"requestType":"MLA","instrument":"UNTOC","requestingState":"ALD","requestedState":"KES",
             "originNode":"ALD-CA-MLA","conductCategory":"ONLINE_FRAUD",
             "crimeArea":"FINANCIAL_CRIME_CORRUPTION","language":"en","classification":"RESTRICTED"}""", "C-4", at);

        for (CooperationRequest request : new CooperationRequest[] {full, bare}) {
            String caseId = request.getHeader().getCaseId();
            assertThat(form.request(SubmissionForm.body(request).toString(), caseId, at)).isEqualTo(request);
        }
        assertThat(bare.getNationalOffenceLabel()).as("informative only: optional, as in a scenario's streams").isEmpty();
    }
}
