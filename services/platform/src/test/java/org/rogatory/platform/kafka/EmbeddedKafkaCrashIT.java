package org.rogatory.platform.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broker whose JVM was killed (SIGKILL) reopens its data directory in seconds. Before, the
 * controller kept the dead incarnation registered for the 60 s session and the new broker gave up
 * registering at 60 s with "Fatal error during broker startup".
 */
class EmbeddedKafkaCrashIT {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCrashIT.class);
    private static final Duration REOPENED_WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void reopensTheDataOfAKilledBrokerInSeconds() throws Exception {
        Path data = tmp.resolve("data");
        Path output = tmp.resolve("broker.out");
        Process broker = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
            "-cp", System.getProperty("java.class.path"), Broker.class.getName(), data.toString())
            .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(90)).failFast("the broker process exited", () -> !broker.isAlive())
                .until(() -> Files.readString(output).contains(Broker.READY));
        } finally {
            broker.destroyForcibly();
            broker.waitFor(30, TimeUnit.SECONDS);
        }

        long restart = System.nanoTime();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(0, data)) {
            Duration reopened = Duration.ofNanos(System.nanoTime() - restart);
            LOG.info("a killed broker's data reopened in {} ms", reopened.toMillis());
            assertTrue(reopened.compareTo(REOPENED_WITHIN) < 0, "reopened in " + reopened);
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                    new StringDeserializer(), new StringDeserializer())) {
                TopicPartition partition = new TopicPartition(Broker.TOPIC, 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                ConsumerRecords<String, String> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.poll(Duration.ofMillis(200)), r -> !r.isEmpty());
                assertEquals("written before the crash", records.iterator().next().value());
            }
        }
    }

    /** A broker in its own JVM: writes one record, says it is ready, and runs until killed. */
    public static final class Broker {
        static final String TOPIC = "crash";
        static final String READY = "broker ready";

        public static void main(String[] args) throws Exception {
            EmbeddedKafka kafka = EmbeddedKafka.start(0, Path.of(args[0]));
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
                 var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
                     new StringSerializer(), new StringSerializer())) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
                producer.send(new ProducerRecord<>(TOPIC, "k", "written before the crash")).get();
            }
            System.out.println(READY);
            System.out.flush();
            new CountDownLatch(1).await(); // until SIGKILL
        }
    }
}
