package org.rogatory.authorities.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.MINUTE;
import static org.rogatory.authorities.topology.TestRecords.POC;
import static org.rogatory.authorities.topology.TestRecords.SERDES;
import static org.rogatory.authorities.topology.TestRecords.T0;
import static org.rogatory.authorities.topology.TestRecords.minuteSteps;
import static org.rogatory.authorities.topology.TestRecords.outage;
import static org.rogatory.authorities.topology.TestRecords.pocEntry;
import static org.rogatory.authorities.topology.TestRecords.transmission;
import static org.rogatory.authorities.topology.TestRecords.twoHourContactPoints;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.domain.ServiceTimeDistribution;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.platform.topics.Topics;

/**
 * e-CODEX delivery evidence as the authorities record it (docs/domain.md#messaging; the e-CODEX
 * connector's evidence timeouts, 24 h each by default, counted from the submission's acceptance):
 * relayed, delivered and retrieved at distinct times; a silent step becomes negative evidence at
 * the timeout, a positive evidence after it does not revive the message; a message id seen
 * before is a duplicate and is not delivered twice.
 */
class ECodexDeliveryEvidenceTest {
    private static final long DAY = 24 * HOUR;

    private AuthoritiesDriver driver;
    private long tick;

    private void start(TransportPolicy transport) {
        driver = new AuthoritiesDriver("authorities-evidence-test",
                AuthoritiesTopology.build(twoHourContactPoints(), 72, 99, Set.of(), transport, SERDES));
        driver.directory.pipeInput(POC, pocEntry(), T0 - HOUR);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    @DisplayName("routed < relayed < delivered < retrieved, each drawn per case from the channel's default delays, every evidence naming the message")
    void distinctTimesFromTheDefaults() {
        start(TransportPolicy.DEFAULT);
        driver.contactPoint.pipeInput(POC, transmission("C-1", T0), T0);
        tick(T0 + 10 * HOUR);
        List<TestRecord<String, CaseEvent>> trail = evidence(driver.actions.readRecordsToList());
        assertThat(trail).extracting(r -> r.value().getEvidence().getType())
                .containsExactly(EvidenceType.RELAYED, EvidenceType.DELIVERED, EvidenceType.RETRIEVED);
        List<Long> times = trail.stream().map(TestRecord::timestamp).toList();
        assertThat(times.getFirst()).isGreaterThan(T0);
        assertThat(times).isSorted().doesNotHaveDuplicates();
        assertThat(times.getLast()).isLessThan(T0 + HOUR);
        assertThat(trail).extracting(r -> r.value().getEvidence().getMessageId()).containsOnly("m-C-1");
        assertThat(trail).extracting(r -> r.value().getEvidence().getAt().toEpochMilli()).isEqualTo(times);
    }

    @Test
    @DisplayName("a node down for two days: NOT_DELIVERED at acceptance + 24 h, then the late DELIVERED is recorded and moves nothing")
    void latePositiveAfterNegative() {
        start(minuteSteps());
        driver.injects.pipeInput(POC, outage(T0, T0 + 2 * DAY), T0);
        driver.contactPoint.pipeInput(POC, transmission("C-1", T0 + HOUR), T0 + HOUR);
        tick(T0 + 3 * DAY);
        List<TestRecord<String, CaseEvent>> out = driver.actions.readRecordsToList();
        assertThat(evidence(out)).extracting(r -> r.value().getEvidence().getType(), TestRecord::timestamp, r -> r.value().getStatus())
                .containsExactly(
                        tuple(EvidenceType.RELAYED, T0 + HOUR + MINUTE, CaseStatus.ROUTED),
                        tuple(EvidenceType.NOT_DELIVERED, T0 + HOUR + DAY, CaseStatus.ROUTED),
                        tuple(EvidenceType.DELIVERED, T0 + 2 * DAY, CaseStatus.ROUTED),
                        tuple(EvidenceType.RETRIEVED, T0 + 2 * DAY + MINUTE, CaseStatus.DELIVERED));
        CaseEvent lateDelivery = evidence(out).get(2).value();
        assertThat(lateDelivery.getReasonCodes()).contains("e-CODEX:LATE");
        assertThat(lateDelivery.getEvidence().getDetail()).contains("does not revive the message");
        assertThat(evidence(out).get(1).value().getEvidence().getDetail()).isEqualTo("not delivered within the timeout");
        assertThat(AuthoritiesTopologyTest.steps(out)).extracting(r -> r.value().getStatus())
                .doesNotContain(CaseStatus.DELIVERED).contains(CaseStatus.ACKNOWLEDGED, CaseStatus.EXECUTED);
        assertThat(driver.deadLetters.isEmpty()).isTrue();
    }

    @Test
    @DisplayName("a channel down for two days: the sender's gateway cannot relay, REJECTED at the timeout while the channel is still down, the relay after it is late")
    void rejectedWhenNotRelayed() {
        start(minuteSteps());
        driver.injects.pipeInput(Channel.CONTACT_POINT_247.name(), TestRecords.channelOutage(Channel.CONTACT_POINT_247, T0, T0 + 2 * DAY), T0);
        driver.contactPoint.pipeInput(POC, transmission("C-1", T0 + HOUR), T0 + HOUR);
        tick(T0 + DAY + 2 * HOUR);
        // published when the timeout runs out, not when the channel comes back
        assertThat(evidence(driver.actions.readRecordsToList())).extracting(r -> r.value().getEvidence().getType(), TestRecord::timestamp)
                .containsExactly(tuple(EvidenceType.REJECTED, T0 + HOUR + DAY));
        tick(T0 + 3 * DAY);
        assertThat(evidence(driver.actions.readRecordsToList())).extracting(r -> r.value().getEvidence().getType(), TestRecord::timestamp,
                        r -> r.value().getReasonCodes().contains("e-CODEX:LATE"))
                .containsExactly(
                        tuple(EvidenceType.RELAYED, T0 + 2 * DAY + MINUTE, true),
                        tuple(EvidenceType.DELIVERED, T0 + 2 * DAY + 2 * MINUTE, true),
                        tuple(EvidenceType.RETRIEVED, T0 + 2 * DAY + 3 * MINUTE, true));
    }

    @Test
    @DisplayName("the node's system retrieves it only after 30 h: NOT_RETRIEVED at the timeout, after a delivery in time")
    void notRetrieved() {
        ServiceTimeDistribution minute = new ServiceTimeDistribution.Fixed(1 / 60.0);
        start(minuteSteps().with(Map.of(Channel.CONTACT_POINT_247,
                new TransportPolicy.Steps(minute, minute, new ServiceTimeDistribution.Fixed(30))), DAY));
        driver.contactPoint.pipeInput(POC, transmission("C-1", T0), T0);
        tick(T0 + 3 * DAY);
        List<TestRecord<String, CaseEvent>> out = driver.actions.readRecordsToList();
        assertThat(evidence(out)).extracting(r -> r.value().getEvidence().getType(), TestRecord::timestamp)
                .containsExactly(
                        tuple(EvidenceType.RELAYED, T0 + MINUTE),
                        tuple(EvidenceType.DELIVERED, T0 + 2 * MINUTE),
                        tuple(EvidenceType.NOT_RETRIEVED, T0 + DAY),
                        tuple(EvidenceType.RETRIEVED, T0 + 2 * MINUTE + 30 * HOUR));
        assertThat(AuthoritiesTopologyTest.steps(out)).extracting(r -> r.value().getStatus()).startsWith(CaseStatus.DELIVERED);
    }

    @Test
    @DisplayName("the same message id sent again two hours later is recognised: dead-lettered with its id, delivered once")
    void duplicateByMessageId() {
        start(minuteSteps());
        driver.contactPoint.pipeInput(POC, transmission("C-1", T0), T0);
        driver.contactPoint.pipeInput(POC, transmission("C-1", T0 + 2 * HOUR), T0 + 2 * HOUR);
        tick(T0 + 10 * HOUR);
        assertThat(evidence(driver.actions.readRecordsToList())).extracting(r -> r.value().getEvidence().getType())
                .containsExactly(EvidenceType.RELAYED, EvidenceType.DELIVERED, EvidenceType.RETRIEVED);
        DeadLetter letter = driver.deadLetters.readValue();
        assertThat(letter.getReason()).contains("duplicate message 'm-C-1' (messageId)").contains("not delivered again");
        assertThat(letter.getSourceTopic()).isEqualTo(Topics.CHANNEL_CONTACT_POINT_247);
        assertThat(driver.deadLetters.isEmpty()).isTrue();
    }

    private static List<TestRecord<String, CaseEvent>> evidence(List<TestRecord<String, CaseEvent>> out) {
        return out.stream().filter(r -> r.value().getEvidence() != null).toList();
    }

    private void tick(long at) {
        driver.clock.pipeInput("clock", new ClockTick(Instant.ofEpochMilli(at), "test", tick++), at);
    }
}
