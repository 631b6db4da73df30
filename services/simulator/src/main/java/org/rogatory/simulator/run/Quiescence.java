package org.rogatory.simulator.run;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The barrier of a lockstep run: waits until every service has committed everything on its input
 * topics (consumer group offsets = last stable offsets). A service commits its input offsets only
 * once its outputs are written (in the same transaction under exactly-once, after a flush under
 * at-least-once), so a committed input means its outputs are visible downstream; checking the
 * groups in pipeline order, twice in a row, means nothing is in flight anywhere.
 */
public final class Quiescence {

    private final Admin admin;
    private final LinkedHashMap<String, List<String>> inputsByGroup;
    private final Map<String, List<TopicPartition>> partitionsByTopic = new HashMap<>();

    /** @param inputsByGroup consumer group (Streams application id) → its input topics, in pipeline order */
    public Quiescence(Admin admin, LinkedHashMap<String, List<String>> inputsByGroup) {
        this.admin = admin;
        this.inputsByGroup = inputsByGroup;
    }

    /**
     * Blocks until quiescent; {@code failure} is checked on every pass so a dead service fails fast.
     * Returns the number of passes it took.
     */
    public int await(Duration timeout, Supplier<Optional<String>> failure) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int idlePasses = 0;
        int passes = 0;
        long pause = 1;
        while (idlePasses < 2) {
            passes++;
            failure.get().ifPresent(reason -> {
                throw new IllegalStateException(reason + " while the exercise was running");
            });
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("services still busy after " + timeout + ": lag " + lag());
            }
            if (lag().isEmpty()) {
                idlePasses++;
            } else {
                idlePasses = 0;
                pause(pause);
                pause = Math.min(pause * 2, 20);
            }
        }
        return passes;
    }

    /**
     * Uncommitted input per group and partition, and inputs behind an open transaction; empty when
     * quiescent. Two broker round trips (the second two requests in parallel). A
     * question the cluster cannot answer for now (a broker stopping, a coordinator or a leader
     * moving: Kafka's retriable errors) is not an answer: it reads as lag, and the barrier asks
     * again until its timeout, as the services' own clients ride out the same failover.
     */
    public Map<String, Long> lag() {
        Map<String, Long> lag = new LinkedHashMap<>();
        try {
            Map<String, ListConsumerGroupOffsetsSpec> specs = new LinkedHashMap<>();
            inputsByGroup.keySet().forEach(group -> specs.put(group, new ListConsumerGroupOffsetsSpec()));
            var result = admin.listConsumerGroupOffsets(specs);
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new LinkedHashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var entry : inputsByGroup.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> offsets = result.partitionsToOffsetAndMetadata(entry.getKey()).get();
                Set<TopicPartition> partitions = new HashSet<>(offsets.keySet());
                for (String topic : entry.getValue()) {
                    partitions.addAll(partitions(topic));
                }
                Map<TopicPartition, OffsetAndMetadata> withInputs = new HashMap<>();
                partitions.forEach(tp -> {
                    withInputs.put(tp, offsets.get(tp));
                    latest.put(tp, OffsetSpec.latest());
                });
                committed.put(entry.getKey(), withInputs);
            }
            var stable = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all();
            var written = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all();
            var ends = stable.get();
            committed.forEach((group, offsets) -> offsets.forEach((tp, offset) -> {
                long behind = ends.get(tp).offset() - (offset == null ? 0 : offset.offset());
                if (behind > 0) {
                    lag.put(group + "@" + tp, behind);
                }
            }));
            // A transaction still open on an input hides what was written after it from every
            // read_committed consumer, so its reader looks done. After a SIGKILL the dead
            // instance's transaction stays open until the broker aborts it (transaction.timeout.ms),
            // while its successor's records wait behind it: not quiescent until it has ended.
            written.get().forEach((tp, end) -> {
                long hidden = end.offset() - ends.get(tp).offset();
                if (hidden > 0) {
                    lag.put("open transaction@" + tp, hidden);
                }
            });
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) {
                return Map.of("unanswered (" + e.getCause().getClass().getSimpleName() + ")", -1L);
            }
            throw new IllegalStateException("cannot read consumer offsets: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return lag;
    }

    private List<TopicPartition> partitions(String topic) throws ExecutionException, InterruptedException {
        List<TopicPartition> known = partitionsByTopic.get(topic);
        if (known == null) {
            known = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
            partitionsByTopic.put(topic, known);
        }
        return known;
    }

    private static void pause(long millis) {
        try {
            // Polling the broker's offsets with a short backoff: there is no push notification
            // for "a consumer group has committed", and this is the run loop, not a test.
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
