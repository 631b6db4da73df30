package org.rogatory.platform.serde;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Plain Kafka clients configured by class name, on a real (in-process) broker. */
class DeserializationOnABrokerTest {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            assertEquals(TopicCatalogue.topics(2).size(), TopicCatalogue.ensure(admin, 2).size());
            assertEquals(0, TopicCatalogue.ensure(admin, 2).size(), "second run creates nothing");
        }
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void plainClientsRoundTripAndABadRecordIsNamedByPartitionAndOffset() throws Exception {
        String registry = "mock://broker-test";
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class.getName(),
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry);
        try (var producer = new KafkaProducer<String, Object>(producerConfig);
             var raw = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                 new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, 0, "C-1", SampleEvents.caseEvent("C-1"))).get();
            raw.send(new ProducerRecord<>(Topics.CASE_EVENTS, 0, "C-2", "not avro".getBytes())).get();
        }
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "broker-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class.getName(),
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry, AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        try (var consumer = new KafkaConsumer<String, Object>(consumerConfig)) {
            consumer.assign(List.of(new org.apache.kafka.common.TopicPartition(Topics.CASE_EVENTS, 0)));
            var received = new java.util.ArrayList<ConsumerRecord<String, Object>>();
            RecordDeserializationException[] failure = new RecordDeserializationException[1];
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try {
                    consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                } catch (RecordDeserializationException e) {
                    failure[0] = e;
                }
                return failure[0] != null;
            });
            assertEquals(SampleEvents.caseEvent("C-1"), (CaseEvent) received.getFirst().value());
            String message = failure[0].getMessage() + " / " + failure[0].getCause().getMessage();
            assertEquals(1, failure[0].offset());
            assertTrue(message.contains(Topics.CASE_EVENTS + "-0"), message);
            assertTrue(message.contains("offset 1"), message);
            assertTrue(message.contains("not in Confluent wire format"), message);
        }
    }
}
