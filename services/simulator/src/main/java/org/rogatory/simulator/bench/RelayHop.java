package org.rogatory.simulator.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.rogatory.simulator.run.Pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One consume→produce hop with plain Kafka clients, shaped like a stream service's task: it reads
 * one topic, writes each record unchanged to another and commits every commit interval, in a
 * transaction with the offsets it consumed under exactly-once (as Kafka Streams' exactly_once_v2),
 * or by flushing its writes and then committing the offsets under at-least-once. The yardstick of
 * {@code bench} and of {@code load} is a chain of these.
 */
public final class RelayHop implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    /** How a hop commits and writes: a stream service's settings, for a hop that stands for it. */
    public record Settings(boolean exactlyOnce, Duration commitInterval, String compression, Duration linger) {
        /** The bench's hops: at-least-once, offsets committed after every poll's writes are flushed. */
        public static final Settings BENCH = new Settings(false, Duration.ZERO, "none", Pipeline.CONTROL_LINGER);
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Settings settings;
    private final Writes writes;
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private boolean inTransaction;
    private long lastCommit = System.nanoTime();

    public RelayHop(String bootstrapServers, String from, String to, Settings settings) {
        this.settings = settings;
        this.writes = new Writes(to);
        this.consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG, "relay-" + to,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, settings.exactlyOnce() ? "read_committed" : "read_uncommitted",
            // the pipeline's services read with these (Pipeline.settings)
            ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
            ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.producer = producer(bootstrapServers, settings.compression(), settings.linger(),
            settings.exactlyOnce() ? "relay-" + to + "-" + UUID.randomUUID() : null);
        if (settings.exactlyOnce()) {
            producer.initTransactions();
        }
        consumer.subscribe(List.of(from));
    }

    /** Polls once, writes what arrived, commits if the interval has passed; returns the records relayed. */
    public int pass() {
        ConsumerRecords<byte[], byte[]> polled = consumer.poll(POLL);
        if (!polled.isEmpty() && settings.exactlyOnce() && !inTransaction) {
            producer.beginTransaction();
            inTransaction = true;
        }
        for (ConsumerRecord<byte[], byte[]> record : polled) {
            producer.send(new ProducerRecord<>(writes.topic, record.key(), record.value()), writes);
            uncommitted.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        if (!uncommitted.isEmpty() && System.nanoTime() - lastCommit >= settings.commitInterval().toNanos()) {
            commit();
        }
        return polled.count();
    }

    private void commit() {
        if (settings.exactlyOnce()) {
            producer.sendOffsetsToTransaction(uncommitted, consumer.groupMetadata());
            producer.commitTransaction();
            inTransaction = false;
        } else {
            producer.flush();
            consumer.commitSync(uncommitted);
        }
        uncommitted.clear();
        lastCommit = System.nanoTime();
    }

    /** Fails, naming the topic and the first refusal, unless {@code sent} writes were acknowledged; call after close. */
    void requireAll(long sent) {
        writes.requireAll(sent);
    }

    /** Commits what is relayed but not committed, then closes both clients. */
    @Override
    public void close() {
        try {
            if (!uncommitted.isEmpty()) {
                commit();
            }
        } finally {
            producer.close();
            consumer.close();
        }
    }

    /** The producer of a hop, and of the yardstick's first writes: acks from all replicas. */
    public static KafkaProducer<byte[], byte[]> producer(String bootstrapServers, String compression, Duration linger,
                                                         String transactionalId) {
        Map<String, Object> config = new HashMap<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis(),
            ProducerConfig.COMPRESSION_TYPE_CONFIG, compression));
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The acknowledged writes to one topic, and the first failed one: {@code send} itself never reports it. */
    public static final class Writes implements Callback {

        private final String topic;
        private final AtomicLong acknowledged = new AtomicLong();
        private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

        public Writes(String topic) {
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
        public void requireAll(long sent) {
            if (acknowledged.get() < sent) {
                Exception failure = firstFailure.get();
                throw new IllegalStateException(String.format("raw Kafka relay: %d of %d records written to %s, %s",
                    acknowledged.get(), sent, topic, failure == null ? "the others unacknowledged"
                        : "first failure: " + failure.getClass().getSimpleName() + ": " + failure.getMessage()), failure);
            }
        }
    }
}
