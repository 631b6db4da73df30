package org.rogatory.timer.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.contracts.RequestType.MLA;
import static org.rogatory.testing.Contracts.action;
import static org.rogatory.testing.Contracts.routed;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.DeliveryEvidence;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.timer.domain.CaseStateMachine;

/**
 * The round trip in the case view (docs/clocks.md#the-round-trip): each hop's first time under
 * its status, the return's e-CODEX trail, and the requesting state's retrieval closing the case.
 */
class RoundTripCaseViewTest {
    private static final Instant T0 = CaseTimerTopologyTest.T0;
    private static final String REQUESTED = "BRV-CA-MLA";
    private static final String REQUESTING = "ALD-CA-MLA";

    @Test
    @DisplayName("transmitted for execution, executed, evidence transmitted back, received: each hop timed in the view; the receipt closes the case")
    void receiptByTheRequestingStateClosesTheCase() {
        try (TimerDriver timer = new TimerDriver(true)) {
            timer.route(routed("C-1", MLA, Channel.CENTRAL_AUTHORITY, REQUESTED, T0, false))
                .act(action("C-1", MLA, CaseStatus.DELIVERED, days(1)))
                .act(action("C-1", MLA, CaseStatus.UNDER_REVIEW, days(2)))
                .act(action("C-1", MLA, CaseStatus.IN_EXECUTION, days(3)))
                .act(action("C-1", MLA, CaseStatus.EXECUTED, days(20)))
                .act(action("C-1", MLA, CaseStatus.EVIDENCE_TRANSMITTED, days(22)))
                .act(evidence(CaseStatus.EVIDENCE_TRANSMITTED, EvidenceType.RELAYED, days(22).plusSeconds(300)))
                .act(evidence(CaseStatus.EVIDENCE_TRANSMITTED, EvidenceType.DELIVERED, days(22).plusSeconds(900)))
                .act(evidence(CaseStatus.EVIDENCE_RECEIVED, EvidenceType.RETRIEVED, days(22).plusSeconds(1800)));

            CaseView view = timer.view("C-1");
            assertThat(view.getStatus()).isEqualTo(CaseStatus.EVIDENCE_RECEIVED);
            assertThat(view.getStatusTimes()).containsEntry("IN_EXECUTION", days(3)).containsEntry("EXECUTED", days(20))
                .containsEntry("EVIDENCE_TRANSMITTED", days(22)).containsEntry("EVIDENCE_RECEIVED", days(22).plusSeconds(1800));
            assertThat(view.getEvidence()).extracting(DeliveryEvidence::getType)
                .containsSubsequence(EvidenceType.RELAYED, EvidenceType.DELIVERED, EvidenceType.RETRIEVED);
            assertThat(timer.deadLetters.isEmpty()).isTrue();
        }
    }

    @Test
    @DisplayName("the results' delivery repeats EVIDENCE_TRANSMITTED and moves nothing; nothing follows the receipt")
    void onlyTheReceiptMovesTheReturn() {
        assertThat(org.rogatory.timer.domain.DeliveryEvidence.movesCase(EvidenceType.DELIVERED, CaseStatus.EVIDENCE_TRANSMITTED)).isFalse();
        assertThat(org.rogatory.timer.domain.DeliveryEvidence.movesCase(EvidenceType.RETRIEVED, CaseStatus.EVIDENCE_RECEIVED)).isTrue();
        assertThat(CaseStateMachine.CLOSED).contains(CaseStatus.EVIDENCE_RECEIVED);
        assertThat(CaseStateMachine.allows(CaseStatus.IN_EXECUTION, CaseStatus.EVIDENCE_TRANSMITTED)).isFalse();
    }

    private static CaseEvent evidence(CaseStatus status, EvidenceType type, Instant at) {
        CaseEvent event = action("C-1", MLA, status, at);
        return CaseEvent.newBuilder(event).setEvidence(new DeliveryEvidence(type, at, REQUESTING, null, "MSG-C-1/results")).build();
    }

    private static Instant days(long d) {
        return T0.plus(Duration.ofDays(d));
    }
}
