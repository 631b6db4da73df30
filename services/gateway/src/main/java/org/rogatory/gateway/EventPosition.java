package org.rogatory.gateway;

import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a live event stream stands: for every partition it reads, the offset of the next record.
 * Sent as each event's SSE id, so a client reconnecting with {@code Last-Event-ID} resumes right
 * after the last event it received, whatever it missed in between ({@code topic:partition:offset},
 * comma-separated).
 */
record EventPosition(Map<TopicPartition, Long> next) {

    EventPosition {
        next = Map.copyOf(next);
    }

    String render() {
        TreeMap<String, Long> sorted = new TreeMap<>();
        next.forEach((partition, offset) -> sorted.put(partition.topic() + ":" + partition.partition(), offset));
        return sorted.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining(","));
    }

    /** @throws IllegalArgumentException saying what is wrong with the text */
    static EventPosition parse(String text) {
        Map<TopicPartition, Long> next = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        for (String entry : text.split(",")) {
            String[] parts = entry.trim().split(":");
            try {
                if (parts.length != 3 || !LiveEvents.TOPICS.contains(parts[0])) {
                    throw new NumberFormatException();
                }
                long offset = Long.parseLong(parts[2]);
                int partition = Integer.parseInt(parts[1]);
                if (offset < 0 || partition < 0) {
                    throw new NumberFormatException();
                }
                next.put(new TopicPartition(parts[0], partition), offset);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + entry + "' is not a position this stream gave (topic:partition:offset of "
                    + String.join(" or ", LiveEvents.TOPICS) + ")");
            }
        }
        return new EventPosition(next);
    }
}
