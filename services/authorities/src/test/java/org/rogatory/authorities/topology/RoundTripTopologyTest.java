package org.rogatory.authorities.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.MINUTE;
import static org.rogatory.authorities.topology.TestRecords.POC;
import static org.rogatory.authorities.topology.TestRecords.SERDES;
import static org.rogatory.authorities.topology.TestRecords.T0;
import static org.rogatory.authorities.topology.TestRecords.executingAuthority;
import static org.rogatory.authorities.topology.TestRecords.minuteSteps;
import static org.rogatory.authorities.topology.TestRecords.pocEntry;
import static org.rogatory.authorities.topology.TestRecords.roundTripBehaviours;
import static org.rogatory.authorities.topology.TestRecords.transmission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.domain.RoundTrip;
import org.rogatory.authorities.domain.ServiceTimeDistribution;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.timer.domain.CaseChange;

/**
 * The round trip (docs/nodes.md#the-round-trip): the requested node that grants a request for
 * evidence transmits it to its state's executing authority, which executes it and returns the
 * results; the node transmits them back over e-CODEX, and the requesting state's retrieval closes
 * the case. Every hop here takes a minute, the 24/7 point two officer hours, the executing authority three.
 */
class RoundTripTopologyTest {
    private static final String EXECUTOR = "KES-EXEC";
    private static final String CYBER_UNIT = "KES-CYBER";
    private static final long DAY = 24 * HOUR;

    private AuthoritiesDriver driver;
    private long tick;

    @BeforeEach
    void start() {
        start(minuteSteps());
    }

