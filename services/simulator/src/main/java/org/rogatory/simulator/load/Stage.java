package org.rogatory.simulator.load;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.function.Function;

/**
 * A point a request reaches, seen as a record on one of {@code topics}, behind {@code hops}
 * consume→produce hops from its submission; {@code requestId} names the request a record is about.
 */
record Stage(String name, int hops, List<String> topics, Function<ConsumerRecord<String, byte[]>, String> requestId) {

    /** A stage whose records are keyed by the request's id. */
    static Stage keyed(String name, int hops, String topic) {
        return new Stage(name, hops, List.of(topic), ConsumerRecord::key);
    }
}
