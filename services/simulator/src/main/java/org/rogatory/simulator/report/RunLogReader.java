package org.rogatory.simulator.report;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.Inject;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Reads what a run left on the topics, from the offsets noted when it began (so earlier runs on a
 * shared cluster are not counted) to the last committed record.
 */
public final class RunLogReader {

    private static final List<String> TOPICS = List.of(Topics.REQUESTS_SUBMITTED, Topics.CASE_EVENTS,
        Topics.NODE_ACTIONS, Topics.ESCALATIONS, Topics.CASES, Topics.DEADLETTER, Topics.DIRECTORY, Topics.INJECTS);

    private final Admin admin;
    private final Map<String, Object> clientConfig;

    public RunLogReader(Admin admin, String bootstrapServers, String registryUrl) {
        this.admin = admin;
        this.clientConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
    }

    /** Offsets at which a run begins; the directory is read whole (it is the world's current state). */
    public Map<TopicPartition, Long> mark() {
        Map<TopicPartition, Long> marks = new HashMap<>(endOffsets(TOPICS));
        marks.replaceAll((tp, offset) -> tp.topic().equals(Topics.DIRECTORY) ? 0L : offset);
        return marks;
    }

    public RunLog read(Map<TopicPartition, Long> from) {
        try (Follower whole = new Follower(from, TOPICS)) {
            return whole.catchUp();
        }
    }

    /** Follows every topic of the run log from {@code from} while a live exercise plays: its checks so far. */
    public Follower follow(Map<TopicPartition, Long> from) {
        return new Follower(from, TOPICS);
    }

    /** Follows coop.cases alone from {@code from} while a run plays: what conditional injects read at each step. */
    public Follower followCases(Map<TopicPartition, Long> from) {
        return new Follower(from, List.of(Topics.CASES));
    }

    /** The run log read up to what is committed each time it catches up, from where the last catch-up stopped. */
    public final class Follower implements AutoCloseable {
        private final List<String> topics;
        private final KafkaConsumer<byte[], byte[]> consumer = consumer();
        private long submitted;
        private final List<CooperationRequest> requests = new ArrayList<>();
        private final List<CaseEvent> decisions = new ArrayList<>();
        private final List<CaseEvent> actions = new ArrayList<>();
        private final List<Escalation> escalations = new ArrayList<>();
        private final Map<String, CaseView> cases = new HashMap<>();
        private final LastValues views = new LastValues(RunLogReader.this.<CaseView>typed(Topics.CASES, v -> cases.put(v.getCaseId(), v)));
        private final List<DeadLetter> deadLetters = new ArrayList<>();
        private final Map<String, DirectoryEntry> directory = new HashMap<>();
        private final LastValues entries = new LastValues(
            RunLogReader.this.<DirectoryEntry>typed(Topics.DIRECTORY, e -> directory.put(e.getNodeId(), e)));
        private final Map<String, Instant> injects = new HashMap<>();
        private final Map<String, Consumer<ConsumerRecord<byte[], byte[]>>> sinks;
        private Map<TopicPartition, Long> position;

        private Follower(Map<TopicPartition, Long> from, List<String> topics) {
            this.topics = topics;
            this.position = new HashMap<>(from);
            position.keySet().removeIf(tp -> !topics.contains(tp.topic()));
            Deserializer<CooperationRequest> requestReader = AvroSerdes.<CooperationRequest>specific(clientConfig, false).deserializer();
            this.sinks = Map.of(
                Topics.REQUESTS_SUBMITTED, record -> {
                    submitted++;
                    try {
                        requests.add(requestReader.deserialize(Topics.REQUESTS_SUBMITTED, record.value()));
                    } catch (RuntimeException unreadable) {
                        // counted as submitted; the router dead-lettered it and the report counts that
                    }
                },
                Topics.CASE_EVENTS, values(RunLogReader.this.<CaseEvent>typed(Topics.CASE_EVENTS, decisions::add)),
                Topics.NODE_ACTIONS, values(RunLogReader.this.<CaseEvent>typed(Topics.NODE_ACTIONS, actions::add)),
                Topics.ESCALATIONS, values(RunLogReader.this.<Escalation>typed(Topics.ESCALATIONS, escalations::add)),
                Topics.DEADLETTER, values(RunLogReader.this.<DeadLetter>typed(Topics.DEADLETTER, deadLetters::add)),
                Topics.CASES, views,
                Topics.DIRECTORY, entries,
                // a channel outage is written on every partition: one inject, one start
                Topics.INJECTS, values(RunLogReader.this.<Inject>typed(Topics.INJECTS, i -> injects.merge(i.getHeader().getCaseId(),
                    i.getStartAt(), (a, b) -> a.isBefore(b) ? a : b))));
        }

