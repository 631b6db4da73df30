package org.rogatory.gateway;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.OfficeHours;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroDeserializer;
import org.rogatory.platform.serde.KafkaAvroSerializer;
import org.rogatory.platform.topics.TopicCatalogue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the gateway's tests on an embedded broker share: the broker with the catalogue's topics,
 * an admin client, writing Avro through the test's registry, reading a topic back, counting its records.
 */
final class TestBroker implements AutoCloseable {

    private final EmbeddedKafka kafka;
    private final Admin admin;
    private final String registry;

    private TestBroker(EmbeddedKafka kafka, String registry) {
        this.kafka = kafka;
        this.registry = registry;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    /** An in-process KRaft broker with every topic of the catalogue; records are Avro through {@code registry}. */
    static TestBroker start(String registry) {
        TestBroker broker = new TestBroker(EmbeddedKafka.start(), registry);
        TopicCatalogue.ensure(broker.admin, TopicCatalogue.DEFAULT_PARTITIONS);
        return broker;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    Admin admin() {
        return admin;
    }

    KafkaProducer<String, Object> producer() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry);
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** Every record of {@code topic} up to its end now, read committed, in partition order. */
    List<ConsumerRecord<String, Object>> records(String topic) {
        Map<String, Object> config = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry,
            AvroSerdeConfig.SPECIFIC_AVRO_READER, true));
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(config, false);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, Object>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Each partition's end offset. */
    Map<TopicPartition, Long> ends(String topic) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
            .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** The sum of the topic's end offsets: how many records it has taken. */
    long recordCount(String topic) throws Exception {
        return ends(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    /** A central authority for MLA of {@code state}, office hours, three officers. */
    static DirectoryEntry node(String id, String state) {
        return DirectoryEntry.newBuilder().setNodeId(id).setState(state).setRole(NodeRole.CA_MLA).setTimeZone("UTC")
            .setHours(OfficeHours.newBuilder().setRoundTheClock(false).build()).setOfficers(3).build();
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        admin.close();
        kafka.close();
    }
}
