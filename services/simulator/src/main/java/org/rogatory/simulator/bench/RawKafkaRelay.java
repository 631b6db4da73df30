package org.rogatory.simulator.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.platform.topics.TopicCatalogue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The yardstick: the same number of records, of the same size, written to a topic and relayed
 * through the same number of consume→produce hops as the pipeline has stages, with plain Kafka
 * clients on a fresh in-process broker. What Kafka alone costs on this machine, now.
 *
 * <p>Each hop waits for every record the previous one wrote, so a record lost on the way would
 * make it wait forever: nothing is written before the broker leads every partition, every write is
 * checked (a producer reports a failed send only to its callback), and a hop that receives nothing
 * for {@code patience} gives up, naming what it expected and what arrived.
 */
final class RawKafkaRelay {

    /** Long enough for a loaded machine's pauses (GC, a busy broker); a relay of 100 000 records takes seconds. */
    static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    private RawKafkaRelay() {
    }

    /** Seconds to write {@code records} records of {@code size} bytes and relay them through {@code hops} hops. */
    static double seconds(long records, int size, int hops, int partitions, Duration patience)
        throws ExecutionException, InterruptedException {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (int hop = 0; hop <= hops; hop++) {
                topics.add(new NewTopic(topic(hop), partitions, (short) 1));
            }
            admin.createTopics(topics).all().get();
            TopicCatalogue.awaitLeaders(admin, topics);
            byte[] value = new byte[size];
            new Random(42).nextBytes(value);
            long start = System.nanoTime();
            Writes writes = new Writes(topic(0));
            try (KafkaProducer<byte[], byte[]> producer = producer(kafka.bootstrapServers())) {
                for (long i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topic(0), Long.toString(i).getBytes(), value), writes);
                }
            }
            writes.requireAll(records);
            for (int hop = 1; hop <= hops; hop++) {
                relay(kafka.bootstrapServers(), topic(hop - 1), topic(hop), records, patience);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static String topic(int hop) {
        return "relay-" + hop;
    }

    /** One consume→produce hop: copies {@code expected} records from {@code from} to {@code to}. */
    static void relay(String bootstrapServers, String from, String to, long expected, Duration patience) {
        Writes writes = new Writes(to);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "relay-" + to,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = producer(bootstrapServers)) {
            consumer.subscribe(List.of(from));
            long relayed = 0;
            long lastArrival = System.nanoTime();
            while (relayed < expected) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
                if (polled.isEmpty()) {
                    if (System.nanoTime() - lastArrival > patience.toNanos()) {
                        throw new IllegalStateException(String.format(
                            "raw Kafka relay %s -> %s: expected %d records, %d arrived, none in the last %d s",
                            from, to, expected, relayed, patience.toSeconds()));
                    }
                    continue;
                }
                lastArrival = System.nanoTime();
                for (ConsumerRecord<byte[], byte[]> record : polled) {
                    producer.send(new ProducerRecord<>(to, record.key(), record.value()), writes);
                    relayed++;
                }
                consumer.commitAsync();
            }
            producer.flush();
            consumer.commitSync();
        }
        writes.requireAll(expected);
    }

    private static KafkaProducer<byte[], byte[]> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new ByteArraySerializer(),
            new ByteArraySerializer());
    }

    /** The acknowledged writes to one topic, and the first failed one: {@code send} itself never reports it. */
    private static final class Writes implements Callback {

        private final String topic;
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

        Writes(String topic) {
            this.topic = topic;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception failure) {
            if (failure == null) {
                acknowledged.incrementAndGet();
            } else {
                firstFailure.compareAndSet(null, failure);
            }
        }

        /** Call once the producer has flushed or closed, so that every send has completed. */
        void requireAll(long sent) {
            if (acknowledged.get() < sent) {
                Exception failure = firstFailure.get();
                throw new IllegalStateException(String.format("raw Kafka relay: %d of %d records written to %s, %s",
                    acknowledged.get(), sent, topic, failure == null ? "the others unacknowledged"
                        : "first failure: " + failure.getClass().getSimpleName() + ": " + failure.getMessage()), failure);
            }
        }
    }
}
