package org.rogatory.platform.topics;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicCatalogueTest {

    /** What {@link NewTopic#replicationFactor()} answers when none was given: the broker then applies its default. */
    private static final short CLUSTER_DEFAULT = -1;

    @Test
    @DisplayName("every topic takes the cluster's default replication: 1 on the in-process broker, 3 on a three-broker cluster")
    void replicationIsTheClusters() {
        List<NewTopic> topics = TopicCatalogue.topics(TopicCatalogue.DEFAULT_PARTITIONS);
        assertTrue(topics.size() > 10);
        topics.forEach(topic -> assertEquals(CLUSTER_DEFAULT, topic.replicationFactor(), topic.name()));
    }
}
