package org.rogatory.router;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.registry.SchemaRegistryServer;
import org.rogatory.router.domain.Fixtures;
import org.rogatory.router.domain.ShallowCopy;
import org.rogatory.router.topology.RouterSerdes;
import org.rogatory.router.topology.RouterSettings;
import org.rogatory.router.topology.RouterTopology;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Benchmark, not a test: the router topology alone against a raw Kafka consume→produce of the same
 * records, on the same in-process broker, in the same run. Each side starts once its consumer has
 * its partitions and stops when a separate reader has seen one output per input (for the router:
 * one case event per request; it also writes the transmissions).
 * Run: {@code ./mvnw -q -pl services/router test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.rogatory.router.RouterBench [-Dexec.args=20000]}
 */
public final class RouterBench {

    private static final String RAW_OUT = "bench.raw-copy";

    private RouterBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicCatalogue.ensure(admin, TopicCatalogue.DEFAULT_PARTITIONS);
            admin.createTopics(List.of(new NewTopic(RAW_OUT, TopicCatalogue.DEFAULT_PARTITIONS, (short) 1))).all().get();
            try (SchemaRegistryServer registry = SchemaRegistryServer.start(kafka.bootstrapServers(), 0)) {
                RouterSerdes serdes = RouterSerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()));
                publishWorld(kafka.bootstrapServers(), serdes);
                produceRequests(kafka.bootstrapServers(), serdes, count);
                double raw = rawCopy(kafka.bootstrapServers(), count);
                double router = router(kafka.bootstrapServers(), registry.url(), count);
                System.out.printf("records: %d%nraw consume->produce: %.0f records/s%nrouter topology:      %.0f records/s%n"
                    + "router / raw: %.2f%n", count, raw, router, router / raw);
            }
        }
    }

    /** Requests of every routable type in the default world, round-robin, one simulated minute apart. */
    private static void produceRequests(String bootstrap, RouterSerdes serdes, int count) {
        List<CooperationRequest.Builder> kinds = List.of(
            Fixtures.request(RequestType.MLA, Instrument.UNTOC, "ALD", "DUN"),
            Fixtures.request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "KES"),
            Fixtures.request(RequestType.PROVISIONAL_ARREST, Instrument.UNTOC, "ALD", "DUN"),
            Fixtures.request(RequestType.PRESERVATION, Instrument.CYBERCRIME_CONVENTION, "ALD", "KES"),
            Fixtures.request(RequestType.POLICE_INFORMATION, Instrument.UNTOC, "ALD", "DUN").setEvidentialUse(true),
            Fixtures.request(RequestType.MLA, Instrument.UNTOC, "ALD", "IRV").setUrgent(true),
            Fixtures.request(RequestType.MLA, Instrument.UNTOC, "ALD", "HAL").setLanguage("en"),
            Fixtures.request(RequestType.CONFISCATION, Instrument.UNTOC, "BRV", "LUM"));
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            for (int i = 0; i < count; i++) {
                CooperationRequest request = kinds.get(i % kinds.size()).build();
                EventHeader header = ShallowCopy.of(request.getHeader(), EventHeader::new);
                String caseId = "B-" + i;
                header.setCaseId(caseId);
                header.setEventId("E-" + caseId);
                header.setCorrelationId(caseId);
                request.setHeader(header);
                request.setSubjectPerson("P-" + Integer.toHexString(i));
                producer.send(new ProducerRecord<>(Topics.REQUESTS_SUBMITTED, null, Fixtures.T0 + i * 60_000L,
                    caseId.getBytes(StandardCharsets.UTF_8), serdes.requests().serializer().serialize(Topics.REQUESTS_SUBMITTED, request)));
            }
        }
    }

    private static void publishWorld(String bootstrap, RouterSerdes serdes) {
        try (KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
            Fixtures.WORLD.directoryByKey().forEach((key, entry) -> producer.send(new ProducerRecord<>(Topics.DIRECTORY, null,
                Fixtures.WORLD.effectiveFrom(), key.getBytes(StandardCharsets.UTF_8), serdes.directory().serializer().serialize(Topics.DIRECTORY, entry))));
            Fixtures.WORLD.treatiesByKey().forEach((key, membership) -> producer.send(new ProducerRecord<>(Topics.TREATIES, null,
                Fixtures.WORLD.effectiveFrom(), key.getBytes(StandardCharsets.UTF_8), serdes.treaties().serializer().serialize(Topics.TREATIES, membership))));
        }
    }

    /** Records/s of a plain consumer copying every input record to another topic. */
    private static double rawCopy(String bootstrap, int count) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap);
             KafkaProducer<byte[], byte[]> producer = producer(bootstrap);
             KafkaConsumer<byte[], byte[]> reader = consumer(bootstrap)) {
            consumer.subscribe(List.of(Topics.REQUESTS_SUBMITTED));
            readFromStart(reader, RAW_OUT);
            long start = 0;
            int copied = 0;
            int seen = 0;
            while (seen < count) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (start == 0 && !records.isEmpty()) {
                    start = System.nanoTime();
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    producer.send(new ProducerRecord<>(RAW_OUT, null, record.timestamp(), record.key(), record.value()));
                    copied++;
                }
                if (copied == count) {
                    producer.flush();
                }
                seen += reader.poll(Duration.ofMillis(copied == count ? 100 : 0)).count();
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Records/s of the router topology, from the moment its stream thread runs to the last decision seen. */
    private static double router(String bootstrap, String registryUrl, int count) throws Exception {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "router-bench-" + UUID.randomUUID());
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("router-bench").toString());
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        RouterSerdes serdes = RouterSerdes.avro(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl));
        try (KafkaConsumer<byte[], byte[]> reader = consumer(bootstrap);
             KafkaStreams streams = new KafkaStreams(RouterTopology.build(new RouterSettings(Fixtures.WORLD.parameters()), serdes), config)) {
            readFromStart(reader, Topics.CASE_EVENTS);
            long[] start = new long[1];
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.RUNNING && start[0] == 0) {
                    start[0] = System.nanoTime();
                }
            });
            streams.start();
            int seen = 0;
            while (seen < count) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(100))) {
                    // Spawned formal MLA cases are extra events: count one decision per input case.
                    if (!new String(record.key(), StandardCharsets.UTF_8).endsWith("-MLA")) {
                        seen++;
                    }
                }
            }
            return count / ((System.nanoTime() - start[0]) / 1e9);
        }
    }

    /** Assigned, not subscribed: the reader joins no group, so no rebalance delay is counted. */
    private static void readFromStart(KafkaConsumer<byte[], byte[]> reader, String topic) {
        List<TopicPartition> partitions = reader.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition())).toList();
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 5),
            new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