        /**
         * The log as last committed, of the topics followed (the others empty): call it when the
         * services have committed all they read. A view, good until the next catch-up.
         */
        public RunLog catchUp() {
            Map<TopicPartition, Long> to = endOffsets(topics);
            read(consumer, position, to, sinks);
            views.decode();
            entries.decode();
            position = to;
            return new RunLog(submitted, Collections.unmodifiableList(requests), Collections.unmodifiableList(decisions),
                Collections.unmodifiableList(actions), Collections.unmodifiableList(escalations),
                Collections.unmodifiableMap(cases), Collections.unmodifiableList(deadLetters),
                Collections.unmodifiableMap(directory), Collections.unmodifiableMap(injects));
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private <T extends org.apache.avro.specific.SpecificRecord> Consumer<byte[]> typed(String topic, Consumer<T> sink) {
        Deserializer<T> deserializer = AvroSerdes.<T>specific(clientConfig, false).deserializer();
        return bytes -> sink.accept(deserializer.deserialize(topic, bytes));
    }

    private static Consumer<ConsumerRecord<byte[], byte[]>> values(Consumer<byte[]> values) {
        return record -> values.accept(record.value());
    }

    /**
     * A compacted topic (case views keyed by case id, directory entries by node id): only each
     * key's last value counts, so only that one is decoded, once the log has been read to its end;
     * tombstones are skipped. The timer rewrites a case's view at every change, and decoding each
     * one was most of the time spent reading a run's log.
     */
    static final class LastValues implements Consumer<ConsumerRecord<byte[], byte[]>> {
        private final Map<String, byte[]> unread = new HashMap<>();
        private final Consumer<byte[]> values;

        LastValues(Consumer<byte[]> values) {
            this.values = values;
        }

        @Override
        public void accept(ConsumerRecord<byte[], byte[]> record) {
            if (record.value() == null) {
                return;
            }
            if (record.key() == null) {
                values.accept(record.value());
            } else {
                unread.put(new String(record.key(), StandardCharsets.UTF_8), record.value());
            }
        }

        void decode() {
            unread.values().forEach(values);
            unread.clear();
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Reads every partition at once, each from its mark to its end. */
    private static void read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> from,
                             Map<TopicPartition, Long> to, Map<String, Consumer<ConsumerRecord<byte[], byte[]>>> sinks) {
        Map<TopicPartition, Long> pending = new HashMap<>();
        to.forEach((tp, end) -> {
            if (from.getOrDefault(tp, 0L) < end) {
                pending.put(tp, end);
            }
        });
        if (pending.isEmpty()) {
            return;
        }
        consumer.assign(pending.keySet());
        pending.keySet().forEach(tp -> consumer.seek(tp, from.getOrDefault(tp, 0L)));
        while (!pending.isEmpty()) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                Long end = to.get(new TopicPartition(record.topic(), record.partition()));
                if (record.offset() < end) {
                    sinks.get(record.topic()).accept(record);
                }
            }
            // positions pass transaction markers too, so a partition is done once its position reaches the end
            pending.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
        }
    }

    /** The topics' end offsets; a topic not there yet has none (the authorities create theirs when they start: read from 0). */
    private Map<TopicPartition, Long> endOffsets(List<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Set<String> present = admin.listTopics().names().get();
            var described = admin.describeTopics(topics.stream().filter(present::contains).toList()).allTopicNames().get();
            described.forEach((topic, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read topic offsets: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
