package org.rogatory.simulator.run;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.platform.kafka.EmbeddedKafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The lockstep barrier on a real broker: what it must not take for quiescence. */
class QuiescenceTest {

    private static final String INPUT = "quiescence-input";
    private static final String GROUP = "quiescence-reader";
    private static final TopicPartition PARTITION = new TopicPartition(INPUT, 0);

    @Test
    @DisplayName("an open transaction on an input (a killed instance's) hides the records after it: not quiescent until it ends")
    void openTransactionIsNotQuiescence() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(INPUT, 1, (short) 1))).all().get();
            LinkedHashMap<String, List<String>> inputs = new LinkedHashMap<>(Map.of(GROUP, List.of(INPUT)));
            Quiescence barrier = new Quiescence(admin, inputs);
            assertThat(barrier.lag()).as("nothing written, nothing to read").isEmpty();

            try (KafkaProducer<String, String> zombie = transactional(kafka, "zombie");
                 KafkaProducer<String, String> successor = transactional(kafka, "successor")) {
                zombie.beginTransaction();
                zombie.send(new ProducerRecord<>(INPUT, 0, "case-1", "decided before the kill")).get();
                successor.beginTransaction();
                successor.send(new ProducerRecord<>(INPUT, 0, "case-1", "decided again after the restart")).get();
                successor.commitTransaction();
                // the reader has read everything a read_committed consumer sees: nothing, the first record being open
                admin.alterConsumerGroupOffsets(GROUP, Map.of(PARTITION, new OffsetAndMetadata(0))).all().get();

                assertThat(barrier.lag()).as("the reader is at the last stable offset, but records wait behind it")
                    .containsEntry("open transaction@" + PARTITION, 3L);

                zombie.abortTransaction(); // what the broker does once transaction.timeout.ms has passed
            }
            assertThat(barrier.lag()).as("the successor's record is now readable, and not yet read")
                .containsOnlyKeys(GROUP + "@" + PARTITION);
            admin.alterConsumerGroupOffsets(GROUP, Map.of(PARTITION, new OffsetAndMetadata(4))).all().get();
            assertThat(barrier.lag()).as("read to the end, both transactions ended").isEmpty();
        }
    }

    private static KafkaProducer<String, String> transactional(EmbeddedKafka kafka, String id) {
        KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(), ProducerConfig.TRANSACTIONAL_ID_CONFIG, "quiescence-" + id),
            new StringSerializer(), new StringSerializer());
        producer.initTransactions();
        return producer;
    }
}
