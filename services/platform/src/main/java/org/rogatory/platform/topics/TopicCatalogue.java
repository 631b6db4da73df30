package org.rogatory.platform.topics;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the project's topics with their partitions, compaction and retention. Idempotent:
 * topics that exist are left as they are. The replication factor is the cluster's own
 * ({@code default.replication.factor}): 1 on the in-process broker, 3 on a three-broker cluster
 * (docs/deployment.md, Scale-out), as for the services' internal topics and the registry's.
 */
public final class TopicCatalogue {

    /** Partitions of the case and channel streams; the parallelism unit of every processor. */
    public static final int DEFAULT_PARTITIONS = 4;

    // Simulated time is in record timestamps, which may lie far from the wall clock either way:
    // brokers must accept any timestamp (Kafka 4 rejects those over an hour ahead by default).
    private static final String ANY_TIME = String.valueOf(Long.MAX_VALUE);
    private static final Map<String, String> COMPACTED = Map.of(
        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
        TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, ANY_TIME,
        TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG, ANY_TIME);
    // Time-based deletion would drop a 90-day exercise's events as soon as they are written, so
    // event topics keep everything (size-bounded instead).
    public static final Map<String, String> EVENT_LOG = Map.of(
        TopicConfig.RETENTION_MS_CONFIG, "-1",
        TopicConfig.RETENTION_BYTES_CONFIG, String.valueOf(1L << 30),
        TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime",
        TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, ANY_TIME,
        TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG, ANY_TIME);

    /** No replication factor of our own: the broker's {@code default.replication.factor}. */
    private static final Optional<Short> CLUSTER_DEFAULT = Optional.empty();

    /** How long a broker may take to learn of a topic the controller created (seconds, not minutes). */
    private static final Duration METADATA_PROPAGATION = Duration.ofSeconds(30);

    private TopicCatalogue() {
    }

    private static NewTopic definition(String name, int partitions, Map<String, String> configs) {
        return new NewTopic(name, Optional.of(partitions), CLUSTER_DEFAULT).configs(configs);
    }

    public static List<NewTopic> topics(int partitions) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(Topics.REQUESTS_SUBMITTED, Topics.CHANNEL_CENTRAL_AUTHORITY,
                Topics.CHANNEL_CONTACT_POINT_247, Topics.CHANNEL_I247, Topics.CHANNEL_DIPLOMATIC,
                Topics.CASE_EVENTS, Topics.NODE_ACTIONS, Topics.PLAYER_ACTIONS, Topics.ESCALATIONS, Topics.CLOCK_WARNINGS, Topics.INJECTS,
                Topics.CLOCK, Topics.DEADLETTER, Topics.AUDIT)) {
            topics.add(definition(name, partitions, EVENT_LOG));
        }
        for (String name : List.of(Topics.DIRECTORY, Topics.TREATIES, Topics.CASES)) {
            topics.add(definition(name, partitions, COMPACTED));
        }
        // One exercise per cluster, its commands carried out in the order accepted: one partition each.
        topics.add(definition(Topics.EXERCISE_CONTROL, 1, EVENT_LOG));
        topics.add(definition(Topics.EXERCISE, 1, COMPACTED));
        // Confluent keeps _schemas on one partition so every registry reads one ordered log.
        topics.add(definition(Topics.SCHEMAS, 1, COMPACTED));
        return topics;
    }

    /**
     * Creates {@code topic} with as many partitions as {@code like} if it is missing, so a key lands
     * on the same partition number in both (a service's own topic re-keyed to match an input);
     * returns that number, and refuses an existing topic with another count.
     */
    public static int ensureCoPartitioned(Admin admin, String topic, String like, Map<String, String> configs) {
        try {
            int partitions = admin.describeTopics(List.of(like)).allTopicNames().get().get(like).partitions().size();
            try {
                admin.createTopics(List.of(definition(topic, partitions, configs))).all().get();
                return partitions; // just created (a describe may not see it yet)
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            int existing = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            if (existing != partitions) {
                throw new IllegalStateException(topic + " has " + existing + " partitions but " + like + " has "
                    + partitions + "; they must be equal");
            }
            return existing;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot prepare " + topic + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    /**
     * Returns once every partition of these just-created topics has a leader. Until then the broker
     * refuses writes (NOT_LEADER_OR_FOLLOWER); an idempotent producer then retries a partition's
     * first batch after the broker, leader by then, has taken the batches sent behind it, the retry
     * is out of sequence (OUT_OF_ORDER_SEQUENCE_NUMBER) until delivery.timeout.ms (120 s) expires,
     * and its records are lost (seen in the bench's relay, docs/benchmarks.md). Only a partition's
     * leader answers its offsets, and the admin client asks again until it is one. On a cluster of
     * several brokers the one asked may not know a topic the controller has just created
     * (UNKNOWN_TOPIC_OR_PARTITION, which the admin client does not retry): asked again, for at most
     * {@link #METADATA_PROPAGATION}.
     */
    public static void awaitLeaders(Admin admin, List<NewTopic> created) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        for (NewTopic topic : created) {
            for (int partition = 0; partition < topic.numPartitions(); partition++) {
                ends.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
            }
        }
        long deadline = System.nanoTime() + METADATA_PROPAGATION.toNanos();
        while (true) {
            try {
                admin.listOffsets(ends).all().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100); // waiting for the brokers' metadata to catch up, not for a result
            }
        }
    }

    /** Creates every missing topic, writable when this returns; returns the names it created. */
    public static Set<String> ensure(Admin admin, int partitions) {
        try {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics(partitions).stream().filter(t -> !existing.contains(t.name())).toList();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e; // a concurrent creator is fine; anything else is not
                    }
                }
            }
            awaitLeaders(admin, missing);
            return Set.copyOf(missing.stream().map(NewTopic::name).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
