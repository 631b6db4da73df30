package org.rogatory.timer.topology;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Follow-up notices that reached the links topic before their earlier case was opened, in their
 * store ({@code parent|time|partition|offset|case} → the follow-up's record), until that case comes
 * or every partition has passed their time without it.
 */
final class ParkedFollowUps {

    /** A follow-up of {@code caseId} to {@code parentId}, read at {@code partition}/{@code offset} of the links topic. */
    record Notice(String parentId, long at, int partition, long offset, String caseId, byte[] record) {
        String key() {
            return String.join("|", parentId, "%020d".formatted(at), String.valueOf(partition), String.valueOf(offset), caseId);
        }

        static Notice of(String key, byte[] record) {
            String[] part = key.split("\\|");
            return new Notice(part[0], Long.parseLong(part[1]), Integer.parseInt(part[2]), Long.parseLong(part[3]), part[4], record);
        }
    }

    private final KeyValueStore<String, byte[]> store;

    ParkedFollowUps(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    void park(Notice notice) {
        store.put(notice.key(), notice.record());
    }

    /** The notices waiting for {@code parentId}, no longer parked. */
    List<Notice> takeFor(String parentId) {
        List<Notice> waiting = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(parentId + "|", new StringSerializer())) {
            it.forEachRemaining(kv -> waiting.add(Notice.of(kv.key, kv.value)));
        }
        waiting.forEach(notice -> store.delete(notice.key()));
        return waiting;
    }

    /** The notices stamped before {@code passed}, no longer parked: their earlier case never came. */
    List<Notice> expireBefore(long passed) {
        List<KeyValue<String, byte[]>> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.all()) {
            it.forEachRemaining(kv -> {
                if (Notice.of(kv.key, kv.value).at() < passed) {
                    expired.add(kv);
                }
            });
        }
        expired.forEach(kv -> store.delete(kv.key));
        return expired.stream().map(kv -> Notice.of(kv.key, kv.value)).toList();
    }
}
