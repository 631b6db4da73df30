package org.rogatory.authorities.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.MINUTE;
import static org.rogatory.authorities.topology.TestRecords.POC;
import static org.rogatory.authorities.topology.TestRecords.SERDES;
import static org.rogatory.authorities.topology.TestRecords.T0;
import static org.rogatory.authorities.topology.TestRecords.channelOutage;
import static org.rogatory.authorities.topology.TestRecords.escalation;
import static org.rogatory.authorities.topology.TestRecords.minuteSteps;
import static org.rogatory.authorities.topology.TestRecords.outage;
import static org.rogatory.authorities.topology.TestRecords.pocEntry;
import static org.rogatory.authorities.topology.TestRecords.transmission;
import static org.rogatory.authorities.topology.TestRecords.twoHourContactPoints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.DeliveryEvidence;
import org.rogatory.testing.DomainCounts;

class AuthoritiesTopologyTest {

    private AuthoritiesDriver driver;
    private TestInputTopic<String, byte[]> rawI247;
    private long tick;

    @BeforeEach
    void start() {
        driver = newDriver();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private AuthoritiesDriver newDriver() {
        AuthoritiesDriver d = new AuthoritiesDriver("authorities-test",
                AuthoritiesTopology.build(twoHourContactPoints(), 72, 99, Set.of(), minuteSteps(), SERDES));
        d.directory.pipeInput(POC, pocEntry(), T0 - HOUR);
        rawI247 = d.rawInput(Topics.CHANNEL_I247, new StringSerializer(), new ByteArraySerializer());
        return d;
    }

    @Test
    @DisplayName("a transmission waits for the watermark, then travels a minute a step, and the node acknowledges and executes it in simulated time")
    void held_until_the_watermark() {
        driver.contactPoint.pipeInput(POC, transmission("C-1", T0 + HOUR), T0 + HOUR);
        tick(T0);
        assertTrue(driver.actions.isEmpty(), "nothing may happen before the watermark passes the arrival");
        tick(T0 + 10 * HOUR);
        List<TestRecord<String, CaseEvent>> all = driver.actions.readRecordsToList();
        List<TestRecord<String, CaseEvent>> out = steps(all);
        assertEquals(List.of(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW, CaseStatus.EXECUTED),
                out.stream().map(r -> r.value().getStatus()).toList());
        long retrieved = T0 + HOUR + 3 * MINUTE;
        assertEquals(List.of(T0 + HOUR + 2 * MINUTE, retrieved, retrieved, retrieved + 2 * HOUR),
                out.stream().map(r -> r.timestamp()).toList(), "record time is simulated time");
        assertEquals(List.of(EvidenceType.RELAYED, EvidenceType.DELIVERED, EvidenceType.RETRIEVED),
                all.stream().filter(r -> r.value().getEvidence() != null).map(r -> r.value().getEvidence().getType()).toList());
        CaseEvent executed = out.getLast().value();
        assertEquals("C-1", out.getLast().key());
        assertEquals(POC, executed.getNodeId());
        assertEquals(Channel.CONTACT_POINT_247, executed.getChannel());
        assertEquals("tx-C-1", executed.getHeader().getCausationId());
        assertEquals(CaseStatus.UNDER_REVIEW, executed.getPreviousStatus());
        assertEquals(Map.of("DELIVERED", 1L, "ACKNOWLEDGED", 1L, "UNDER_REVIEW", 1L, "EXECUTED", 1L),
                DomainCounts.of(driver.metrics(), "node-actions", "status"));
        assertEquals(Map.of("RELAYED", 1L, "DELIVERED", 1L, "RETRIEVED", 1L),
                DomainCounts.of(driver.metrics(), "delivery-evidence", "type"));
    }

    @Test
    @DisplayName("inputs are fed in simulated-time order whatever order they were read in")
    void simulated_time_order_not_read_order() {
        driver.contactPoint.pipeInput(POC, transmission("C-LATE", T0 + 2 * HOUR), T0 + 2 * HOUR);
        driver.contactPoint.pipeInput(POC, transmission("C-EARLY", T0 + HOUR), T0 + HOUR);
        tick(T0 + 20 * HOUR);
        assertEquals(List.of("C-EARLY", "C-LATE"), keysWith(CaseStatus.EXECUTED));
    }

    @Test
    @DisplayName("an escalation keyed by case id reaches the node and moves the case up its queue")
    void escalation_overtakes() {
        driver.contactPoint.pipeInput(POC, transmission("C-1", T0), T0);
        driver.contactPoint.pipeInput(POC, transmission("C-2", T0 + 60_000), T0 + 60_000);
        driver.contactPoint.pipeInput(POC, transmission("C-3", T0 + 120_000), T0 + 120_000);
        driver.escalations.pipeInput("C-3", escalation("C-3", T0 + HOUR / 2), T0 + HOUR / 2);
        tick(T0 + 20 * HOUR);
        assertEquals(List.of("C-1", "C-3", "C-2"), keysWith(CaseStatus.EXECUTED));
    }

    @Test
    @DisplayName("an escalation stamped exactly at a tick reaches the node at the same point whether it is read before or after that tick")
    void stamped_at_the_tick() {
        List<String> heardFirst = executedWithEscalationAtATick(true);
        driver.close();
        driver = newDriver();
        tick = 0;
        List<String> tickFirst = executedWithEscalationAtATick(false);
        assertEquals(List.of("C-1", "C-2", "C-3"), heardFirst.stream().sorted().toList());
        assertEquals(heardFirst, tickFirst);
    }

    /** Three cases queued at a one-officer point; C-1's review ends at T0 + 2 h, the instant of a tick and of C-3's escalation. */
    private List<String> executedWithEscalationAtATick(boolean escalationFirst) {
        driver.contactPoint.pipeInput(POC, transmission("C-1", T0), T0);
        driver.contactPoint.pipeInput(POC, transmission("C-2", T0 + 60_000), T0 + 60_000);
        driver.contactPoint.pipeInput(POC, transmission("C-3", T0 + 120_000), T0 + 120_000);
        tick(T0 + HOUR);
        long at = T0 + 2 * HOUR;
        if (escalationFirst) {
            driver.escalations.pipeInput("C-3", escalation("C-3", at), at);
            tick(at);
        } else {
            tick(at);
            driver.escalations.pipeInput("C-3", escalation("C-3", at), at);
        }
        tick(T0 + 20 * HOUR);
        return keysWith(CaseStatus.EXECUTED);
    }

    @Test
    @DisplayName("a node outage inject holds delivery and work until the node is back")
    void node_outage() {
        driver.injects.pipeInput(POC, outage(T0, T0 + 48 * HOUR), T0);
        driver.contactPoint.pipeInput(POC, transmission("C-1", T0 + HOUR), T0 + HOUR);
        tick(T0 + 60 * HOUR);
        List<TestRecord<String, CaseEvent>> out = driver.actions.readRecordsToList();
        assertEquals(T0 + 48 * HOUR, evidenceAt(out, EvidenceType.DELIVERED), "the node holds deliveries while it is down");
        assertEquals(T0 + 50 * HOUR + MINUTE, timeOf(out, CaseStatus.EXECUTED));
    }

    @Test
    @DisplayName("a message sent while its channel is down is delivered when the channel is back; other channels are not held")
    void channel_outage() {
        driver.injects.pipeInput(Channel.CONTACT_POINT_247.name(), channelOutage(Channel.CONTACT_POINT_247, T0, T0 + 48 * HOUR), T0);
        driver.contactPoint.pipeInput(POC, transmission("C-1", T0 + HOUR), T0 + HOUR);
        tick(T0 + 24 * HOUR);
        assertTrue(driver.actions.isEmpty(), "nothing is delivered while the channel is down");
        tick(T0 + 60 * HOUR);
        List<TestRecord<String, CaseEvent>> out = driver.actions.readRecordsToList();
        assertEquals(T0 + 48 * HOUR + MINUTE, evidenceAt(out, EvidenceType.RELAYED), "relayed once the channel is back");
        assertEquals(T0 + 50 * HOUR + 3 * MINUTE, timeOf(out, CaseStatus.EXECUTED));
        driver.injects.pipeInput(Channel.I247.name(), channelOutage(Channel.I247, T0 + 60 * HOUR, T0 + 90 * HOUR), T0 + 60 * HOUR);
        driver.contactPoint.pipeInput(POC, transmission("C-2", T0 + 61 * HOUR), T0 + 61 * HOUR);
        tick(T0 + 70 * HOUR);
        assertEquals(T0 + 61 * HOUR + 2 * MINUTE, timeOf(driver.actions.readRecordsToList(), CaseStatus.DELIVERED));
    }

    @Test
    @DisplayName("unreadable bytes, unknown nodes and empty escalations go to the dead-letter topic with their origin, counted by cause")
    void bad_input_is_dead_lettered() {
        rawI247.pipeInput(POC, new byte[] {0, 0, 0, 0, 42, 1, 2}, T0);
        driver.contactPoint.pipeInput("QQQ-NCB", transmission("C-9", T0, "QQQ-NCB"), T0);
        driver.escalations.pipeInput("C-8", null, T0);
        List<DeadLetter> letters = driver.deadLetters.readValuesToList();
        assertEquals(3, letters.size());
        assertEquals(Topics.CHANNEL_I247, letters.get(0).getSourceTopic());
        assertTrue(letters.get(0).getReason().startsWith("unreadable record"), letters.get(0).getReason());
        assertEquals("node 'QQQ-NCB' is not in the directory", letters.get(1).getReason());
        assertTrue(letters.get(2).getReason().contains("empty record where an Escalation was expected"), letters.get(2).getReason());
        assertEquals(Map.of("UNREADABLE", 1L, "UNKNOWN_REFERENCE", 1L, "EMPTY", 1L), DomainCounts.of(driver.metrics(), "dead-letters", "reason"));
    }

    @Test
    @DisplayName("the same inputs give the same node actions in a fresh topology")
    void deterministic() {
        Consumer<AuthoritiesTopologyTest> inputs = test -> {
            for (int i = 0; i < 30; i++) {
                long at = T0 + i * 20 * 60_000L;
                test.driver.contactPoint.pipeInput(POC, transmission("C-%02d".formatted(29 - i), at), at);
            }
            test.tick(T0 + 100 * HOUR);
        };
        inputs.accept(this);
        List<TestRecord<String, CaseEvent>> first = driver.actions.readRecordsToList();
        driver.close();
        driver = newDriver();
        tick = 0;
        inputs.accept(this);
        List<TestRecord<String, CaseEvent>> second = driver.actions.readRecordsToList();
        assertEquals(120, steps(first).size());
        assertEquals(180, first.size(), "each case's RELAYED and RETRIEVED ride on events of their own");
        assertEquals(first.stream().map(r -> r.key() + r.value() + r.timestamp()).toList(),
                second.stream().map(r -> r.key() + r.value() + r.timestamp()).toList());
    }

    private void tick(long at) {
        driver.clock.pipeInput("clock", new ClockTick(Instant.ofEpochMilli(at), "test", tick++), at);
    }

    private List<String> keysWith(CaseStatus status) {
        List<String> keys = new ArrayList<>();
        steps(driver.actions.readRecordsToList()).stream().filter(r -> r.value().getStatus() == status).forEach(r -> keys.add(r.key()));
        return keys;
    }

    private static long timeOf(List<TestRecord<String, CaseEvent>> out, CaseStatus status) {
        return steps(out).stream().filter(r -> r.value().getStatus() == status).findFirst().orElseThrow().timestamp();
    }

    private static long evidenceAt(List<TestRecord<String, CaseEvent>> out, EvidenceType type) {
        return out.stream().filter(r -> r.value().getEvidence() != null && r.value().getEvidence().getType() == type)
                .findFirst().orElseThrow().timestamp();
    }

    /** The case's steps, without the events that only record the transport. */
    static List<TestRecord<String, CaseEvent>> steps(List<TestRecord<String, CaseEvent>> out) {
        return out.stream().filter(r -> DeliveryEvidence.movesCase(
                r.value().getEvidence() == null ? null : r.value().getEvidence().getType(), r.value().getStatus())).toList();
    }
}
