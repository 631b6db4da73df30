package org.rogatory.timer.topology;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DisplayName;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.DeliveryEvidence;
import org.rogatory.contracts.EvidenceType;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rogatory.contracts.RequestType.MLA;
import static org.rogatory.testing.Contracts.action;
import static org.rogatory.testing.Contracts.routed;

/**
 * The case view's e-CODEX evidence trail (docs/domain.md#messaging): the router's acceptance and
 * the authorities' relay, delivery and retrieval, in time order; evidence that only records the
 * transport moves nothing, and a late positive after a negative does not revive the message.
 */
class DeliveryEvidenceTrailTest {
    private static final Instant T0 = CaseTimerTopologyTest.T0;
    private static final String NODE = "BRV-CA-MLA";

    @Test
    @DisplayName("accepted, relayed, delivered, retrieved: four distinct times in the view; only ROUTED and DELIVERED move the case")
    void trailInTheView() {
        try (TimerDriver timer = new TimerDriver(true)) {
            timer.route(withEvidence(routed("C-1", MLA, Channel.CENTRAL_AUTHORITY, NODE, T0, false), EvidenceType.SUBMISSION_ACCEPTED, T0))
                .act(evidenceOnly("C-1", CaseStatus.ROUTED, EvidenceType.RELAYED, minutes(4), null))
                .act(withEvidence(action("C-1", MLA, CaseStatus.DELIVERED, minutes(11)), EvidenceType.DELIVERED, minutes(11)))
                .act(evidenceOnly("C-1", CaseStatus.DELIVERED, EvidenceType.RETRIEVED, minutes(30), null));

            CaseView view = timer.view("C-1");
            assertThat(view.getStatus()).isEqualTo(CaseStatus.DELIVERED);
            assertThat(view.getEvidence()).extracting(DeliveryEvidence::getType, DeliveryEvidence::getAt)
                .containsExactly(tuple(EvidenceType.SUBMISSION_ACCEPTED, T0), tuple(EvidenceType.RELAYED, minutes(4)),
                    tuple(EvidenceType.DELIVERED, minutes(11)), tuple(EvidenceType.RETRIEVED, minutes(30)));
            assertThat(view.getStatusTimes()).containsOnlyKeys("ROUTED", "DELIVERED");
            assertThat(timer.deadLetters.isEmpty()).isTrue();
        }
    }

    @Test
    @DisplayName("e-CODEX: after NOT_DELIVERED, a late DELIVERED joins the trail but does not move the case, and nothing is dead-lettered")
    void latePositiveDoesNotRevive() {
        Instant deadline = T0.plus(Duration.ofHours(24));
        Instant late = T0.plus(Duration.ofHours(30));
        try (TimerDriver timer = new TimerDriver(true)) {
            timer.route(withEvidence(routed("C-1", MLA, Channel.CENTRAL_AUTHORITY, NODE, T0, false), EvidenceType.SUBMISSION_ACCEPTED, T0))
                .act(evidenceOnly("C-1", CaseStatus.ROUTED, EvidenceType.RELAYED, minutes(4), null))
                .tick(deadline.plus(Duration.ofHours(1)))
                .act(evidenceOnly("C-1", CaseStatus.ROUTED, EvidenceType.NOT_DELIVERED, deadline, "not delivered within the timeout"))
                .act(evidenceOnly("C-1", CaseStatus.ROUTED, EvidenceType.DELIVERED, late, "late"));

            CaseView view = timer.view("C-1");
            assertThat(view.getStatus()).isEqualTo(CaseStatus.ROUTED);
            assertThat(view.getClocksMissed()).contains(ClockKind.TRANSPORT_STEP);
            assertThat(view.getEvidence()).extracting(DeliveryEvidence::getType).containsExactly(EvidenceType.SUBMISSION_ACCEPTED,
                EvidenceType.RELAYED, EvidenceType.NOT_DELIVERED, EvidenceType.DELIVERED);
            assertThat(view.getEvidence().getLast().getDetail()).isEqualTo("late");
            assertThat(timer.deadLetters.isEmpty()).isTrue();
        }
    }

    @Test
    @DisplayName("evidence for a case the timer does not know is dead-lettered")
    void evidenceForAnUnknownCase() {
        try (TimerDriver timer = new TimerDriver(true)) {
            timer.act(evidenceOnly("C-9", CaseStatus.ROUTED, EvidenceType.RELAYED, minutes(4), null));
            assertThat(timer.deadLetters.readValue().getReason()).isEqualTo("RELAYED evidence for a case the timer does not know");
        }
    }

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    private static CaseEvent withEvidence(CaseEvent event, EvidenceType type, Instant at) {
        return CaseEvent.newBuilder(event).setEvidence(new DeliveryEvidence(type, at, event.getNodeId(), null, "MSG-C-1")).build();
    }

    /** An event that records the transport: it repeats the case's status. */
    private static CaseEvent evidenceOnly(String caseId, CaseStatus status, EvidenceType type, Instant at, String detail) {
        CaseEvent event = action(caseId, MLA, status, at);
        return CaseEvent.newBuilder(event).setEvidence(new DeliveryEvidence(type, at, NODE, detail, "MSG-" + caseId)).build();
    }
}
