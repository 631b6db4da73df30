package org.rogatory.simulator.run;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.rogatory.platform.topics.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;

/**
 * Stream services already running against a cluster (docker-compose, Kubernetes), found through
 * Kafka alone: a Kafka Streams service is a consumer group, so the services are the groups with
 * active members that read a {@code coop.*} topic, and what each reads is what its members are
 * assigned (internal topics included). A run that drives them waits at its barrier on those groups,
 * exactly as on its own services' groups.
 */
public final class RunningServices {

    /** The first topic of each stage a run needs a running service for, in pipeline order. */
    private static final Map<String, String> STAGES = stages();
    /** How often a run asks whether every service still has members (one broker round trip). */
    private static final Duration LIVENESS_CHECK = Duration.ofSeconds(1);

    private final Admin admin;
    private final LinkedHashMap<String, List<String>> inputsByGroup;
    private long nextCheck;

    private RunningServices(Admin admin, LinkedHashMap<String, List<String>> inputsByGroup) {
        this.admin = admin;
        this.inputsByGroup = inputsByGroup;
    }

    /** Consumer group → the topics its active members read, for every group reading a {@code coop.*} topic. */
    static Map<String, Set<String>> find(Admin admin) {
        try {
            List<String> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get().stream()
                .map(GroupListing::groupId).toList();
            Map<String, Set<String>> reading = new TreeMap<>();
            for (ConsumerGroupDescription group : admin.describeConsumerGroups(groups).all().get().values()) {
                Set<String> topics = new TreeSet<>();
                for (MemberDescription member : group.members()) {
                    member.assignment().topicPartitions().stream().map(TopicPartition::topic).forEach(topics::add);
                }
                if (topics.stream().anyMatch(topic -> topic.startsWith("coop."))) {
                    reading.put(group.groupId(), topics);
                }
            }
            return reading;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the cluster's consumer groups: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The running services a run drives, in pipeline order.
     *
     * @throws IllegalStateException naming the first stage no running service covers
     */
    static RunningServices require(Admin admin, String bootstrapServers) {
        Map<String, Set<String>> reading = find(admin);
        for (var stage : STAGES.entrySet()) {
            if (reading.values().stream().noneMatch(topics -> topics.contains(stage.getKey()))) {
                throw new IllegalStateException("--use-running-services: no service running against " + bootstrapServers
                    + " reads " + stage.getKey() + " (the " + stage.getValue() + "); start it (docker compose up -d)"
                    + " or run without --use-running-services on a fresh cluster");
            }
        }
        LinkedHashMap<String, List<String>> ordered = new LinkedHashMap<>();
        reading.entrySet().stream().sorted(Comparator.comparingInt(e -> stage(e.getValue())))
            .forEach(e -> ordered.put(e.getKey(), new ArrayList<>(e.getValue())));
        return new RunningServices(admin, ordered);
    }

    /** The groups with the topics their members read, in pipeline order: what the barrier checks. */
    LinkedHashMap<String, List<String>> inputsByGroup() {
        return inputsByGroup;
    }

    /** A group left without members (its service stopped or crashed), checked at most once a second. */
    Optional<String> failure() {
        long now = System.nanoTime();
        if (now < nextCheck) {
            return Optional.empty();
        }
        nextCheck = now + LIVENESS_CHECK.toNanos();
        try {
            return admin.describeConsumerGroups(inputsByGroup.keySet()).all().get().values().stream()
                .filter(group -> group.members().isEmpty()).findFirst()
                .map(group -> "the service of consumer group " + group.groupId() + " stopped (no member left)");
        } catch (ExecutionException e) {
            // A coordinator moving (a broker stopping) is no news of the services: ask again next time.
            return e.getCause() instanceof RetriableException ? Optional.empty()
                : Optional.of("cannot describe the services' consumer groups: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int stage(Set<String> topics) {
        int stage = 0;
        for (String topic : STAGES.keySet()) {
            if (topics.contains(topic)) {
                return stage;
            }
            stage++;
        }
        return stage;
    }

    private static Map<String, String> stages() {
        Map<String, String> stages = new LinkedHashMap<>();
        stages.put(Topics.REQUESTS_SUBMITTED, "router");
        stages.put(Topics.CHANNEL_CENTRAL_AUTHORITY, "authorities");
        stages.put(Topics.CASE_EVENTS, "case timer");
        return stages;
    }
}
