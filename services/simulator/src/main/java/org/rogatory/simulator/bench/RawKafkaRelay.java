package org.rogatory.simulator.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.rogatory.platform.kafka.EmbeddedKafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;

/**
 * The yardstick: the same number of records, of the same size, written to a topic and relayed
 * through the same number of consume→produce hops as the pipeline has stages, with plain Kafka
 * clients on a fresh in-process broker. What Kafka alone costs on this machine, now.
 */
final class RawKafkaRelay {

    private RawKafkaRelay() {
    }

    /** Seconds to write {@code records} records of {@code size} bytes and relay them through {@code hops} hops. */
    static double seconds(long records, int size, int hops, int partitions) throws ExecutionException, InterruptedException {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (int hop = 0; hop <= hops; hop++) {
                topics.add(new NewTopic("relay-" + hop, partitions, (short) 1));
            }
            admin.createTopics(topics).all().get();
            byte[] value = new byte[size];
            new Random(42).nextBytes(value);
            long start = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
                for (long i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>("relay-0", Long.toString(i).getBytes(), value));
                }
            }
            for (int hop = 1; hop <= hops; hop++) {
                relay(kafka, "relay-" + (hop - 1), "relay-" + hop, records);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void relay(EmbeddedKafka kafka, String from, String to, long records) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-" + to,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = producer(kafka)) {
            consumer.subscribe(List.of(from));
            long relayed = 0;
            while (relayed < records) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    producer.send(new ProducerRecord<>(to, record.key(), record.value()));
                    relayed++;
                }
                consumer.commitAsync();
            }
            producer.flush();
            consumer.commitSync();
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(EmbeddedKafka kafka) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(),
            new ByteArraySerializer());
    }
}
