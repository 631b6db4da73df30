package org.rogatory.simulator.load;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.simulator.bench.RelayHop;
import org.rogatory.simulator.run.Pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The yardstick: plain Kafka clients on the same broker, records as long as the pipeline's
 * requests, through as many consume→produce hops as the pipeline's deepest stage, each hop
 * committing as the service it stands for does (its processing guarantee and commit interval).
 * Every step lays fresh topics, so a backlog a step leaves behind never reaches the next.
 */
final class RawKafkaTarget implements LoadTarget {

    static final String ONE_HOP = "1 hop";

    private final String bootstrapServers;
    private final Admin admin;
    private final int partitions;
    private final List<RelayHop.Settings> hops;
    private final String compression;
    private final List<Thread> relaying = new ArrayList<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean stopped;
    private List<String> topics = List.of();
    private List<Stage> stages = List.of();
    private KafkaProducer<byte[], byte[]> producer;
    private RelayHop.Writes writes;
    private long sent;
    private byte[] value;

    /** @param hops the settings of each hop, in order: the services a request passes through */
    RawKafkaTarget(String bootstrapServers, int partitions, List<RelayHop.Settings> hops, String compression) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
        this.partitions = partitions;
        this.hops = List.copyOf(hops);
        this.compression = compression;
    }

    @Override
    public String name() {
        return "raw Kafka";
    }

    @Override
    public void begin(String step, int recordBytes) {
        topics = new ArrayList<>();
        List<NewTopic> created = new ArrayList<>();
        List<Stage> laid = new ArrayList<>();
        for (int hop = 0; hop <= hops.size(); hop++) {
            String topic = "load-raw-" + step + "-" + hop;
            topics.add(topic);
            created.add(new NewTopic(topic, partitions, (short) 1));
            laid.add(Stage.keyed(hop == 0 ? "written" : hop == 1 ? ONE_HOP : hop + " hops", hop, topic));
        }
        try {
            admin.createTopics(created).all().get();
            TopicCatalogue.awaitLeaders(admin, created);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the yardstick's topics " + topics + ": " + e.getCause().getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        stages = List.copyOf(laid);
        value = new byte[recordBytes];
        new Random(42).nextBytes(value);
        stopped = false;
        sent = 0;
        writes = new RelayHop.Writes(topics.getFirst());
        producer = RelayHop.producer(bootstrapServers, compression, Pipeline.CONTROL_LINGER, null);
        for (int hop = 1; hop <= hops.size(); hop++) {
            RelayHop relay = new RelayHop(bootstrapServers, topics.get(hop - 1), topics.get(hop), hops.get(hop - 1));
            Thread thread = new Thread(() -> {
                try (relay) {
                    while (!stopped) {
                        relay.pass();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }, "load-relay-" + hop);
            thread.setDaemon(true);
            thread.start();
            relaying.add(thread);
        }
    }

    @Override
    public List<Stage> stages() {
        return stages;
    }

    @Override
    public String keyStage() {
        return ONE_HOP;
    }

    @Override
    public void send(String id, long intendedEpochMillis) {
        producer.send(new ProducerRecord<>(topics.getFirst(), null, intendedEpochMillis, id.getBytes(StandardCharsets.UTF_8), value),
            writes);
        sent++;
    }

    @Override
    public void flush() {
        producer.flush();
        writes.requireAll(sent);
    }

    @Override
    public void end() {
        stopped = true;
        producer.close();
        for (Thread thread : relaying) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        relaying.clear();
        RuntimeException e = failure.getAndSet(null);
        if (e != null) {
            throw new IllegalStateException("a raw Kafka hop failed: " + e.getMessage(), e);
        }
    }

    void close() {
        admin.close();
    }
}
