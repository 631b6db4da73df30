package org.rogatory.authorities.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.SERDES;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.domain.ExecutionRoute;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.authorities.domain.Arrival;
import org.rogatory.authorities.domain.Authority;
import org.rogatory.authorities.domain.ECodexTransport;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.authorities.domain.PoissonArrivals;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.OfficeHours;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;

/**
 * Ten days of the mmc-queue workload (scenarios/mmc-queue.yaml: 48 requests a day, Poisson, to one
 * node of three officers with exponential service of mean one hour) through the topology, with a clock tick every six
 * hours, must give exactly what the node model gives when fed the same requests directly: the
 * inbox buffer, the watermark and the serdes add nothing and lose nothing.
 */
class TopologyMatchesNodeModelTest {
    private static final String NODE = "QUE-POC-247";
    private static final long DAYS = 10;
    private static final long SEED = 4242;

    @Test
    @DisplayName("mmc-queue, 10 days: the topology publishes exactly the node model's actions, at the same simulated times")
    void topology_equals_node_model() {
        long start = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
        long end = start + DAYS * 24 * HOUR;
        List<Long> times = PoissonArrivals.times(SEED, "src-to-que-preservation", 48 / 24.0, start, end);
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            caseIds.add(String.format("mmc-queue/src-to-que-preservation/%04d", i));
        }
        NodeBehaviourTable behaviours = TestRecords.mmcQueueNode(NODE);

        NodeFactory factory = new NodeFactory(behaviours, 0, SEED, java.util.Set.of(), TransportPolicy.DEFAULT);
        Authority direct = factory.create(entry(), times.getFirst(), ExecutionRoute.NONE);
        ECodexTransport transport = factory.transport(NODE);
        for (int i = 0; i < times.size(); i++) {
            transport.send("m-" + caseIds.get(i), Channel.CONTACT_POINT_247, times.get(i), times.get(i),
                    new Arrival(caseIds.get(i), RequestType.PRESERVATION, "en", times.get(i))).ifPresent(direct::receive);
        }
        List<String> expected = transport.advanceTo(end, direct.advanceTo(end)).stream()
                .map(a -> a.caseId() + " " + a.status() + " " + a.evidence() + " " + a.at()).toList();

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "authorities-mmc");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(
                AuthoritiesTopology.build(behaviours, 0, SEED, Set.of(), TransportPolicy.DEFAULT, SERDES), props)) {
            Serde<DirectoryEntry> entries = AvroSerdes.specific(SERDES, false);
            Serde<Transmission> transmissions = AvroSerdes.specific(SERDES, false);
            Serde<ClockTick> ticks = AvroSerdes.specific(SERDES, false);
            Serde<CaseEvent> events = AvroSerdes.specific(SERDES, false);
            driver.createInputTopic(Topics.DIRECTORY, new StringSerializer(), entries.serializer()).pipeInput(NODE, entry(), start);
            TestInputTopic<String, Transmission> channel = driver.createInputTopic(Topics.CHANNEL_CONTACT_POINT_247,
                    new StringSerializer(), transmissions.serializer());
            TestInputTopic<String, ClockTick> clock = driver.createInputTopic(Topics.CLOCK, new StringSerializer(), ticks.serializer());
            long nextTick = start + 6 * HOUR;
            long sequence = 0;
            for (int i = 0; i < times.size(); i++) {
                long at = times.get(i);
                for (; nextTick <= at; nextTick += 6 * HOUR) {
                    clock.pipeInput("clock", new ClockTick(Instant.ofEpochMilli(nextTick), "test", sequence++), nextTick);
                }
                channel.pipeInput(NODE, TestRecords.transmission(caseIds.get(i), at, NODE), at);
            }
            clock.pipeInput("clock", new ClockTick(Instant.ofEpochMilli(end), "test", sequence), end);
            List<String> published = new ArrayList<>();
            driver.createOutputTopic(Topics.NODE_ACTIONS, new StringDeserializer(), events.deserializer()).readRecordsToList()
                    .forEach(r -> published.add(r.key() + " " + r.value().getStatus() + " "
                            + (r.value().getEvidence() == null ? null : r.value().getEvidence().getType()) + " " + r.timestamp()));
            assertTrue(times.size() > 400, "about 48 requests a day: " + times.size());
            assertEquals(expected, published);
        }
    }

    private static DirectoryEntry entry() {
        return DirectoryEntry.newBuilder().setNodeId(NODE).setState("QUE").setRole(NodeRole.POC_247)
                .setHandles(List.of(RequestType.PRESERVATION)).setLanguages(List.of("en")).setTimeZone("UTC+00:00")
                .setHours(new OfficeHours(true, 0, 24)).setOfficers(3).build();
    }
}