    private void start(TransportPolicy transport) {
        if (driver != null) {
            driver.close();
        }
        driver = new AuthoritiesDriver("authorities-round-trip-test",
                AuthoritiesTopology.build(roundTripBehaviours(), 72, 99, Set.of(), transport, SERDES));
        driver.directory.pipeInput(POC, pocEntry(), T0 - HOUR);
        driver.directory.pipeInput(EXECUTOR, executingAuthority(EXECUTOR, List.of()), T0 - HOUR);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    @DisplayName("a granted disclosure ends received by the requesting state, not EXECUTED at the requested node: every hop in order, with its node")
    void grantedDisclosureEndsReceivedByTheRequestingState() {
        driver.contactPoint.pipeInput(POC, request("C-1", RequestType.DISCLOSURE), T0);
        tickHourlyTo(T0 + DAY);
        List<TestRecord<String, CaseEvent>> out = driver.actions.readRecordsToList();
        assertThat(AuthoritiesTopologyTest.steps(out)).extracting(r -> r.value().getStatus(), r -> r.value().getNodeId(), TestRecord::timestamp)
                .containsExactly(
                        tuple(CaseStatus.DELIVERED, POC, T0 + 2 * MINUTE),
                        tuple(CaseStatus.ACKNOWLEDGED, POC, T0 + 3 * MINUTE),
                        tuple(CaseStatus.UNDER_REVIEW, POC, T0 + 3 * MINUTE),
                        tuple(CaseStatus.IN_EXECUTION, POC, T0 + 3 * MINUTE + 2 * HOUR),
                        // the minute's hop would arrive at 2:04, but the tick of 3:00 released it: taken at 3:00, three hours' work
                        tuple(CaseStatus.IN_EXECUTION, EXECUTOR, T0 + 3 * HOUR),
                        tuple(CaseStatus.IN_EXECUTION, EXECUTOR, T0 + 3 * HOUR),
                        tuple(CaseStatus.EXECUTED, EXECUTOR, T0 + 6 * HOUR),
                        // released by the tick of 6:00 itself, the return arrives a minute later
                        tuple(CaseStatus.EVIDENCE_TRANSMITTED, POC, T0 + 6 * HOUR + MINUTE),
                        tuple(CaseStatus.EVIDENCE_RECEIVED, "ALD-POC-247", T0 + 6 * HOUR + 4 * MINUTE));
        CaseEvent forwarded = AuthoritiesTopologyTest.steps(out).get(3).value();
        assertThat(forwarded.getReasonCodes()).containsExactly(RoundTrip.TRANSMITTED_FOR_EXECUTION);
        assertThat(forwarded.getDetail()).contains(EXECUTOR);
        assertThat(AuthoritiesTopologyTest.steps(out).subList(4, 6)).as("the executing authority's receipt, then its officer's start")
                .extracting(r -> r.value().getReasonCodes())
                .containsExactly(List.of(CaseChange.RECEIVED_FOR_EXECUTION), List.of(CaseChange.EXECUTION_STARTED));
        assertThat(out).as("one event id per step, though both keep IN_EXECUTION at one instant")
                .extracting(r -> r.value().getHeader().getEventId()).doesNotHaveDuplicates();
        List<TestRecord<String, CaseEvent>> back = out.stream()
                .filter(r -> r.value().getEvidence() != null && r.timestamp() > T0 + 5 * HOUR).toList();
        assertThat(back).extracting(r -> r.value().getEvidence().getType(), r -> r.value().getEvidence().getNode(), r -> r.value().getStatus())
                .containsExactly(
                        tuple(EvidenceType.RELAYED, "ALD-POC-247", CaseStatus.EVIDENCE_TRANSMITTED),
                        tuple(EvidenceType.DELIVERED, "ALD-POC-247", CaseStatus.EVIDENCE_TRANSMITTED),
                        tuple(EvidenceType.RETRIEVED, "ALD-POC-247", CaseStatus.EVIDENCE_RECEIVED));
        assertThat(back).extracting(r -> r.value().getEvidence().getMessageId()).containsOnly("m-C-1/results");
        assertThat(out).extracting(TestRecord::timestamp).isSorted();
        assertThat(driver.deadLetters.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a node played by a person: its forward for execution reaches the executing authority, and the results "
            + "come back through the node to the requesting state, as for a simulated node")
    void playedNodesRoundTrip() {
        driver.close();
        driver = new AuthoritiesDriver("authorities-round-trip-played-test",
                AuthoritiesTopology.build(roundTripBehaviours(), 72, 99, Set.of(POC), minuteSteps(), SERDES));
        driver.directory.pipeInput(POC, pocEntry(), T0 - HOUR);
        driver.directory.pipeInput(EXECUTOR, executingAuthority(EXECUTOR, List.of()), T0 - HOUR);
        driver.contactPoint.pipeInput(POC, request("C-1", RequestType.DISCLOSURE), T0);
        tick(T0 + HOUR);
        tick(T0 + 2 * HOUR);
        long forwarded = T0 + 2 * HOUR + 30 * MINUTE;
        driver.playerActions.pipeInput("C-1", CaseEvent.newBuilder().setHeader(TestRecords.header("player-C-1", "C-1", forwarded))
                .setStatus(CaseStatus.IN_EXECUTION).setNodeId(POC).setRequestType(RequestType.DISCLOSURE).build(), forwarded);
        for (long at = T0 + 3 * HOUR; at <= T0 + DAY; at += HOUR) {
            tick(at);
        }
        assertThat(AuthoritiesTopologyTest.steps(driver.actions.readRecordsToList()))
                .extracting(r -> r.value().getStatus(), r -> r.value().getNodeId(), TestRecord::timestamp)
                .containsExactly(
                        tuple(CaseStatus.DELIVERED, POC, T0 + 2 * MINUTE),
                        // the player's own step, relayed as written; the model sends the request on
                        tuple(CaseStatus.IN_EXECUTION, POC, forwarded),
                        tuple(CaseStatus.IN_EXECUTION, EXECUTOR, T0 + 3 * HOUR),
                        tuple(CaseStatus.IN_EXECUTION, EXECUTOR, T0 + 3 * HOUR),
                        tuple(CaseStatus.EXECUTED, EXECUTOR, T0 + 6 * HOUR),
                        tuple(CaseStatus.EVIDENCE_TRANSMITTED, POC, T0 + 6 * HOUR + MINUTE),
                        tuple(CaseStatus.EVIDENCE_RECEIVED, "ALD-POC-247", T0 + 6 * HOUR + 4 * MINUTE));
        assertThat(driver.deadLetters.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a preservation is kept at the requested state: EXECUTED by the 24/7 point, nothing transmitted for execution or back")
    void preservationTakesNoRoundTrip() {
        driver.contactPoint.pipeInput(POC, request("C-1", RequestType.PRESERVATION), T0);
        tickHourlyTo(T0 + DAY);
        assertThat(AuthoritiesTopologyTest.steps(driver.actions.readRecordsToList())).extracting(r -> r.value().getStatus())
                .containsExactly(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW, CaseStatus.EXECUTED);
    }

    @Test
    @DisplayName("a state with a cybercrime unit designated for disclosure sends its disclosures there, not to its prosecutor's office")
    void disclosureGoesToTheUnitDesignatedForIt() {
        driver.directory.pipeInput(CYBER_UNIT, executingAuthority(CYBER_UNIT, List.of(RequestType.DISCLOSURE)), T0 - HOUR);
        driver.contactPoint.pipeInput(POC, request("C-1", RequestType.DISCLOSURE), T0);
        tickHourlyTo(T0 + DAY);
        assertThat(AuthoritiesTopologyTest.steps(driver.actions.readRecordsToList()))
                .filteredOn(r -> r.value().getStatus() == CaseStatus.EXECUTED)
                .extracting(r -> r.value().getNodeId()).containsExactly(CYBER_UNIT);
    }

    @Test
    @DisplayName("the requesting state's system retrieves the results only after 30 h: NOT_RETRIEVED at the timeout, the late retrieval closes nothing")
    void resultsNotRetrievedInTime() {
        ServiceTimeDistribution minute = new ServiceTimeDistribution.Fixed(1 / 60.0);
        start(minuteSteps().with(Map.of(Channel.CENTRAL_AUTHORITY,
                new TransportPolicy.Steps(minute, minute, new ServiceTimeDistribution.Fixed(30))), DAY));
        driver.contactPoint.pipeInput(POC, request("C-1", RequestType.DISCLOSURE), T0);
        tickHourlyTo(T0 + 3 * DAY);
        List<TestRecord<String, CaseEvent>> back = driver.actions.readRecordsToList().stream()
                .filter(r -> r.value().getEvidence() != null && r.timestamp() > T0 + 5 * HOUR).toList();
        long transmitted = T0 + 6 * HOUR + MINUTE;
        assertThat(back).extracting(r -> r.value().getEvidence().getType(), TestRecord::timestamp, r -> r.value().getStatus())
                .containsExactly(
                        tuple(EvidenceType.RELAYED, transmitted + MINUTE, CaseStatus.EVIDENCE_TRANSMITTED),
                        tuple(EvidenceType.DELIVERED, transmitted + 2 * MINUTE, CaseStatus.EVIDENCE_TRANSMITTED),
                        tuple(EvidenceType.NOT_RETRIEVED, transmitted + DAY, CaseStatus.EVIDENCE_TRANSMITTED),
                        tuple(EvidenceType.RETRIEVED, transmitted + 2 * MINUTE + 30 * HOUR, CaseStatus.EVIDENCE_TRANSMITTED));
        assertThat(back.getLast().value().getReasonCodes()).contains("e-CODEX:LATE");
    }

    private static Transmission request(String caseId, RequestType type) {
        Transmission t = transmission(caseId, T0);
        t.getRequest().setRequestType(type);
        return t;
    }

    /** Ticks every hour, as a run's steps would: a hop reaches its node no earlier than the tick that released it. */
    private void tickHourlyTo(long until) {
        for (long at = T0 + HOUR; at <= until; at += HOUR) {
            tick(at);
        }
    }

    private void tick(long at) {
        driver.clock.pipeInput("clock", new ClockTick(Instant.ofEpochMilli(at), "test", tick++), at);
    }
}
