package org.rogatory.authorities.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.MINUTE;
import static org.rogatory.authorities.topology.TestRecords.POC;
import static org.rogatory.authorities.topology.TestRecords.SERDES;
import static org.rogatory.authorities.topology.TestRecords.T0;
import static org.rogatory.authorities.topology.TestRecords.minuteSteps;
import static org.rogatory.authorities.topology.TestRecords.pocEntry;
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
import org.rogatory.authorities.domain.NodeBehaviourRule;
import org.rogatory.authorities.domain.NodeBehaviourRule.Match;
import org.rogatory.authorities.domain.NodeBehaviourRule.Outcomes;
import org.rogatory.authorities.domain.NodeBehaviourRule.ServiceTimes;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.authorities.domain.Procedure;
import org.rogatory.authorities.domain.RoundTrip;
import org.rogatory.authorities.domain.ServiceTimeDistribution;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.OfficeHours;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;

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
        Procedure minuteHops = new Procedure(0, 0.9, 240, 0, 720, 0, 168, Procedure.DEFAULT_PRESERVATION_PERIOD_HOURS, 0, 0);
        Outcomes executeAll = new Outcomes(0, 0, 0, 0, Map.of());
        NodeBehaviourTable behaviours = new NodeBehaviourTable(List.of(
                new NodeBehaviourRule(new Match(null, NodeRole.POC_247, null), null,
                        new ServiceTimes(Map.of(), new ServiceTimeDistribution.Fixed(2.0)), executeAll, null, null, null, null, minuteHops),
                new NodeBehaviourRule(new Match(null, NodeRole.EXECUTING_AUTHORITY, null), null,
                        new ServiceTimes(Map.of(), new ServiceTimeDistribution.Fixed(3.0)), executeAll, null, null, null, null, minuteHops)));
        driver = new AuthoritiesDriver("authorities-round-trip-test",
                AuthoritiesTopology.build(behaviours, 72, 99, Set.of(), transport, SERDES));
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
        tick(T0 + DAY);
        List<TestRecord<String, CaseEvent>> out = driver.actions.readRecordsToList();
        assertThat(AuthoritiesTopologyTest.steps(out)).extracting(r -> r.value().getStatus(), r -> r.value().getNodeId(), TestRecord::timestamp)
                .containsExactly(
                        tuple(CaseStatus.DELIVERED, POC, T0 + 2 * MINUTE),
                        tuple(CaseStatus.ACKNOWLEDGED, POC, T0 + 3 * MINUTE),
                        tuple(CaseStatus.UNDER_REVIEW, POC, T0 + 3 * MINUTE),
                        tuple(CaseStatus.IN_EXECUTION, POC, T0 + 3 * MINUTE + 2 * HOUR),
                        tuple(CaseStatus.EXECUTED, EXECUTOR, T0 + 4 * MINUTE + 5 * HOUR),
                        tuple(CaseStatus.EVIDENCE_TRANSMITTED, POC, T0 + 5 * MINUTE + 5 * HOUR),
                        tuple(CaseStatus.EVIDENCE_RECEIVED, "ALD-POC-247", T0 + 8 * MINUTE + 5 * HOUR));
        CaseEvent forwarded = AuthoritiesTopologyTest.steps(out).get(3).value();
        assertThat(forwarded.getReasonCodes()).containsExactly(RoundTrip.TRANSMITTED_FOR_EXECUTION);
        assertThat(forwarded.getDetail()).contains(EXECUTOR);
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
    @DisplayName("a preservation is kept at the requested state: EXECUTED by the 24/7 point, nothing transmitted for execution or back")
    void preservationTakesNoRoundTrip() {
        driver.contactPoint.pipeInput(POC, request("C-1", RequestType.PRESERVATION), T0);
        tick(T0 + DAY);
        assertThat(AuthoritiesTopologyTest.steps(driver.actions.readRecordsToList())).extracting(r -> r.value().getStatus())
                .containsExactly(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW, CaseStatus.EXECUTED);
    }

    @Test
    @DisplayName("a state with a cybercrime unit designated for disclosure sends its disclosures there, not to its prosecutor's office")
    void disclosureGoesToTheUnitDesignatedForIt() {
        driver.directory.pipeInput(CYBER_UNIT, executingAuthority(CYBER_UNIT, List.of(RequestType.DISCLOSURE)), T0 - HOUR);
        driver.contactPoint.pipeInput(POC, request("C-1", RequestType.DISCLOSURE), T0);
        tick(T0 + DAY);
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
        tick(T0 + 3 * DAY);
        List<TestRecord<String, CaseEvent>> back = driver.actions.readRecordsToList().stream()
                .filter(r -> r.value().getEvidence() != null && r.timestamp() > T0 + 5 * HOUR).toList();
        long transmitted = T0 + 5 * MINUTE + 5 * HOUR;
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

    private static DirectoryEntry executingAuthority(String nodeId, List<RequestType> handles) {
        return DirectoryEntry.newBuilder().setNodeId(nodeId).setState("KES").setRole(NodeRole.EXECUTING_AUTHORITY)
                .setHandles(handles).setLanguages(List.of("en")).setTimeZone("UTC+08:00")
                .setHours(new OfficeHours(true, 0, 24)).setOfficers(1).build();
    }

    private void tick(long at) {
        driver.clock.pipeInput("clock", new ClockTick(Instant.ofEpochMilli(at), "test", tick++), at);
    }
}
