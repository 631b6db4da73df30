package org.rogatory.simulator.load;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches a step's stages from Kafka, as any consumer downstream would: read_committed, from the
 * end of every partition of every stage's topics at the step's start, each record's arrival timed
 * when the poll returns it.
 */
final class StageProbe implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration START = Duration.ofSeconds(30);

    private final Thread thread;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean stopped;

    StageProbe(String bootstrapServers, StepLedger ledger) {
        Map<String, Integer> stageOf = new HashMap<>();
        for (int i = 0; i < ledger.stages().size(); i++) {
            for (String topic : ledger.stages().get(i).topics()) {
                stageOf.put(topic, i);
            }
        }
        thread = new Thread(() -> watch(bootstrapServers, ledger, stageOf), "load-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!positioned.await(START.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the load probe could not reach the end of " + stageOf.keySet()
                    + " within " + START.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        requireRunning();
    }

    private void watch(String bootstrapServers, StepLedger ledger, Map<String, Integer> stageOf) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 5,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : stageOf.keySet()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // seekToEnd is lazy: fix the positions before the first request
            positioned.countDown();
            while (!stopped) {
                var records = consumer.poll(POLL);
                long now = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    int stage = stageOf.get(record.topic());
                    ledger.arrived(stage, ledger.stages().get(stage).requestId().apply(record), now, record.serializedValueSize());
                }
            }
        } catch (RuntimeException e) {
            failure.set(e);
            positioned.countDown();
        }
    }

    /** Fails if the probe stopped on an error: a step it no longer watches would read as a stalled pipeline. */
    void requireRunning() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw new IllegalStateException("the load probe stopped: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
