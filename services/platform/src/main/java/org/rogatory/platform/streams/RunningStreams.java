package org.rogatory.platform.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;

import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/** Starts a Kafka Streams service and returns once it runs, so callers never feed a service that is not there. */
public final class RunningStreams {

    private RunningStreams() {
    }

    /** @throws IllegalStateException if the streams end in ERROR while starting */
    public static KafkaStreams start(Topology topology, Properties config, String service) {
        KafkaStreams streams = new KafkaStreams(topology, config);
        CountDownLatch settled = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR) {
                settled.countDown();
            }
        });
        streams.start();
        try {
            settled.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            streams.close();
            throw new IllegalStateException("interrupted while the " + service + " was starting", e);
        }
        if (streams.state() == KafkaStreams.State.ERROR) {
            streams.close();
            throw new IllegalStateException("the " + service + " failed to start (see the log above)");
        }
        return streams;
    }
}
