package org.rogatory.router;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.registry.SchemaRegistryServer;
import org.rogatory.platform.service.ServiceHost;
import org.rogatory.platform.service.StreamService;

import org.rogatory.router.domain.ShallowCopy;
import org.rogatory.router.topology.RouterSerdes;
import org.rogatory.testing.DockerRequirement;
import org.rogatory.testing.OfflineKafka;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rogatory.router.domain.Fixtures.DAY;
import static org.rogatory.router.domain.Fixtures.T0;
import static org.rogatory.router.domain.Fixtures.WORLD;
import static org.rogatory.router.domain.Fixtures.request;

/**
 * The router on a real broker (the offline Kafka container) with the project's schema registry
 * over HTTP. Without Docker it is skipped with the reason, and fails under CI=true.
 */
@DisplayName("Router on a real broker with the schema registry")
class RouterIT {

    private static final Logger LOG = LoggerFactory.getLogger(RouterIT.class);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final long DESIGNATED_AT = T0 + 30 * DAY;

    private static SchemaRegistryServer registry;
    private static ServiceHost router;
    private static String bootstrap;
    private static RouterSerdes serdes;

    @BeforeAll
    static void start() {
        DockerRequirement.assumeDocker();
        bootstrap = OfflineKafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicCatalogue.ensure(admin, TopicCatalogue.DEFAULT_PARTITIONS);
        }
        registry = SchemaRegistryServer.start(bootstrap, 0);
        serdes = RouterSerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()));
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            WORLD.directoryByKey().forEach((key, entry) -> producer.send(new ProducerRecord<>(Topics.DIRECTORY, null,
                WORLD.effectiveFrom(), key.getBytes(StandardCharsets.UTF_8), serdes.directory().serializer().serialize(Topics.DIRECTORY, entry))));
            WORLD.treatiesByKey().forEach((key, membership) -> producer.send(new ProducerRecord<>(Topics.TREATIES, null,
                WORLD.effectiveFrom(), key.getBytes(StandardCharsets.UTF_8), serdes.treaties().serializer().serialize(Topics.TREATIES, membership))));
            // A designation a month into the exercise: Halvessa names an extradition authority.
            DirectoryEntry designation = ShallowCopy.of(WORLD.directoryByKey().get("HAL-CA-MLA"), DirectoryEntry::new);
            designation.setNodeId("HAL-CA-EXT");
            designation.setRole(NodeRole.CA_EXT);
            designation.setHandles(List.of(RequestType.EXTRADITION));
            producer.send(new ProducerRecord<>(Topics.DIRECTORY, null, DESIGNATED_AT, "HAL-CA-EXT".getBytes(StandardCharsets.UTF_8),
                serdes.directory().serializer().serialize(Topics.DIRECTORY, designation)));
        }
        // The router as the application runs it: its settings file, its stream, its health.
        Map<String, Object> settings = new HashMap<>(RouterConfiguration.properties(WORLD.parameters()));
        settings.put("kafka.bootstrap.servers", bootstrap);
        settings.put("kafka.schema.registry.url", registry.url());
        settings.put("kafka.streams.router.application.id", "router-it-" + RUN);
        settings.put(StreamService.enabledProperty(RouterStream.NAME), true);
        router = ServiceHost.start(settings, List.of(), false, Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() {
        if (router != null) {
            router.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    /** What one input should become. */
    private enum Fate { ROUTED, REFUSED, DEAD_LETTER }

    /** An input and its expected fate; {@code encode} gives the value bytes for a case id (null: a tombstone). */
    private record Template(Fate fate, Function<String, byte[]> encode) {
    }

    @Test
    @DisplayName("every input is routed, refused or dead-lettered exactly once: count in = routed + refused + dead-lettered")
    void countsBalance() {
        List<Template> templates = templates();
        int rounds = 10;
        Map<String, Fate> expected = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (int round = 0; round < rounds; round++) {
                for (int t = 0; t < templates.size(); t++) {
                    String caseId = "IT-" + RUN + "-" + round + "-" + t;
                    expected.put(caseId, templates.get(t).fate());
                    byte[] value = templates.get(t).encode().apply(caseId);
                    producer.send(new ProducerRecord<>(Topics.REQUESTS_SUBMITTED, null, T0 + round * DAY + t,
                        caseId.getBytes(StandardCharsets.UTF_8), value));
                }
            }
        }
        Map<String, List<Fate>> seen = new HashMap<>();
        List<String> transmittedCases = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CASE_EVENTS, Topics.DEADLETTER, Topics.CHANNEL_CENTRAL_AUTHORITY,
                Topics.CHANNEL_CONTACT_POINT_247, Topics.CHANNEL_I247, Topics.CHANNEL_DIPLOMATIC));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    collect(record, expected.keySet(), seen, transmittedCases);
                }
                return seen.values().stream().mapToInt(List::size).sum() >= expected.size();
            });
            // Anything late would be a duplicate: drain once more before counting.
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> collect(record, expected.keySet(), seen, transmittedCases));
        }
        Map<Fate, Long> in = expected.values().stream().collect(Collectors.groupingBy(f -> f, Collectors.counting()));
        Map<Fate, Long> out = seen.values().stream().flatMap(List::stream).collect(Collectors.groupingBy(f -> f, Collectors.counting()));
        LOG.info("in {} = routed {} + refused {} + dead-lettered {}", expected.size(), out.get(Fate.ROUTED), out.get(Fate.REFUSED), out.get(Fate.DEAD_LETTER));
        assertEquals(expected.size(), seen.values().stream().mapToInt(List::size).sum(), "count in = routed + refused + dead-lettered");
        assertEquals(in, out);
        expected.forEach((caseId, fate) -> assertEquals(List.of(fate), seen.get(caseId), caseId));
        assertEquals(Set.copyOf(transmittedCases).size(), transmittedCases.size(), "one transmission per routed case");
        assertEquals(in.get(Fate.ROUTED), (long) transmittedCases.size());
    }

    @Test
    @DisplayName("rule 2 on a real broker: a designation at t changes the route of requests stamped after t, not before")
    void designationChange() {
        CooperationRequest before = withCase(request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "HAL").build(), "DC-" + RUN + "-before");
        CooperationRequest after = withCase(request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "HAL").build(), "DC-" + RUN + "-after");
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.REQUESTS_SUBMITTED, null, DESIGNATED_AT - 1, before.getHeader().getCaseId().getBytes(),
                serdes.requests().serializer().serialize(Topics.REQUESTS_SUBMITTED, before)));
            producer.send(new ProducerRecord<>(Topics.REQUESTS_SUBMITTED, null, DESIGNATED_AT + 1, after.getHeader().getCaseId().getBytes(),
                serdes.requests().serializer().serialize(Topics.REQUESTS_SUBMITTED, after)));
        }
        Map<String, String> routedTo = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.CHANNEL_DIPLOMATIC, Topics.CHANNEL_CENTRAL_AUTHORITY));
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Transmission transmission = serdes.transmissions().deserializer().deserialize(record.topic(), record.value());
                    if (transmission.getHeader().getCaseId().startsWith("DC-" + RUN)) {
                        routedTo.put(transmission.getHeader().getCaseId(), record.topic() + " " + new String(record.key(), StandardCharsets.UTF_8));
                    }
                }
                return routedTo.size() == 2;
            });
        }
        assertEquals(Topics.CHANNEL_DIPLOMATIC + " HAL-MFA", routedTo.get(before.getHeader().getCaseId()));
        assertEquals(Topics.CHANNEL_CENTRAL_AUTHORITY + " HAL-CA-EXT", routedTo.get(after.getHeader().getCaseId()));
    }

    private static void collect(ConsumerRecord<byte[], byte[]> record, Set<String> ours, Map<String, List<Fate>> seen, List<String> transmitted) {
        switch (record.topic()) {
            case Topics.CASE_EVENTS -> {
                CaseEvent event = serdes.caseEvents().deserializer().deserialize(record.topic(), record.value());
                String caseId = event.getHeader().getCaseId();
                if (ours.contains(caseId)) {
                    seen.computeIfAbsent(caseId, k -> new ArrayList<>()).add(event.getStatus() == CaseStatus.ROUTED ? Fate.ROUTED : Fate.REFUSED);
                }
            }
            case Topics.DEADLETTER -> {
                DeadLetter dead = serdes.deadLetters().deserializer().deserialize(record.topic(), record.value());
                String caseId = dead.getKey() == null ? "" : StandardCharsets.UTF_8.decode(dead.getKey().duplicate()).toString();
                if (ours.contains(caseId)) {
                    seen.computeIfAbsent(caseId, k -> new ArrayList<>()).add(Fate.DEAD_LETTER);
                }
            }
            default -> {
                Transmission transmission = serdes.transmissions().deserializer().deserialize(record.topic(), record.value());
                if (ours.contains(transmission.getHeader().getCaseId())) {
                    transmitted.add(transmission.getHeader().getCaseId());
                }
            }
        }
    }

    /** One input of every kind: each type of the request table, each refusal ground the router decides, each kind of bad input. */
    private static List<Template> templates() {
        List<Template> templates = new ArrayList<>();
        for (RequestType type : List.of(RequestType.MLA, RequestType.EXTRADITION, RequestType.PROVISIONAL_ARREST,
                RequestType.POLICE_INFORMATION, RequestType.CONFISCATION, RequestType.TRANSFER_OF_PROCEEDINGS,
                RequestType.TEMPORARY_SURRENDER, RequestType.SPONTANEOUS_INFORMATION)) {
            templates.add(avro(Fate.ROUTED, request(type, Instrument.UNTOC, "ALD", "DUN")));
        }
        templates.add(avro(Fate.ROUTED, request(RequestType.PRESERVATION, Instrument.CYBERCRIME_CONVENTION, "ALD", "KES")));
        templates.add(avro(Fate.ROUTED, request(RequestType.DISCLOSURE, Instrument.CYBERCRIME_CONVENTION, "ALD", "IRV")));
        templates.add(avro(Fate.ROUTED, request(RequestType.MLA, Instrument.UNTOC, "ALD", "IRV").setUrgent(true)));
        templates.add(avro(Fate.ROUTED, request(RequestType.MLA, Instrument.UNTOC, "ALD", "JAS")));
        templates.add(avro(Fate.REFUSED, request(RequestType.MLA, Instrument.UNTOC, "ALD", "HAL").setLanguage("en")));
        templates.add(avro(Fate.REFUSED, request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "DUN")
            .setConductCategory(ConductCategory.WILDLIFE_TRAFFICKING)));
        templates.add(avro(Fate.REFUSED, request(RequestType.MLA, Instrument.NONE, "JAS", "ELV")));
        templates.add(avro(Fate.REFUSED, request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "KES").setSubjectPerson(null)));
        templates.add(avro(Fate.REFUSED, request(RequestType.PROVISIONAL_ARREST, Instrument.UNTOC, "ALD", "KES")
            .setInterpolInstrument(InterpolInstrument.RED_NOTICE).setNationalOffenceLabel("desertion")));
        templates.add(avro(Fate.DEAD_LETTER, request(RequestType.MLA, Instrument.UNTOC, "ALD", "ALD")));
        templates.add(avro(Fate.DEAD_LETTER, request(RequestType.MLA, Instrument.UNTOC, "ALD", "QQQ")));
        templates.add(avro(Fate.DEAD_LETTER, request(RequestType.MLA, Instrument.UNTOC, "ALD", "DUN").setOriginNode("ALD-GHOST")));
        templates.add(new Template(Fate.DEAD_LETTER, caseId -> "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8)));
        templates.add(new Template(Fate.DEAD_LETTER, caseId -> ByteBuffer.allocate(9).put((byte) 0).putInt(987654).putInt(1).array()));
        templates.add(new Template(Fate.DEAD_LETTER, caseId -> null));
        return templates;
    }

    private static Template avro(Fate fate, CooperationRequest.Builder builder) {
        return new Template(fate, caseId -> {
            CooperationRequest request = builder.build();
            request.setHeader(ShallowCopy.of(request.getHeader(), EventHeader::new));
            return serdes.requests().serializer().serialize(Topics.REQUESTS_SUBMITTED, withCase(request, caseId));
        });
    }

    private static CooperationRequest withCase(CooperationRequest request, String caseId) {
        request.getHeader().setCaseId(caseId);
        request.getHeader().setEventId("E-" + caseId);
        request.getHeader().setCorrelationId(caseId);
        return request;
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
            new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, "router-it-reader-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
