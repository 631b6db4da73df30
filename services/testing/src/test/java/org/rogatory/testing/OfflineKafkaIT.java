package org.rogatory.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.utility.DockerImageName;

@ExtendWith(DockerRequirement.class)
class OfflineKafkaIT {

    private static final String TOPIC = "offline-kafka-it";

    @Test
    @DisplayName("records produced to the offline broker are consumed back, in order, with their keys")
    void producesAndConsumes() throws Exception {
        String bootstrap = OfflineKafka.bootstrapServers();
        assertTrue(bootstrap.startsWith("localhost:"), bootstrap);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        List<String> sent = IntStream.range(0, 20).mapToObj(i -> "CASE-" + i).toList();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (String caseId : sent) {
                producer.send(new ProducerRecord<>(TOPIC, caseId, "request for " + caseId)).get();
            }
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "offline-kafka-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(Set.of(TOPIC));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                return received.size() >= sent.size();
            });
        }
        assertEquals(sent, received.stream().map(ConsumerRecord::key).toList());
        assertEquals(sent.stream().map(caseId -> "request for " + caseId).toList(),
                received.stream().map(ConsumerRecord::value).toList());
    }

    @Test
    @DisplayName("the pull policy uses the local image and refuses, naming the build script, to pull a missing one")
    void neverPulls() {
        LocalImagesOnly policy = new LocalImagesOnly();
        assertFalse(policy.shouldPull(DockerImageName.parse(OfflineKafka.IMAGE)));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> policy.shouldPull(DockerImageName.parse("rogatory/absent-image:0.0.0")));
        assertTrue(refused.getMessage().contains("is never pulled"), refused.getMessage());
        assertTrue(refused.getMessage().contains("deploy/kafka-image/build.sh"), refused.getMessage());
    }
}
