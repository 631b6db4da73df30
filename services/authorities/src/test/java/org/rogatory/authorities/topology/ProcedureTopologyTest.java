package org.rogatory.authorities.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.POC;
import static org.rogatory.authorities.topology.TestRecords.SERDES;
import static org.rogatory.authorities.topology.TestRecords.T0;
import static org.rogatory.authorities.topology.TestRecords.pocEntry;
import static org.rogatory.authorities.topology.TestRecords.transmission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.domain.NodeBehaviourRule;
import org.rogatory.authorities.domain.NodeBehaviourRule.Match;
import org.rogatory.authorities.domain.NodeBehaviourRule.Outcomes;
import org.rogatory.authorities.domain.NodeBehaviourRule.ServiceTimes;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.authorities.domain.Procedure;
import org.rogatory.authorities.domain.ServiceTimeDistribution;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.timer.domain.CaseChange;

/** Rule 10 through the authorities' topology: what the node models do reaches coop.node-actions as the timer reads it. */
class ProcedureTopologyTest {

    private static final long DAY = 24 * HOUR;

    /** 24/7 points that execute in two hours, with the given procedure; the run's preservation period is 60 days. */
    private static NodeBehaviourTable contactPoints(Outcomes outcomes, Procedure procedure) {
        return new NodeBehaviourTable(List.of(new NodeBehaviourRule(new Match(null, NodeRole.POC_247, null), null,
                new ServiceTimes(Map.of(), new ServiceTimeDistribution.Fixed(2.0)), outcomes, null, 24.0, null, null, procedure)),
                60 * 24);
    }

    private static List<CaseEvent> play(Procedure procedure, long until) {
        return play(null, procedure, until);
    }

    private static List<CaseEvent> play(Outcomes outcomes, Procedure procedure, long until) {
        return play(outcomes, procedure, until, transmission("P-1", T0 + HOUR));
    }

    private static List<CaseEvent> play(Outcomes outcomes, Procedure procedure, long until, Transmission request) {
        try (AuthoritiesDriver d = new AuthoritiesDriver("authorities-procedure-test",
                AuthoritiesTopology.build(contactPoints(outcomes, procedure), 72, 99, Set.of(), TestRecords.minuteSteps(), SERDES))) {
            d.directory.pipeInput(POC, pocEntry(), T0 - HOUR);
            d.contactPoint.pipeInput(POC, request, T0 + HOUR);
            for (long at = T0, n = 0; at <= until; at += DAY, n++) {
                d.clock.pipeInput("clock", new ClockTick(Instant.ofEpochMilli(at), "test", n), at);
            }
            assertThat(d.deadLetters.isEmpty()).isTrue();
            return AuthoritiesTopologyTest.steps(d.actions.readRecordsToList()).stream().map(TestRecord::value).toList();
        }
    }

    @Test
    @DisplayName("a preservation is renewed once, a week before its 60 days end (Cybercrime Convention art. 42)")
    void renewal() {
        Procedure renewsOnce = new Procedure(0, 0.9, 240, 0, 720, 1, 168, Procedure.DEFAULT_PRESERVATION_PERIOD_HOURS);
        List<CaseEvent> out = play(renewsOnce, T0 + 200 * DAY);
        assertThat(out).extracting(CaseEvent::getStatus).containsExactly(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED,
                CaseStatus.UNDER_REVIEW, CaseStatus.EXECUTED, CaseStatus.EXECUTED);
        CaseEvent renewal = out.getLast();
        assertThat(renewal.getReasonCodes()).contains(CaseChange.PRESERVATION_RENEWAL, Procedure.RENEWAL_ASKED);
        assertThat(renewal.getHeader().getSimulatedTime().toEpochMilli())
                .as("executed at T0 + 3 h and the transport's three minutes (relayed, delivered, retrieved), asked 53 days later")
                .isEqualTo(T0 + 3 * HOUR + 3 * TestRecords.MINUTE + 53 * DAY);
        assertThat(renewal.getNodeId()).isEqualTo(POC);
    }

    @Test
    @DisplayName("a withdrawal is reported by the requesting state's node; the case leaves the requested node")
    void withdrawal() {
        Procedure withdrawsAtOnce = new Procedure(0, 0.9, 240, 1, 1, 0, 168, Procedure.DEFAULT_PRESERVATION_PERIOD_HOURS);
        List<CaseEvent> out = play(withdrawsAtOnce, T0 + 3 * DAY);
        assertThat(out).extracting(CaseEvent::getStatus).containsExactly(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED,
                CaseStatus.UNDER_REVIEW, CaseStatus.WITHDRAWN);
        CaseEvent withdrawn = out.getLast();
        assertThat(withdrawn.getHeader().getSourceNode()).isEqualTo("ALD-POC-247");
        assertThat(withdrawn.getNodeId()).isEqualTo(POC);
        assertThat(withdrawn.getReasonCodes()).containsExactly(Procedure.WITHDRAWN_BY_REQUESTING_STATE);
        assertThat(withdrawn.getHeader().getSimulatedTime().toEpochMilli()).as("an hour after its delivery, two transport"
                + " minutes after it was sent").isEqualTo(T0 + 2 * HOUR + 2 * TestRecords.MINUTE);
    }

    @Test
    @DisplayName("a grant subject to conditions reaches coop.node-actions as written, then the requesting state's acceptance")
    void grantSubjectToConditions() {
        Outcomes consultsAll = new Outcomes(0, 1, 0, 0, Map.of(RefusalGround.SOVEREIGNTY_SECURITY_ORDRE_PUBLIC, 1.0));
        Procedure grantsAndIsAccepted = new Procedure(1, 1, 24, 0, 720, 0, 168, Procedure.DEFAULT_PRESERVATION_PERIOD_HOURS);
        Transmission mla = transmission("P-1", T0 + HOUR);
        mla.getRequest().setRequestType(RequestType.MLA); // UNTOC 18(26): an MLA request may be granted subject to conditions
        List<CaseEvent> out = play(consultsAll, grantsAndIsAccepted, T0 + 5 * DAY, mla);
        assertThat(out).extracting(CaseEvent::getStatus).containsExactly(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED,
                CaseStatus.UNDER_REVIEW, CaseStatus.CONSULTATION, CaseStatus.GRANTED_SUBJECT_TO_CONDITIONS,
                CaseStatus.IN_EXECUTION, CaseStatus.IN_EXECUTION, CaseStatus.EXECUTED);
        assertThat(out.get(4).getReasonCodes()).containsExactly(Procedure.GRANTED_SUBJECT_TO_CONDITIONS);
        assertThat(out.get(5).getReasonCodes()).containsExactly(Procedure.CONDITIONS_ACCEPTED);
        assertThat(out.get(6).getReasonCodes()).as("an officer takes up the execution").containsExactly(CaseChange.EXECUTION_STARTED);
        assertThat(out).extracting(e -> e.getHeader().getEventId()).doesNotHaveDuplicates();
    }
}
