package org.rogatory.authorities.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.POC;
import static org.rogatory.authorities.topology.TestRecords.SERDES;
import static org.rogatory.authorities.topology.TestRecords.T0;
import static org.rogatory.authorities.topology.TestRecords.header;
import static org.rogatory.authorities.topology.TestRecords.pocEntry;
import static org.rogatory.authorities.topology.TestRecords.transmission;
import static org.rogatory.authorities.topology.TestRecords.twoHourContactPoints;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.topics.Topics;
import org.rogatory.testing.DomainCounts;

/** Nodes that people play (issue 12): no model acts for them, and what their players do is relayed to coop.node-driver.actions. */
class PlayedNodesTopologyTest {
    /** A 24/7 point of the same kind as the simulated one, played by a person. */
    private static final String PLAYED = "KES-POC-PLAYED";

    private AuthoritiesDriver driver;

    @BeforeEach
    void start() {
        driver = new AuthoritiesDriver("played-nodes-test",
                AuthoritiesTopology.build(twoHourContactPoints(), 72, 99, Set.of(PLAYED), TransportPolicy.DEFAULT, SERDES));
        driver.directory.pipeInput(POC, pocEntry(), T0 - HOUR);
        driver.directory.pipeInput(PLAYED, DirectoryEntry.newBuilder(pocEntry()).setNodeId(PLAYED).build(), T0 - HOUR);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    @DisplayName("a request to a played node is delivered (transport evidence) and gets no other step from the simulated"
            + " nodes, while the simulated node beside it works its own")
    void simulated_nodes_only_deliver_to_a_played_node() {
        driver.contactPoint.pipeInput(PLAYED, transmission("C-PLAYED", T0, PLAYED), T0);
        driver.contactPoint.pipeInput(POC, transmission("C-SIMULATED", T0, POC), T0);
        driver.clock.pipeInput("clock", new ClockTick(Instant.ofEpochMilli(T0 + 10 * HOUR), "test", 1L), T0 + 10 * HOUR);

        List<TestRecord<String, CaseEvent>> out = driver.actions.readRecordsToList();
        assertEquals(List.of(CaseStatus.DELIVERED), AuthoritiesTopologyTest.steps(out).stream().filter(r -> r.key().equals("C-PLAYED"))
                .map(r -> r.value().getStatus()).toList());
        assertEquals(PLAYED, out.stream().filter(r -> r.key().equals("C-PLAYED")).findFirst().orElseThrow().value().getNodeId());
        assertEquals(List.of(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW, CaseStatus.EXECUTED),
                AuthoritiesTopologyTest.steps(out).stream().filter(r -> r.key().equals("C-SIMULATED")).map(r -> r.value().getStatus()).toList());
        assertTrue(driver.deadLetters.isEmpty());
    }

    @Test
    @DisplayName("a player's action is relayed to coop.node-actions as written, at its own time")
    void relays_a_players_action() {
        CaseEvent acknowledged = action("C-PLAYED", PLAYED, CaseStatus.ACKNOWLEDGED, T0 + HOUR);
        driver.playerActions.pipeInput("C-PLAYED", acknowledged, T0 + HOUR);

        TestRecord<String, CaseEvent> relayed = driver.actions.readRecord();
        assertEquals("C-PLAYED", relayed.key());
        assertEquals(acknowledged, relayed.value());
        assertEquals(T0 + HOUR, relayed.timestamp());
        assertTrue(driver.actions.isEmpty());
        assertTrue(driver.deadLetters.isEmpty());
        assertEquals(Map.of("ACKNOWLEDGED", 1L), DomainCounts.of(driver.metrics(), "player-actions", "status"));
    }

    @Test
    @DisplayName("an action for a simulated node, a miskeyed one and an empty record are dead-lettered, not relayed")
    void refuses_what_is_not_a_players() {
        driver.playerActions.pipeInput("C-SIMULATED", action("C-SIMULATED", POC, CaseStatus.ACKNOWLEDGED, T0), T0);
        driver.playerActions.pipeInput("C-OTHER", action("C-PLAYED", PLAYED, CaseStatus.ACKNOWLEDGED, T0), T0);
        driver.playerActions.pipeInput("C-EMPTY", null, T0);

        assertTrue(driver.actions.isEmpty());
        List<DeadLetter> letters = driver.deadLetters.readValuesToList();
        assertEquals(List.of("node '" + POC + "' is not played by a person in this exercise: the simulated nodes act for it",
                "record key 'C-OTHER' is not the case id 'C-PLAYED'", "empty record where a CaseEvent was expected"),
                letters.stream().map(DeadLetter::getReason).toList());
        assertEquals(Set.of(Topics.PLAYER_ACTIONS), Set.copyOf(letters.stream().map(DeadLetter::getSourceTopic).toList()));
        assertEquals(Map.of("REJECTED", 1L, "MISKEYED", 1L, "EMPTY", 1L), DomainCounts.of(driver.metrics(), "dead-letters", "reason"));
    }

    private static CaseEvent action(String caseId, String node, CaseStatus status, long at) {
        return CaseEvent.newBuilder().setHeader(header("player-" + caseId, caseId, at)).setStatus(status).setNodeId(node)
                .setRequestType(RequestType.PRESERVATION).build();
    }
}
