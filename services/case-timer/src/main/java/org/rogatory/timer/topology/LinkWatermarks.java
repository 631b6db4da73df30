package org.rogatory.timer.topology;

import java.util.HashMap;
import java.util.Map;

/**
 * The time each partition has announced on the links topic: a follow-up stamped before all
 * of them has reached its case. Each partition multicasts its mark (key
 * {@code \u0000watermark:<partition>}, no value, timestamp = the time it has decided up to) after each tick;
 * kept in memory, re-learned from the next marks after a restart.
 */
final class LinkWatermarks {
    private static final String PREFIX = "\u0000watermark:";

    private final int partitions;
    private final Map<Integer, Long> marks = new HashMap<>();

    LinkWatermarks(int partitions) {
        this.partitions = partitions;
    }

    /** The key of {@code partition}'s mark. */
    static String mark(int partition) {
        return PREFIX + partition;
    }

    static boolean isMark(String key) {
        return key != null && key.startsWith(PREFIX);
    }

    /** A mark read from the links topic. */
    void record(String mark, long streamTime) {
        marks.merge(Integer.parseInt(mark.substring(PREFIX.length())), streamTime, Math::max);
    }

    /** The time every partition has decided up to; {@link Long#MIN_VALUE} until each has announced one. */
    long passed() {
        if (marks.size() < partitions) {
            return Long.MIN_VALUE;
        }
        return marks.values().stream().mapToLong(Long::longValue).min().orElse(Long.MIN_VALUE);
    }
}
