package org.rogatory.authorities.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.MINUTE;
import static org.rogatory.authorities.topology.TestRecords.POC;
import static org.rogatory.authorities.topology.TestRecords.SERDES;
import static org.rogatory.authorities.topology.TestRecords.T0;
import static org.rogatory.authorities.topology.TestRecords.outage;
import static org.rogatory.authorities.topology.TestRecords.pocEntry;
import static org.rogatory.authorities.topology.TestRecords.transmission;
import static org.rogatory.authorities.topology.TestRecords.twoHourContactPoints;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.domain.NodeBacklog;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;
import org.rogatory.testing.MemoryStores;

/** The backlog store the authorities keep for {@code GET /nodes/{nodeId}/backlog}: alone, and through the topology (one officer, two hours per request). */
class BacklogViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopologyTestDriver driver;
    private TestInputTopic<String, Transmission> contactPoint;
    private TestInputTopic<String, Inject> injects;
    private TestInputTopic<String, ClockTick> clock;
    private KeyValueStore<String, String> backlogs;
    private long tick;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "backlog-view-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(AuthoritiesTopology.build(twoHourContactPoints(), 72, 99, Set.of(), TestRecords.minuteSteps(), SERDES), props);
        Serde<DirectoryEntry> entries = AvroSerdes.specific(SERDES, false);
        driver.createInputTopic(Topics.DIRECTORY, new StringSerializer(), entries.serializer()).pipeInput(POC, pocEntry(), T0 - HOUR);
        Serde<Transmission> t = AvroSerdes.specific(SERDES, false);
        Serde<Inject> i = AvroSerdes.specific(SERDES, false);
        Serde<ClockTick> c = AvroSerdes.specific(SERDES, false);
        contactPoint = driver.createInputTopic(Topics.CHANNEL_CONTACT_POINT_247, new StringSerializer(), t.serializer());
        injects = driver.createInputTopic(Topics.INJECTS, new StringSerializer(), i.serializer());
        clock = driver.createInputTopic(Topics.CLOCK, new StringSerializer(), c.serializer());
        backlogs = driver.getKeyValueStore(BacklogView.STORE);
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    @DisplayName("five requests ten minutes apart, three hours later: one done, one in service, three waiting since the third arrived")
    void queue() throws Exception {
        for (int i = 0; i < 5; i++) {
            long at = T0 + HOUR + i * 10 * MINUTE;
            contactPoint.pipeInput(POC, transmission("C-" + i, at), at);
        }
        tick(T0 + HOUR - 1);
        assertNull(backlogs.get(POC), "nothing reached the node before the watermark");
        // a minute a transport step: C-0 is reviewed from 01:03 to 03:03, C-1 from 03:03; C-2 (delivered 01:22), C-3, C-4 wait
        tick(T0 + 4 * HOUR);
        String expected = backlog(T0 + 4 * HOUR, 3, "\"" + Instant.ofEpochMilli(T0 + HOUR + 22 * MINUTE) + "\"",
                "{\"PRESERVATION\":3}", 1, 0, 1, false);
        assertEquals(JSON.readTree(expected), JSON.readTree(backlogs.get(POC)));

        tick(T0 + 4 * HOUR + 30 * MINUTE);
        assertEquals(JSON.readTree(expected), JSON.readTree(backlogs.get(POC)), "unchanged, so still dated by the change");
    }

    @Test
    @DisplayName("a request reaching a node that is down is held, and delivered when the node is back")
    void outage_holds_arrivals() throws Exception {
        injects.pipeInput(POC, outage(T0 + 5 * HOUR, T0 + 8 * HOUR), T0 + 5 * HOUR);
        contactPoint.pipeInput(POC, transmission("C-1", T0 + 6 * HOUR), T0 + 6 * HOUR);
        tick(T0 + 7 * HOUR);
        assertEquals(JSON.readTree(backlog(T0 + 7 * HOUR, 0, "null", "{}", 0, 1, 1, true)), JSON.readTree(backlogs.get(POC)));
        // back at 08:00: delivered, and reviewed until 10:00
        tick(T0 + 9 * HOUR);
        assertEquals(JSON.readTree(backlog(T0 + 9 * HOUR, 0, "null", "{}", 1, 0, 1, false)), JSON.readTree(backlogs.get(POC)));
    }

    @Test
    @DisplayName("alone: a backlog is stored when it differs from the last one stored, dated by the watermark of the change")
    void stored_on_change() throws Exception {
        KeyValueStore<String, String> store = MemoryStores.keyValue(BacklogView.STORE, Serdes.String(), Serdes.String());
        BacklogView view = new BacklogView(store);
        NodeBacklog two = new NodeBacklog(2, OptionalLong.of(T0), Map.of(RequestType.PRESERVATION, 2), 1, 0, 0, 0, 0, 1, 1, false);
        view.update(POC, two, T0 + HOUR);
        view.update(POC, two, T0 + 2 * HOUR);
        String expected = backlog(T0 + HOUR, 2, "\"" + Instant.ofEpochMilli(T0) + "\"", "{\"PRESERVATION\":2}", 1, 0, 1, false);
        assertEquals(JSON.readTree(expected), JSON.readTree(store.get(POC)));
        view.update(POC, new NodeBacklog(0, OptionalLong.empty(), Map.of(), 0, 1, 0, 0, 0, 1, 1, true), T0 + 3 * HOUR);
        assertEquals(JSON.readTree(backlog(T0 + 3 * HOUR, 0, "null", "{}", 0, 1, 1, true)), JSON.readTree(store.get(POC)));
    }

    private static String backlog(long since, int waiting, String oldest, String byType, int inService, int held, int officers,
                                  boolean down) {
        return """
                {"nodeId": "%s", "since": "%s",
                 "waiting": {"count": %d, "oldestSince": %s, "byRequestType": %s},
                 "inService": %d, "heldByOutage": %d,
                 "away": {"inTranslation": 0, "awaitingInformation": 0, "inConsultation": 0},
                 "staffing": {"officers": %d, "baseOfficers": 1, "down": %s}}
                """.formatted(POC, Instant.ofEpochMilli(since), waiting, oldest, byType, inService, held, officers, down);
    }

    private void tick(long at) {
        clock.pipeInput("clock", new ClockTick(Instant.ofEpochMilli(at), "test", tick++), at);
    }
}
