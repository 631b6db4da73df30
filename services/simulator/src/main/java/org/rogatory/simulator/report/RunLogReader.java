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
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Reads what a run left on the topics, from the offsets noted when it began (so earlier runs on a
 * shared cluster are not counted) to the last committed record.
 */
public final class RunLogReader {

    private static final List<String> TOPICS = List.of(Topics.REQUESTS_SUBMITTED, Topics.CASE_EVENTS,
        Topics.NODE_ACTIONS, Topics.ESCALATIONS, Topics.CASES, Topics.DEADLETTER, Topics.DIRECTORY);

    private final Admin admin;
    private final Map<String, Object> clientConfig;

    public RunLogReader(Admin admin, String bootstrapServers, String registryUrl) {
        this.admin = admin;
        this.clientConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
    }

    /** Offsets at which a run begins; the directory is read whole (it is the world's current state). */
    public Map<TopicPartition, Long> mark() {
        Map<TopicPartition, Long> marks = new HashMap<>(endOffsets());
        marks.replaceAll((tp, offset) -> tp.topic().equals(Topics.DIRECTORY) ? 0L : offset);
        return marks;
    }

    public RunLog read(Map<TopicPartition, Long> from) {
        Map<TopicPartition, Long> to = endOffsets();
        long[] submitted = {0};
        List<CooperationRequest> requests = new ArrayList<>();
        List<CaseEvent> decisions = new ArrayList<>();
        List<CaseEvent> actions = new ArrayList<>();
        List<Escalation> escalations = new ArrayList<>();
        Map<String, CaseView> cases = new HashMap<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        Map<String, DirectoryEntry> directory = new HashMap<>();
        Deserializer<CooperationRequest> requestReader = AvroSerdes.<CooperationRequest>specific(clientConfig, false).deserializer();
        read(from, to, Topics.REQUESTS_SUBMITTED, bytes -> {
            submitted[0]++;
            try {
                requests.add(requestReader.deserialize(Topics.REQUESTS_SUBMITTED, bytes));
            } catch (RuntimeException unreadable) {
                // counted as submitted; the router dead-lettered it and the report counts that
            }
        });
        read(from, to, Topics.CASE_EVENTS, this.<CaseEvent>typed(Topics.CASE_EVENTS, decisions::add));
        read(from, to, Topics.NODE_ACTIONS, this.<CaseEvent>typed(Topics.NODE_ACTIONS, actions::add));
        read(from, to, Topics.ESCALATIONS, this.<Escalation>typed(Topics.ESCALATIONS, escalations::add));
        read(from, to, Topics.DEADLETTER, this.<DeadLetter>typed(Topics.DEADLETTER, deadLetters::add));
        this.<CaseView>readLatest(from, to, Topics.CASES, v -> cases.put(v.getCaseId(), v));
        this.<DirectoryEntry>readLatest(from, to, Topics.DIRECTORY, e -> directory.put(e.getNodeId(), e));
        return new RunLog(submitted[0], requests, decisions, actions, escalations, cases, deadLetters, directory);
    }

    private <T extends org.apache.avro.specific.SpecificRecord> Consumer<byte[]> typed(String topic, Consumer<T> sink) {
        Deserializer<T> deserializer = AvroSerdes.<T>specific(clientConfig, false).deserializer();
        return bytes -> sink.accept(deserializer.deserialize(topic, bytes));
    }

    private <T extends org.apache.avro.specific.SpecificRecord> void readLatest(Map<TopicPartition, Long> from,
            Map<TopicPartition, Long> to, String topic, Consumer<T> sink) {
        Consumer<byte[]> values = typed(topic, sink);
        read(from, to, topic, bytes -> {
            if (bytes != null) {
                values.accept(bytes); // tombstones are deletions of compacted keys
            }
        });
    }

    private void read(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, String topic, Consumer<byte[]> sink) {
        List<TopicPartition> partitions = to.keySet().stream().filter(tp -> tp.topic().equals(topic))
            .sorted(java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (TopicPartition tp : partitions) {
                long start = from.getOrDefault(tp, 0L);
                long end = to.get(tp);
                if (start >= end) {
                    continue;
                }
                consumer.assign(List.of(tp));
                consumer.seek(tp, start);
                while (consumer.position(tp) < end) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        if (record.offset() < end) {
                            sink.accept(record.value());
                        }
                    }
                }
            }
        }
    }

    private Map<TopicPartition, Long> endOffsets() {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            var described = admin.describeTopics(TOPICS).allTopicNames().get();
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
