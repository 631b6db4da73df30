package org.rogatory.registry.store;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.registry.domain.RegistryException;
import org.rogatory.registry.domain.RegistryRecord;
import org.rogatory.registry.domain.RegistryState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The registry's storage: the single-partition compacted {@code _schemas} topic. A reader thread
 * applies every committed record to the {@link RegistryState}, from the beginning at start and then
 * as records arrive. A leader also appends, with a transactional producer whose fixed
 * {@code transactional.id} lets a newer leader fence an older one; each append waits until the
 * reader has applied it, so the leader reads its own writes, as Confluent's KafkaStore does.
 */
public final class KafkaSchemaLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);

    private final String bootstrapServers;
    private final String topic;
    private final TopicPartition partition;
    private final Duration timeout;
    private final RegistryState state;
    private final RecordCodec codec = new RecordCodec();
    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread reader;
    private final Object progress = new Object();
    private long appliedOffset;
    private volatile boolean running = true;
    private final String transactionalId;
    private KafkaProducer<byte[], byte[]> producer;
    private boolean fenced;

    /**
     * Creates the topic if missing, then reads it to its end before returning.
     *
     * @param transactionalId the leader's fixed transactional id; null for a follower, which never writes
     */
    public KafkaSchemaLog(String bootstrapServers, String topic, String transactionalId, Duration timeout, RegistryState state) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
        this.timeout = timeout;
        this.state = state;
        this.transactionalId = transactionalId;
        this.admin = Admin.create(Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.CLIENT_ID_CONFIG, "rogatory-schema-registry-admin"));
        ensureTopic();
        this.consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.CLIENT_ID_CONFIG, "rogatory-schema-registry-reader",
            // aborted writes of a fenced leader must never become schemas
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        this.reader = Thread.ofPlatform().name("schemas-log-reader").daemon().start(this::read);
        if (transactionalId != null) {
            producer = openWriter();
        }
        awaitLatest();
    }

    /** Opening the transactional producer fences any earlier one with the same id: the newest leader is the only writer. */
    private KafkaProducer<byte[], byte[]> openWriter() {
        KafkaProducer<byte[], byte[]> writer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.CLIENT_ID_CONFIG, "rogatory-schema-registry-writer",
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        try {
            writer.initTransactions();
            return writer;
        } catch (KafkaException e) {
            writer.close(Duration.ZERO);
            throw e;
        }
    }

    /** Appends the records in one transaction and returns once the reader has applied them. */
    public synchronized void append(List<RegistryRecord> records) {
        if (transactionalId == null) {
            throw new IllegalStateException("a follower does not write to " + topic);
        }
        if (fenced) {
            throw fencedError(null);
        }
        try {
            if (producer == null) {
                producer = openWriter(); // after a failed write: a fresh producer, a clean transaction state
            }
            producer.beginTransaction();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (RegistryRecord record : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, 0, codec.key(record), codec.value(record))));
            }
            producer.commitTransaction();
            awaitApplied(sent.getLast().get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset() + 1);
        } catch (ExecutionException | KafkaException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (isFencing(cause)) {
                fenced = true;
                discardWriter();
                throw fencedError(cause);
            }
            discardWriter();
            if (isTimeout(cause)) {
                throw RegistryException.timeout("Write to the Kafka store " + topic + " timed out: " + cause.getMessage());
            }
            throw RegistryException.storeError("Error while writing to the Kafka store " + topic + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw RegistryException.timeout("Write to the Kafka store " + topic + " timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.timeout("Interrupted while writing to the Kafka store " + topic);
        }
    }

    /** Waits until every record committed to the topic so far has been applied. */
    public void awaitLatest() {
        try {
            long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                    new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(partition).get(timeout.toMillis(), TimeUnit.MILLISECONDS).offset();
            awaitApplied(end);
        } catch (ExecutionException | TimeoutException e) {
            throw RegistryException.storeError("Cannot read the end offset of " + topic + " at " + bootstrapServers, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.timeout("Interrupted while reading " + topic);
        }
    }

    private void awaitApplied(long offset) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (appliedOffset < offset) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw RegistryException.timeout("The registry did not read " + topic + " up to offset "
                        + offset + " within " + timeout + " (read up to " + appliedOffset + ")");
                }
                progress.wait(left);
            }
        }
    }

    private void read() {
        while (running) {
            try {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    apply(record);
                }
                long position = consumer.position(partition);
                synchronized (progress) {
                    appliedOffset = position;
                    progress.notifyAll();
                }
            } catch (WakeupException e) {
                return;
            } catch (KafkaException e) {
                LOG.warn("Reading {} failed, retrying: {}", topic, e.getMessage());
            }
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        try {
            Optional<RegistryRecord> decoded = codec.decode(record.key(), record.value());
            decoded.ifPresent(state::apply);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping unreadable record at {}-{} offset {}: {}", topic, record.partition(), record.offset(), e.getMessage());
        }
    }

    private void ensureTopic() {
        NewTopic schemas = new NewTopic(topic, Optional.of(1), Optional.empty())
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            try {
                admin.createTopics(List.of(schemas)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            // the broker asked may not know a topic the controller has just created: wait until it does
            TopicCatalogue.awaitLeaders(admin, List.of(schemas));
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            if (description.partitions().size() != 1) {
                // one partition is one total order of registrations, as Confluent requires
                throw new IllegalStateException("The schemas topic " + topic + " must have exactly 1 partition, it has "
                    + description.partitions().size());
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create or describe the schemas topic " + topic + " at "
                + bootstrapServers + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating " + topic, e);
        }
    }

    /**
     * A failed transaction leaves the producer in an error state that a broker outage can make
     * permanent: it is closed, and the next write opens a new one (whose initialisation also
     * aborts whatever the failed transaction left open).
     */
    private void discardWriter() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    private static boolean isFencing(Throwable error) {
        return hasCause(error, ProducerFencedException.class) || hasCause(error, InvalidProducerEpochException.class);
    }

    private static boolean isTimeout(Throwable error) {
        return hasCause(error, org.apache.kafka.common.errors.TimeoutException.class);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (type.isInstance(e)) {
                return true;
            }
        }
        return false;
    }

    private RegistryException fencedError(Throwable cause) {
        return RegistryException.forwardingFailed("This registry instance is no longer the leader: another leader "
            + "started with the same transactional.id and fenced it, so it refuses writes to " + topic
            + ". Send writes to the current leader, or restart this instance as a follower "
            + "(registry.leader-url / SCHEMA_REGISTRY_LEADER_URL).", cause);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(CloseOptions.timeout(timeout));
        synchronized (this) {
            if (producer != null) {
                producer.close(timeout);
            }
        }
        admin.close(timeout);
    }
}
