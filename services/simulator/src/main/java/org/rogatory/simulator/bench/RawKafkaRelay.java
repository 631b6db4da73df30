package org.rogatory.simulator.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.simulator.run.Pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;

/**
 * The yardstick: the same number of records, of the same size, written to a topic and relayed
 * through the same number of consume→produce hops as the pipeline has stages, with plain Kafka
 * clients on a fresh in-process broker. What Kafka alone costs on this machine, now.
 *
 * <p>Each hop waits for every record the previous one wrote, so a record lost on the way would
 * make it wait forever: nothing is written before the broker leads every partition, every write is
 * checked (a producer reports a failed send only to its callback), and a hop that receives nothing
 * for {@code patience} gives up, naming what it expected and what arrived.
 */
final class RawKafkaRelay {

    /** Long enough for a loaded machine's pauses (GC, a busy broker); a relay of 100 000 records takes seconds. */
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private RawKafkaRelay() {
    }

    /** Seconds to write {@code records} records of {@code size} bytes and relay them through {@code hops} hops. */
    static double seconds(long records, int size, int hops, int partitions, Duration patience)
        throws ExecutionException, InterruptedException {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (int hop = 0; hop <= hops; hop++) {
                topics.add(new NewTopic(topic(hop), partitions, (short) 1));
            }
            admin.createTopics(topics).all().get();
            TopicCatalogue.awaitLeaders(admin, topics);
            byte[] value = new byte[size];
            new Random(42).nextBytes(value);
            long start = System.nanoTime();
            RelayHop.Writes writes = new RelayHop.Writes(topic(0));
            try (KafkaProducer<byte[], byte[]> producer = RelayHop.producer(kafka.bootstrapServers(), "none", Pipeline.CONTROL_LINGER, null)) {
                for (long i = 0; i < records; i++) {
                    producer.send(new ProducerRecord<>(topic(0), Long.toString(i).getBytes(), value), writes);
                }
            }
            writes.requireAll(records);
            for (int hop = 1; hop <= hops; hop++) {
                relay(kafka.bootstrapServers(), topic(hop - 1), topic(hop), records, patience);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static String topic(int hop) {
        return "relay-" + hop;
    }

    /** One consume→produce hop: copies {@code expected} records from {@code from} to {@code to}. */
    static void relay(String bootstrapServers, String from, String to, long expected, Duration patience) {
        RelayHop hop = new RelayHop(bootstrapServers, from, to, RelayHop.Settings.BENCH);
        try (hop) {
            long relayed = 0;
            long lastArrival = System.nanoTime();
            while (relayed < expected) {
                int arrived = hop.pass();
                if (arrived == 0) {
                    if (System.nanoTime() - lastArrival > patience.toNanos()) {
                        throw new IllegalStateException(String.format(
                            "raw Kafka relay %s -> %s: expected %d records, %d arrived, none in the last %d s",
                            from, to, expected, relayed, patience.toSeconds()));
                    }
                    continue;
                }
                lastArrival = System.nanoTime();
                relayed += arrived;
            }
        }
        hop.requireAll(expected);
    }

}
