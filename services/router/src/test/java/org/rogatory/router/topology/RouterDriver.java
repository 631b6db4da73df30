package org.rogatory.router.topology;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.topics.Topics;
import org.rogatory.router.domain.PublishedWorld;
import org.rogatory.router.domain.RoutingParameters;

import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** The router topology in a TopologyTestDriver, with a mock registry and the given world published. */
final class RouterDriver implements AutoCloseable {

    final Map<String, Object> registry = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://router-test-" + UUID.randomUUID());
    final RouterSerdes serdes = RouterSerdes.avro(registry);
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> requests;
    final TestInputTopic<String, DirectoryEntry> directory;
    final TestInputTopic<String, TreatyMembership> treaties;
    final TestInputTopic<String, CaseEvent> nodeActions;
    final TestOutputTopic<String, CaseEvent> caseEvents;
    final TestOutputTopic<String, DeadLetter> deadLetters;

    RouterDriver(PublishedWorld world) throws Exception {
        this(world, world.parameters());
    }

    /** The world published, the router configured with {@code parameters} (a scenario's, say). */
    RouterDriver(PublishedWorld world, RoutingParameters parameters) throws Exception {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "router-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("router-ttd").toString());
        driver = new TopologyTestDriver(RouterTopology.build(new RouterSettings(parameters), serdes), props,
            Instant.ofEpochMilli(world.effectiveFrom()));
        requests = driver.createInputTopic(Topics.REQUESTS_SUBMITTED, new ByteArraySerializer(), new ByteArraySerializer());
        directory = driver.createInputTopic(Topics.DIRECTORY, new StringSerializer(), serdes.directory().serializer());
        treaties = driver.createInputTopic(Topics.TREATIES, new StringSerializer(), serdes.treaties().serializer());
        nodeActions = driver.createInputTopic(Topics.NODE_ACTIONS, new StringSerializer(), serdes.caseEvents().serializer());
        caseEvents = driver.createOutputTopic(Topics.CASE_EVENTS, new StringDeserializer(), serdes.caseEvents().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DEADLETTER, new StringDeserializer(), serdes.deadLetters().deserializer());
        world.directoryByKey().forEach((key, entry) -> directory.pipeInput(key, entry, world.effectiveFrom()));
        world.treatiesByKey().forEach((key, membership) -> treaties.pipeInput(key, membership, world.effectiveFrom()));
    }

    /** Submits the request, encoded as the simulator would, at {@code time}. */
    byte[] submit(CooperationRequest request, long time) {
        byte[] value = serdes.requests().serializer().serialize(Topics.REQUESTS_SUBMITTED, request);
        requests.pipeInput(request.getHeader().getCaseId().getBytes(), value, time);
        return value;
    }

    /** A node's step {@code status} on the case at {@code node}, stamped {@code time}, as the authorities write it. */
    void nodeAction(String caseId, CaseStatus status, String node, long time) {
        nodeActions.pipeInput(caseId, CaseEvent.newBuilder()
            .setHeader(EventHeader.newBuilder().setEventId(caseId + "/" + status + "@" + time).setCaseId(caseId).setCorrelationId(caseId)
                .setCausationId(caseId).setSimulatedTime(Instant.ofEpochMilli(time)).setSourceNode(node)
                .setClassification(Classification.RESTRICTED).build())
            .setStatus(status).setNodeId(node).setRequestType(RequestType.POLICE_INFORMATION).setReasonCodes(List.of())
            .build(), time);
    }

    TestOutputTopic<String, Transmission> channel(Channel channel) {
        return driver.createOutputTopic(Topics.forChannel(channel), new StringDeserializer(), serdes.transmissions().deserializer());
    }

    /** Every transmission written so far, on any channel topic. */
    List<TestRecord<String, Transmission>> transmissions() {
        List<TestRecord<String, Transmission>> all = new ArrayList<>();
        for (Channel channel : List.of(Channel.CENTRAL_AUTHORITY, Channel.CONTACT_POINT_247, Channel.I247, Channel.DIPLOMATIC)) {
            all.addAll(channel(channel).readRecordsToList());
        }
        return all;
    }

    @Override
    public void close() {
        driver.close();
    }
}
