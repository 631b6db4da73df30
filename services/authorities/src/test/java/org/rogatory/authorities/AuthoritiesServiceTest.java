package org.rogatory.authorities;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.topology.TestRecords;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.CrimeArea;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.OfficeHours;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroDeserializer;
import org.rogatory.platform.serde.KafkaAvroSerializer;
import org.rogatory.platform.service.ServiceHost;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.DeliveryEvidence;

/** The service on a real (in-process) broker: a request to the mmc-queue node is worked and its steps published. */
class AuthoritiesServiceTest {
    private static final String REGISTRY = "mock://authorities-service-test";
    private static final String NODE = "QUE-POC-247";
    private static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    private static final int PARTITIONS = 2;

    @Test
    @DisplayName("mmc-queue node on a real broker: held until the clock tick, then delivered, acknowledged, reviewed, executed")
    void works_a_request_on_a_real_broker() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicCatalogue.ensure(admin, PARTITIONS);
            Map<String, Object> settings = new HashMap<>(AuthoritiesConfiguration.properties(4242, 0, List.of()));
            settings.put(StreamService.enabledProperty(AuthoritiesStream.NAME), true);
            settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            settings.put("kafka.schema.registry.url", REGISTRY);
            settings.put("kafka.streams.authorities.state.dir", Files.createTempDirectory("authorities-state").toString());
            try (ServiceHost service = ServiceHost.start(settings,
                         List.of(TestRecords.mmcQueueNode(NODE)), false, Duration.ofMinutes(2));
                 KafkaProducer<String, Object> producer = producer(kafka);
                 KafkaConsumer<String, Object> consumer = consumer(kafka)) {
                producer.send(new ProducerRecord<>(Topics.DIRECTORY, null, T0, NODE, directoryEntry())).get();
                producer.send(new ProducerRecord<>(Topics.CHANNEL_CONTACT_POINT_247, null, T0 + 3_600_000L, NODE,
                        transmission(T0 + 3_600_000L))).get();
                for (int p = 0; p < PARTITIONS; p++) { // a tick on every partition: the watermark
                    long at = T0 + 400 * 3_600_000L;
                    producer.send(new ProducerRecord<>(Topics.CLOCK, p, at, "clock",
                            new ClockTick(Instant.ofEpochMilli(at), "test", 1L))).get();
                }
                consumer.subscribe(Set.of(Topics.NODE_ACTIONS));
                List<CaseStatus> seen = new ArrayList<>();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                        CaseEvent event = (CaseEvent) r.value();
                        if (event.getEvidence() == null || DeliveryEvidence.movesCase(event.getEvidence().getType(), event.getStatus())) {
                            seen.add(event.getStatus()); // the case's steps, not the transport's own records
                        }
                    });
                    return seen.contains(CaseStatus.EXECUTED);
                });
                assertEquals(List.of(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW, CaseStatus.EXECUTED),
                        seen);
            }
        }
    }

    private static KafkaProducer<String, Object> producer(EmbeddedKafka kafka) {
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY), false);
        return new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), values);
    }

    private static KafkaConsumer<String, Object> consumer(EmbeddedKafka kafka) {
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY, AvroSerdeConfig.SPECIFIC_AVRO_READER, true), false);
        return new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", kafka.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "authorities-service-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), values);
    }

    private static DirectoryEntry directoryEntry() {
        return DirectoryEntry.newBuilder().setNodeId(NODE).setState("QUE").setRole(NodeRole.POC_247)
                .setHandles(List.of(RequestType.PRESERVATION)).setLanguages(List.of("en")).setTimeZone("UTC+00:00")
                .setHours(new OfficeHours(true, 0, 24)).setOfficers(3).build();
    }

    private static Transmission transmission(long at) {
        EventHeader header = EventHeader.newBuilder().setEventId("tx-C-1").setCaseId("C-1").setCorrelationId("C-1")
                .setCausationId("tx-C-1").setSimulatedTime(Instant.ofEpochMilli(at)).setSourceNode("SRC-POC-247")
                .setClassification(Classification.RESTRICTED).build();
        CooperationRequest request = CooperationRequest.newBuilder().setHeader(header)
                .setRequestType(RequestType.PRESERVATION).setInstrument(Instrument.CYBERCRIME_CONVENTION)
                .setRequestingState("SRC").setRequestedState("QUE").setConductCategory(ConductCategory.UNAUTHORISED_ACCESS)
                .setNationalOffenceLabel("intrusion").setCrimeArea(CrimeArea.CYBERCRIME).setLanguage("en")
                .setOriginNode("SRC-POC-247").build();
        return Transmission.newBuilder().setHeader(header).setMessageId("m-C-1").setChannel(Channel.CONTACT_POINT_247)
                .setFromNode("SRC-POC-247").setToNode(NODE).setRequest(request).build();
    }
}
