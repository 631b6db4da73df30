package org.rogatory.timer.topology;

import org.rogatory.testing.Contracts;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.ClockWarning;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.LadderPolicy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The case timer's topology under TopologyTestDriver, with the test world's directory loaded. */
final class TimerDriver implements AutoCloseable {

    static final Map<String, Object> SERDES = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://timer-test");

    final TopologyTestDriver driver;
    final TestInputTopic<String, CaseEvent> caseEvents;
    final TestInputTopic<String, CaseEvent> nodeActions;
    final TestInputTopic<String, byte[]> rawNodeActions;
    final TestInputTopic<String, ClockTick> clock;
    final TestInputTopic<String, DirectoryEntry> directory;
    final TestOutputTopic<String, CaseView> cases;
    final TestOutputTopic<String, Escalation> escalations;
    final TestOutputTopic<String, ClockWarning> warnings;
    final TestOutputTopic<String, DeadLetter> deadLetters;
    private long ticks;

    TimerDriver(boolean liaisonPosted) {
        this(ClockPolicy.defaults(), LadderPolicy.defaults(), liaisonPosted);
    }

    TimerDriver(ClockPolicy clocks, LadderPolicy ladder, boolean liaisonPosted) {
        this(clocks, ladder, liaisonPosted, CaseTimerTopology.StoreKind.PERSISTENT);
    }

    TimerDriver(ClockPolicy clocks, LadderPolicy ladder, boolean liaisonPosted, CaseTimerTopology.StoreKind stores) {
        this(clocks, ladder, liaisonPosted, stores, Duration.ZERO);
    }

    TimerDriver(ClockPolicy clocks, LadderPolicy ladder, boolean liaisonPosted, CaseTimerTopology.StoreKind stores,
                Duration watermarkGrace) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "case-timer-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("case-timer-ttd").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        driver = new TopologyTestDriver(CaseTimerTopology.build(clocks, ladder, SERDES, stores, 1, watermarkGrace), props, Instant.EPOCH);
        StringSerializer keys = new StringSerializer();
        StringDeserializer keysOut = new StringDeserializer();
        caseEvents = driver.createInputTopic(Topics.CASE_EVENTS, keys, TimerDriver.<CaseEvent>serde().serializer());
        nodeActions = driver.createInputTopic(Topics.NODE_ACTIONS, keys, TimerDriver.<CaseEvent>serde().serializer());
        rawNodeActions = driver.createInputTopic(Topics.NODE_ACTIONS, keys, new ByteArraySerializer());
        clock = driver.createInputTopic(Topics.CLOCK, keys, TimerDriver.<ClockTick>serde().serializer());
        directory = driver.createInputTopic(Topics.DIRECTORY, keys, TimerDriver.<DirectoryEntry>serde().serializer());
        cases = driver.createOutputTopic(Topics.CASES, keysOut, TimerDriver.<CaseView>serde().deserializer());
        escalations = driver.createOutputTopic(Topics.ESCALATIONS, keysOut, TimerDriver.<Escalation>serde().deserializer());
        warnings = driver.createOutputTopic(Topics.CLOCK_WARNINGS, keysOut, TimerDriver.<ClockWarning>serde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEADLETTER, keysOut, TimerDriver.<DeadLetter>serde().deserializer());
        for (DirectoryEntry node : Contracts.world(liaisonPosted)) {
            directory.pipeInput(node.getNodeId(), node, Instant.EPOCH);
        }
    }

    static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> serde() {
        return AvroSerdes.specific(SERDES, false);
    }

    TimerDriver route(CaseEvent routed) {
        caseEvents.pipeInput(routed.getHeader().getCaseId(), routed, routed.getHeader().getSimulatedTime());
        return this;
    }

    TimerDriver act(CaseEvent action) {
        nodeActions.pipeInput(action.getHeader().getCaseId(), action, action.getHeader().getSimulatedTime());
        return this;
    }

    TimerDriver tick(Instant at) {
        clock.pipeInput(null, ClockTick.newBuilder().setSimulatedTime(at).setSource("test").setSequence(ticks++).build(), at);
        return this;
    }

    /** Ticks every {@code step} from {@code from} (exclusive) to {@code to} (inclusive). */
    TimerDriver ticks(Instant from, Instant to, Duration step) {
        for (Instant t = from.plus(step); !t.isAfter(to); t = t.plus(step)) {
            tick(t);
        }
        return this;
    }

    CaseFile file(String caseId) {
        KeyValueStore<String, CaseFile> files = driver.getKeyValueStore(CaseTimerTopology.CASE_FILES_STORE);
        return files.get(caseId);
    }

    CaseView view(String caseId) {
        return CaseRecords.view(file(caseId));
    }

    List<Escalation> escalations() {
        return escalations.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
