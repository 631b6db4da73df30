package org.rogatory.authorities.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.SERDES;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.domain.Arrival;
import org.rogatory.authorities.domain.Authority;
import org.rogatory.authorities.scenario.LoadedScenario;
import org.rogatory.authorities.scenario.NodeBehaviourTable;
import org.rogatory.authorities.scenario.Scenario;
import org.rogatory.authorities.scenario.ScenarioLoader;
import org.rogatory.authorities.scenario.WorkloadSchedule;
import org.rogatory.authorities.scenario.WorkloadSchedule.Submission;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.OfficeHours;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;

/**
 * Ten days of the shipped mmc-queue workload through the topology, with a clock tick every six
 * hours, must give exactly what the node model gives when fed the same requests directly: the
 * inbox buffer, the watermark and the serdes add nothing and lose nothing.
 */
class TopologyMatchesNodeModelTest {
    private static final String NODE = "QUE-POC-247";
    private static final long DAYS = 10;

    @Test
    @DisplayName("mmc-queue, 10 days: the topology publishes exactly the node model's actions, at the same simulated times")
    void topology_equals_node_model() {
        LoadedScenario loaded = ScenarioLoader.load(Path.of("../../scenarios/mmc-queue.yaml"));
        Scenario scenario = loaded.scenario();
        long start = scenario.startAt().toEpochMilli();
        long end = start + DAYS * 24 * HOUR;
        List<Submission> submissions = WorkloadSchedule.of(scenario).stream().filter(s -> s.at() < end).toList();
        NodeBehaviourTable behaviours = new NodeBehaviourTable(scenario.nodeBehaviour());

        Authority direct = new NodeFactory(behaviours, 0, scenario.seed()).create(entry(), submissions.getFirst().at());
        for (Submission s : submissions) {
            direct.receive(new Arrival(s.caseId(scenario), s.stream().requestType(), s.stream().language(), s.at()));
        }
        List<String> expected = direct.advanceTo(end).stream()
                .map(a -> a.caseId() + " " + a.status() + " " + a.at()).toList();

        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "authorities-mmc");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(
                AuthoritiesTopology.build(behaviours, 0, scenario.seed(), SERDES), props)) {
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
            for (Submission s : submissions) {
                for (; nextTick <= s.at(); nextTick += 6 * HOUR) {
                    clock.pipeInput("clock", new ClockTick(Instant.ofEpochMilli(nextTick), "test", sequence++), nextTick);
                }
                channel.pipeInput(NODE, TestRecords.transmission(s.caseId(scenario), s.at(), NODE), s.at());
            }
            clock.pipeInput("clock", new ClockTick(Instant.ofEpochMilli(end), "test", sequence), end);
            List<String> published = new ArrayList<>();
            driver.createOutputTopic(Topics.NODE_ACTIONS, new StringDeserializer(), events.deserializer()).readRecordsToList()
                    .forEach(r -> published.add(r.key() + " " + r.value().getStatus() + " " + r.timestamp()));
            assertTrue(submissions.size() > 400, "about 48 requests a day: " + submissions.size());
            assertEquals(expected, published);
        }
    }

    private static DirectoryEntry entry() {
        return DirectoryEntry.newBuilder().setNodeId(NODE).setState("QUE").setRole(NodeRole.POC_247)
                .setHandles(List.of(RequestType.PRESERVATION)).setLanguages(List.of("en")).setTimeZone("UTC+00:00")
                .setHours(new OfficeHours(true, 0, 24)).setOfficers(3).build();
    }
}
